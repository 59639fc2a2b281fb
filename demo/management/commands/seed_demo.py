"""Load the demo content on top of a set-up site: ``setup_site``'s pages, roles and settings
first (the same code, so the demo never hides a missing production step), then accounts,
creators and their shops, hubs, news, events, orders, quotes, the hackathon.

Idempotent: what exists is left alone, so running it again changes nothing.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from cms.setup import quiet_loggers
from demo import data
from demo.builders import Seeder
from demo.directory import ensure_directory

LOGINS = [
    ("admin@example.org", "superuser", "/admin/"),
    ("comms@example.org", "communication staff (Communication: write, submit)", "/admin/"),
    ("moderator@example.org", "moderator (Moderators: publish)", "/admin/"),
    ("staff@example.org", "programme staff (profiles, orders)", "/admin/"),
    ("creator@example.org", "creator: Salma Benali, photographer, with a shop", "my-shop"),
    ("client@example.org", "client", "login"),
]


class Command(BaseCommand):
    help = "Set up the site and load the demo content (idempotent): accounts, creators, pages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Print only the summary and the logins."
        )

    def handle(self, *args, quiet=False, **options):
        started = time.monotonic()
        with translation.override("fr"), quiet_loggers():
            seeder = Seeder(self.stdout, quiet=quiet)
            created = seeder.run()
            created.update(ensure_directory())
            with transaction.atomic():
                seeder.ensure_hub_pages()  # after the directory's hubs exist
            self.report(created, time.monotonic() - started)

    def report(self, created, seconds):
        created = {what: n for what, n in created.items() if n}
        if created:
            summary = ", ".join(f"{n} {what}" for what, n in created.items())
            self.stdout.write(
                self.style.SUCCESS(f"Demo content loaded in {seconds:.0f} s: created {summary}.")
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content already present; nothing to do ({seconds:.0f} s)."
                )
            )
        places = {"my-shop": reverse("creators:summary"), "login": reverse("customer:login")}
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {data.DEMO_PASSWORD})")
        for email, role, where in LOGINS:
            self.stdout.write(f"  {email:<24} {role} — {places.get(where, where)}")
        self.stdout.write("")
        self.stdout.write(
            "Periodic jobs (quotes, retention purge, scheduled pages, sessions, baskets): "
            "manage.py run_jobs --list; in production, cron or a systemd timer (docs/deploy.md)."
        )
