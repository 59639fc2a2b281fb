"""Load the demo content: accounts, creators and their shops, hubs, pages in three languages.

Idempotent: what exists is left alone, so running it again changes nothing.
"""

import logging
import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import translation

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


@contextmanager
def _quiet_loggers():
    """Wagtail logs every page created and published, the task runner every search-index
    update, Oscar every stock alert: hundreds of INFO lines that would drown the progress
    report."""
    loggers = [logging.getLogger(name) for name in ("wagtail", "django_tasks", "oscar.alerts")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Load the demo content (idempotent): accounts, creators, products, pages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Print only the summary and the logins."
        )

    def handle(self, *args, quiet=False, **options):
        started = time.monotonic()
        with translation.override("fr"), _quiet_loggers():
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
