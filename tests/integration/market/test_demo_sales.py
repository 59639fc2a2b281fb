"""The demo's market sales: recorded through the stand screen's service, once."""

from decimal import Decimal

import pytest

from demo.market import EDITION_SLUG, seed_market_sales
from shop.order.models import MarketSale
from tests.factories import ProductFactory
from tests.factories.market import MarketEditionFactory, StandFactory
from tests.factories.partner import creator_with_shop

pytestmark = pytest.mark.django_db


class Seeder:
    def __init__(self):
        self.created = {}

    def count(self, key, n=1):
        self.created[key] = self.created.get(key, 0) + n


def test_demo_sales_lower_the_stock_once_whatever_the_runs():
    creator = creator_with_shop(name="Atelier Lumen")
    product = ProductFactory(
        kind="physical", partner=creator.shop, price=Decimal("200"), num_in_stock=10
    )
    product.available_at_karfour = True
    product.save()
    StandFactory(edition=MarketEditionFactory(slug=EDITION_SLUG), partner=creator.shop)

    first, second = Seeder(), Seeder()
    seed_market_sales(first)
    seed_market_sales(second)

    sale = MarketSale.objects.get()
    assert sale.product == product and sale.stand.partner == creator.shop
    assert first.created == {"market sales": 1} and second.created.get("market sales", 0) == 0
    assert product.stockrecords.get().num_in_stock == 10 - sale.quantity
