"""Visitors adding a product to their basket while others buy it and its creator sells it
at the stand, all at the same moment: nobody gets an error (PostgreSQL only).

The deadlock this guards against (README, "Faults under load"): a basket add runs in the
request's transaction (``ATOMIC_REQUESTS``) and updates Oscar's analytics row of the product
(``basket_addition``); PostgreSQL checks the new basket line's foreign key to the stock record
at COMMIT, with ``FOR KEY SHARE``. A checkout locks the stock record first, then updates the
same analytics row (``order_placed``). When checkout's lock was ``FOR UPDATE`` (which blocks
``FOR KEY SHARE``) each waited for the other: "deadlock detected", a 500 on ``basket/add``.
The stock lock is now ``FOR NO KEY UPDATE`` (``shop.order.utils``), which a foreign-key check
does not wait for, and a stock movement no longer rewrites the product row
(``shop.catalogue.prices``).
"""

import threading
import uuid
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from oscar.apps.analytics.models import ProductRecord
from oscar.apps.basket.signals import basket_addition

from shop.order.market_sales import record_sales
from shop.order.models import MarketSale, Order
from shop.partner.models import StockRecord
from tests.factories import ProductFactory
from tests.factories.orders import basket_with, place
from tests.factories.partner import creator_with_shop

from .test_checkout_flow import url

STOCK = 200
pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: row locks, deferred foreign-key checks, concurrent writers",
    ),
    pytest.mark.django_db(transaction=True),
]


def stand_sale(product):
    return {
        "sales": [
            {
                "id": str(uuid.uuid4()),
                "product": product.pk,
                "quantity": 1,
                "cash": "80",
                "phone": "",
                "recorded_at": timezone.now().isoformat(),
            }
        ]
    }


def run_together(*jobs):
    """Run each job in its own thread (own database connection), released at once; the
    list of what each returned, or the ``repr`` of what it raised."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=30)
            try:
                results[index] = job()
            except Exception as error:  # noqa: BLE001 - reported by the assertion
                results[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    return results


@pytest.fixture
def creator():
    return creator_with_shop()


@pytest.fixture
def product(creator):
    return ProductFactory(
        kind="physical", partner=creator.shop, price=Decimal("80"), num_in_stock=STOCK
    )


def test_baskets_checkouts_and_a_stand_sale_at_once_all_succeed(
    keep_migrated_rows, creator, product
):
    """The services as a request runs them: adding to a basket in one transaction with
    Oscar's ``basket_addition`` (the analytics row), then placing the order."""
    clients, rounds = 4, 3

    def shopper():
        with transaction.atomic():  # as ATOMIC_REQUESTS wraps basket/add
            basket = basket_with([(product, 1)])
            basket_addition.send(sender=None, product=product, user=None, request=None)
        place(basket)
        return "placed"

    def stand():
        results = record_sales(creator.shop, creator, stand_sale(product))
        return [result.as_json()["status"] for result in results]

    outcomes = []
    for _ in range(rounds):
        connection.close()
        outcomes += run_together(*[shopper] * clients, stand)

    assert outcomes == (["placed"] * clients + [["recorded"]]) * rounds
    orders = rounds * clients
    assert Order.objects.count() == orders
    assert MarketSale.objects.count() == rounds
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (STOCK - rounds, orders)
    analytics = ProductRecord.objects.get(product=product)
    assert (analytics.num_basket_additions, analytics.num_purchases) == (orders, orders)


def ready_to_place(product, partner, email):
    """A guest at the last step of checkout with one ``product`` in the basket."""
    client = Client(raise_request_exception=False)
    client.post(f"/fr/shop/basket/add/{product.pk}/", {"quantity": 1})
    client.post(url("checkout:index"), {"username": email, "options": "anonymous"})
    client.post(
        url("checkout:shipping-address"),
        {
            "first_name": "Nadia",
            "last_name": "Amrani",
            "phone": "06 12 34 56 78",
            f"fulfilment_{partner.pk}": "hub_pickup",
        },
    )
    response = client.post(url("checkout:payment-method"), {"method": "cash"})
    assert response.status_code == 302, response.status_code
    return client


def test_basket_adds_orders_and_a_stand_sale_at_once_never_answer_500(
    keep_migrated_rows, creator, product
):
    """Through the site, as the load run did: guests adding the product to their basket
    while others place their order and the creator records a stand sale."""
    adders, buyers, rounds = 3, 2, 3

    def add():
        response = Client(raise_request_exception=False).post(
            f"/fr/shop/basket/add/{product.pk}/", {"quantity": 1}
        )
        return ("add", response.status_code)

    def buyer(client):
        def buy():
            response = client.post(url("checkout:preview"), {"action": "place_order"})
            return ("order", response.status_code, response.get("Location"))

        return buy

    def stand():
        results = record_sales(creator.shop, creator, stand_sale(product))
        return ("stand", [result.as_json()["status"] for result in results])

    answers = []
    for round_ in range(rounds):
        ready = [
            ready_to_place(product, creator.shop, f"buyer{round_}-{n}@example.ma")
            for n in range(buyers)
        ]
        connection.close()
        answers += run_together(*[add] * adders, *map(buyer, ready), stand)

    expected = (
        [("add", 302)] * adders
        + [("order", 302, url("checkout:thank-you"))] * buyers
        + [("stand", ["recorded"])]
    ) * rounds
    assert answers == expected
    assert Order.objects.count() == rounds * buyers
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (STOCK - rounds, rounds * buyers)
