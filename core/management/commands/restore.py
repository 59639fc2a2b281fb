"""``manage.py restore backups/<timestamp> [--no-input]``: replace the database and the media."""

from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = "Replace the database and the media with a backup folder made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder made by `manage.py backup`")
        parser.add_argument("--no-input", "--noinput", action="store_false", dest="interactive")
        parser.add_argument(
            "--skip-search-index", action="store_true", help="do not rebuild the search index"
        )

    def handle(self, *args, folder, interactive=True, skip_search_index=False, **options):
        if interactive:
            answer = input(
                f"This ERASES the current database and replaces it with {folder}. Type 'yes': "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            backups.restore(folder, stdout=self.stdout, rebuild_search=not skip_search_index)
        except (FileNotFoundError, backups.RestoreMismatch) as error:
            raise CommandError(str(error)) from error
