"""The demo orders: across creators, parts in several states, idempotent."""

from decimal import Decimal

import pytest

from demo.orders import CLIENT, CREATOR, seed_orders
from shop.order.models import Order, OrderPart
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


class Progress:
    def line(self, message):
        pass


class Seeder:
    def __init__(self):
        self.created = {}
        self.progress = Progress()

    def count(self, key, n=1):
        self.created[key] = self.created.get(key, 0) + n


def test_demo_orders_cover_several_creators_and_states_once():
    salma = PartnerFactory(
        name="Salma Benali", profile=ProfileFactory(user=UserFactory(email=CREATOR))
    )
    UserFactory(email=CLIENT)
    ProductFactory(kind="physical", partner=salma, price=Decimal("300"))
    for _ in range(2):
        ProductFactory(kind="physical", price=Decimal("150"))

    seed_orders(Seeder())
    seed_orders(Seeder())

    assert Order.objects.count() == 4
    client_orders = Order.objects.filter(user__email=CLIENT)
    assert any(
        order.parts.filter(partner=salma).exists() and order.parts.exclude(partner=salma).exists()
        for order in client_orders
    )
    statuses = set(OrderPart.objects.values_list("status", flat=True))
    assert {"pending", "confirmed", "cancelled", "completed"} <= statuses
    assert OrderPart.objects.filter(paid_at__isnull=False).exists()
