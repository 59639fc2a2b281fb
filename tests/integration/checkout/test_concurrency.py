"""Several clients buy the last units of a product at the same moment: the row-lock race
(PostgreSQL only), and two real checkouts at once on any database (SQLite included)."""

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


# ---- the embedded default (issue 20, item 12) -------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_two_buyers_ordering_the_last_item_at_once_get_an_order_and_a_clear_message(
    keep_migrated_rows,
):
    """Through the real checkout, on whatever database runs the suite (SQLite included):
    one order, the other buyer is sent back to the basket with a message, never a 500."""
    from django.test import Client

    from .test_checkout_flow import url

    partner = PartnerFactory()
    product = ProductFactory(kind="physical", partner=partner, price=Decimal("80"), num_in_stock=1)
    clients = []
    for number in range(2):
        client = Client(raise_request_exception=False)
        client.post(f"/fr/shop/basket/add/{product.pk}/", {"quantity": 1})
        client.post(
            url("checkout:index"), {"username": f"b{number}@example.ma", "options": "anonymous"}
        )
        client.post(
            url("checkout:shipping-address"),
            {
                "first_name": "Nadia",
                "last_name": "Amrani",
                "phone": "06 12 34 56 78",
                f"fulfilment_{partner.pk}": "hub_pickup",
            },
        )
        client.post(url("checkout:payment-method"), {"method": "cash"})
        clients.append(client)
    connection.close()
    barrier = threading.Barrier(2)
    answers = []

    def order(client):
        try:
            barrier.wait(timeout=30)
            response = client.post(url("checkout:preview"), {"action": "place_order"})
            answers.append(
                (response.status_code, response.get("Location", ""), response.content.decode())
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=order, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(answers) == 2
    winners = [a for a in answers if a[:2] == (302, url("checkout:thank-you"))]
    losers = [a for a in answers if a not in winners]
    assert len(winners) == 1, [a[:2] for a in answers]
    ((status, location, content),) = losers
    # Sent back to the basket (the step's check saw the stock gone: SQLite serialises the
    # requests) or the preview again with the reason (the locked stock row: PostgreSQL).
    assert (status, location) == (302, url("basket:summary")) or (
        status == 200 and "ajustez votre panier" in content
    ), (status, location)
    assert Order.objects.count() == 1
