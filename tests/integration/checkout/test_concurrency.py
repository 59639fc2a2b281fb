"""Several clients buy the last units of a product at the same moment (PostgreSQL only:
SQLite serialises every write, so it cannot show the race)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection
from oscar.apps.order.exceptions import UnableToPlaceOrder

from shop.order.models import Order
from shop.partner.models import StockRecord
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.orders import basket_with, place

BUYERS = 6
UNITS = 2


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: row locks (select_for_update) and concurrent writers",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_buyers_never_oversell(keep_migrated_rows):
    partner = PartnerFactory()
    product = ProductFactory(
        kind="physical", partner=partner, price=Decimal("120"), num_in_stock=UNITS
    )
    baskets = [basket_with([(product, 1)]) for _ in range(BUYERS)]
    barrier = threading.Barrier(BUYERS)
    results = []
    lock = threading.Lock()

    def buy(basket):
        try:
            barrier.wait(timeout=30)
            try:
                place(basket)
                outcome = "sold"
            except UnableToPlaceOrder:
                outcome = "refused"
            except Exception as error:  # noqa: BLE001 - reported below
                outcome = repr(error)
            with lock:
                results.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=buy, args=(basket,)) for basket in baskets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(results) == ["refused"] * (BUYERS - UNITS) + ["sold"] * UNITS, results
    assert Order.objects.count() == UNITS
    record = StockRecord.objects.get(product=product)
    assert record.num_allocated == UNITS
    assert record.num_in_stock - record.num_allocated == 0
