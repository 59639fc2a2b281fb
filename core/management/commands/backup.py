"""``manage.py backup [--to DIR]``: the database and the media into backups/<timestamp>/."""

from django.core.management.base import BaseCommand

from core import backups


class Command(BaseCommand):
    help = "Save the whole database (JSON) and the public and private media to backups/<time>/."

    def add_arguments(self, parser):
        parser.add_argument("--to", dest="destination", help="parent folder (default backups/)")

    def handle(self, *args, destination=None, **options):
        folder = backups.backup(destination, stdout=self.stdout)
        self.stdout.write(str(folder))
