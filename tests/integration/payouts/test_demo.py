"""The payouts demo data: earnings of the paid demo orders and one payout, idempotent."""

from decimal import Decimal

import pytest

from demo.payouts import CREATOR_EMAIL, seed_payouts
from shop.order.models import OrderPart
from shop.payouts.models import Earning, Payout
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, UserFactory
from tests.factories.payments import placed_order

pytestmark = pytest.mark.django_db


class Seeder:
    def __init__(self):
        self.created = {}

    def count(self, key, n=1):
        self.created[key] = self.created.get(key, 0) + n


def test_without_paid_orders_nothing_is_created():
    PartnerFactory(profile=ProfileFactory(user=UserFactory(email=CREATOR_EMAIL)))
    placed_order()
    seed_payouts(Seeder())
    assert not Earning.objects.exists()
    assert not Payout.objects.exists()


def test_paid_orders_get_their_earnings_and_the_creator_a_payout_once():
    shop = PartnerFactory(profile=ProfileFactory(user=UserFactory(email=CREATOR_EMAIL)))
    order = placed_order([(ProductFactory(partner=shop, price=Decimal("455.00")), 1)])
    OrderPart.objects.filter(order=order).update(paid_at=order.date_placed)

    seed_payouts(Seeder())
    seed_payouts(Seeder())

    assert Earning.objects.filter(partner=shop).count() == 1
    payout = Payout.objects.get()
    assert (payout.partner, payout.amount) == (shop, Decimal("220"))
