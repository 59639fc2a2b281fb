"""Erase youth contacts whose last activity is older than the retention period, and
forget the addresses of personal-data requests whose confirmation link expired.

Meant to run daily (cron or a systemd timer): ``manage.py purge_contacts``. Their
registrations stay, without the person, for the indicators; an anonymous count is kept.
"""

from django.core.management.base import BaseCommand

from youth.services import expire_data_requests, personal_data_settings, purge_expired


class Command(BaseCommand):
    help = "Erase youth contacts inactive for longer than PERSONAL_DATA['retention_months']."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be erased, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        months = personal_data_settings()["retention_months"]
        ids, cutoff = purge_expired(dry_run=dry_run)
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(
            f"{verb} {len(ids)} contact(s) inactive since before {cutoff:%Y-%m-%d} "
            f"(retention {months} months)."
        )
        if ids and options["verbosity"] > 1:
            self.stdout.write("Contact ids: " + ", ".join(str(pk) for pk in ids))
        if not dry_run:
            closed = expire_data_requests()
            self.stdout.write(f"Closed {closed} expired personal-data request link(s).")
