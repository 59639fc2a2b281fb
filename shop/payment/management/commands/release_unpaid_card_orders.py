"""Release the stock of CMI card orders left unpaid past ``CMI_PAYMENT_TIMEOUT_MINUTES``.

Run it every 5 to 15 minutes (a scheduled job). Each released order gets Oscar status
``Card payment expired``, its parts cancelled (allocations back on sale, the client told by
email), its open attempts marked abandoned. An approval arriving later is acknowledged but
not captured (``shop.payment.cmi``).
"""

from django.core.management.base import BaseCommand

from shop.payment import cmi


class Command(BaseCommand):
    help = "Release the stock of card (CMI) orders not paid within CMI_PAYMENT_TIMEOUT_MINUTES."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the orders without releasing them."
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            numbers = list(cmi.expired_orders().values_list("number", flat=True))
            self.stdout.write(f"{len(numbers)} unpaid card order(s) past the time limit.")
        else:
            numbers = cmi.release_expired_orders()
            self.stdout.write(f"{len(numbers)} unpaid card order(s) released.")
        for number in numbers:
            self.stdout.write(f"  {number}")
