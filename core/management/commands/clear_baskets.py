"""Delete baskets nobody will come back to: anonymous baskets older than their cookie
(``OSCAR_BASKET_COOKIE_LIFETIME``, plus a day) and merged baskets (their lines moved to the
owner's basket at sign-in). Open baskets of signed-in people and baskets tied to an order
are kept. Run daily through ``manage.py run_jobs``."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone
from oscar.apps.basket.models import Basket


class Command(BaseCommand):
    help = "Delete abandoned anonymous baskets and merged baskets."

    def handle(self, *args, **options):
        lifetime = timedelta(seconds=settings.OSCAR_BASKET_COOKIE_LIFETIME) + timedelta(days=1)
        cutoff = timezone.now() - lifetime
        old = Basket.objects.filter(date_created__lt=cutoff).filter(
            Q(owner__isnull=True, status__in=[Basket.OPEN, Basket.SAVED]) | Q(status=Basket.MERGED)
        )
        old = old.exclude(order__isnull=False)
        count, _ = old.delete()
        self.stdout.write(f"{count} row(s) of old baskets deleted.")
