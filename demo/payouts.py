"""Demo data of the payouts ledger: the programme staff's permissions, the earnings of the
demo orders already paid, and one payout to creator@example.org.

Runs after the orders' demo data: without a paid order it only sets the permissions.
Idempotent: earnings and download links are one per order line, and the demo payout is
looked up by its bank reference before it is created.
"""

from datetime import timedelta
from decimal import ROUND_DOWN, Decimal

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from shop.downloads.services import grant_part_downloads
from shop.order.models import OrderPart
from shop.partner.models import Partner
from shop.payouts import services
from shop.payouts.models import Payout

from . import data

CREATOR_EMAIL = "creator@example.org"
PAYOUT_REFERENCE = "VIR-DEMO-0001"
STAFF_PERMISSIONS = ["view_earning", "view_payout", "add_payout", "change_payout"]
CARD_PAYMENT_PERMISSIONS = [
    "view_cmipayment",
    "view_cminotification",
    "view_cmirefund",
    "add_cmirefund",
]


def seed_payouts(seeder):
    """One call from ``Seeder.run``."""
    with transaction.atomic():
        _staff_permissions()
    with transaction.atomic():
        _ledger(seeder)
    with transaction.atomic():
        _demo_payout(seeder)


def _staff_permissions():
    permissions = Permission.objects.filter(
        content_type__app_label="payouts", codename__in=STAFF_PERMISSIONS
    )
    # CMI card payments: see them with their gateway calls, export, record refunds.
    card_permissions = Permission.objects.filter(
        content_type__app_label="payment", codename__in=CARD_PAYMENT_PERMISSIONS
    )
    for group in Group.objects.filter(name=data.PROGRAMME_STAFF_GROUP):
        group.permissions.add(*permissions, *card_permissions)


def _ledger(seeder):
    """Earnings (and download links) of the paid parts that do not have them yet."""
    parts = OrderPart.objects.filter(paid_at__isnull=False).select_related("order")
    for part in parts.order_by("pk"):
        seeder.count("earnings", len(services.record_part_earnings(part)))
        seeder.count("download links", len(grant_part_downloads(part)))


def _demo_payout(seeder):
    shop = Partner.objects.filter(users__email=CREATOR_EMAIL).order_by("pk").first()
    if (
        shop is None
        or Payout.objects.filter(partner=shop, bank_reference=PAYOUT_REFERENCE).exists()
    ):
        return
    balance = services.totals(shop)["balance"]
    # Half of what is owed, rounded down to 10 MAD: the history shows a payout and a balance.
    amount = (balance / 2 / 10).quantize(Decimal("1"), rounding=ROUND_DOWN) * 10
    if amount <= 0:
        return
    Payout.objects.create(
        partner=shop,
        date=timezone.localdate() - timedelta(days=3),
        amount=amount,
        bank_reference=PAYOUT_REFERENCE,
        note="Virement mensuel",
    )
    seeder.count("payouts")
