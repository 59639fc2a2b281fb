from django.core.management.base import BaseCommand

from shop.quotes.services import expire_due


class Command(BaseCommand):
    help = "Expire the quotes past their validity date (run daily)."

    def handle(self, *args, **options):
        count = expire_due()
        self.stdout.write(f"{count} quote(s) expired.")
