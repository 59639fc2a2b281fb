"""Make a migrated database a working Takafamap site (idempotent; run after every upgrade).

    BASE_URL=https://takafamap.ma manage.py setup_site --admin-email admin@takafamap.ma
    manage.py setup_site --no-input          # an upgrade: pages, roles, settings only

Creates what is missing and never overwrites: the page tree in French, Arabic and English,
the site's settings, its address and name (from ``BASE_URL`` and ``SITE_NAME``, the one source
every email and feed also reads), the shop's categories, the roles' permissions, and the
first administrator (a superuser) when asked. The password comes from ``--admin-password``,
the ``DJANGO_SUPERUSER_PASSWORD`` environment variable or a prompt.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.utils import translation

from cms.setup import SiteBuilder, quiet_loggers
from core import sites


class Command(BaseCommand):
    help = "Create the pages, roles, settings and first administrator a real site needs."

    def add_arguments(self, parser):
        parser.add_argument("--admin-email", help="Email of the first administrator.")
        parser.add_argument(
            "--admin-password",
            help="Password of the first administrator (or DJANGO_SUPERUSER_PASSWORD).",
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Ask nothing: use the options and defaults only.",
        )
        parser.add_argument("--quiet", action="store_true", help="Print only the summary.")

    def handle(self, *args, interactive=True, quiet=False, **options):
        email = options["admin_email"]
        password = options["admin_password"] or os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        User = get_user_model()
        has_admin = User.objects.filter(is_superuser=True, is_active=True).exists()
        if interactive:
            if not email and not has_admin:
                email = self._ask("Email of the first administrator (empty: none now): ")
        admin = None
        if email:
            admin = self._administrator(User, email, password, interactive)

        with translation.override("fr"), quiet_loggers():
            created = SiteBuilder().run()
        self._report(created, admin, has_admin or admin is not None, quiet)

    def _ask(self, prompt):
        return input(prompt).strip()

    def _administrator(self, User, email, password, interactive):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"--admin-email: {error.messages[0]}") from error
        existing = User.objects.filter(email__iexact=email).first()
        if existing is not None:
            if not existing.is_superuser:
                raise CommandError(
                    f"{email} exists and is not an administrator: give it the superuser flag "
                    "in the admin, or choose another email."
                )
            self.stdout.write(f"Administrator {email} already exists (left unchanged).")
            return existing
        if not password and interactive:
            while True:
                password = getpass.getpass("Password: ")
                if password != getpass.getpass("Password (again): "):
                    self.stderr.write("The two passwords differ.")
                    continue
                try:
                    validate_password(password, User(email=email))
                except ValidationError as error:
                    self.stderr.write(" ".join(error.messages))
                    continue
                break
        if not password:
            raise CommandError(
                "The first administrator needs a password: --admin-password, "
                "DJANGO_SUPERUSER_PASSWORD, or run without --no-input."
            )
        try:
            validate_password(password, User(email=email))
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from error
        user = User.objects.create_superuser(email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Administrator {email} created."))
        return user

    def _report(self, created, admin, has_admin, quiet):
        created = {what: n for what, n in created.items() if n}
        if created:
            summary = ", ".join(f"{n} {what}" for what, n in created.items())
            self.stdout.write(self.style.SUCCESS(f"Site set up: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS("Site already set up; nothing changed."))
        if quiet:
            return
        self.stdout.write("")
        self.stdout.write("Next steps:")
        if not has_admin:
            self.stdout.write(
                "  - create the first administrator: manage.py setup_site --admin-email <email>"
            )
        self.stdout.write(
            f"  - sign in at {sites.absolute('/admin/')} and fill in "
            "Settings › Site settings (address, phone, social links) and the legal notice's "
            "[placeholders]"
        )
        self.stdout.write(
            "  - add staff in Settings › Users, each in one group: Communication, Moderators, "
            "Programme staff or Jury"
        )
        self.stdout.write("  - schedule the periodic jobs: manage.py run_jobs (docs/deploy.md)")
        if sites.domain().split(":")[0] in ("127.0.0.1", "localhost"):
            self.stdout.write(
                "  - BASE_URL is a local address: set it to the public URL (emails, feeds and "
                "the admin link to it), then run setup_site again"
            )
