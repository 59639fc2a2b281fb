"""What placing an order writes besides the order: the product's stored lowest price is not
rewritten by a stock movement, and Oscar's analytics counters count views, basket additions
and purchases, also when another request creates the counter row at the same moment."""

from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection, transaction
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from oscar.apps.analytics.models import ProductRecord, UserRecord

from shop.catalogue.analytics import on_basket_addition
from shop.catalogue.models import Product
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import order_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def mug():
    return ProductFactory(
        kind="physical", partner=PartnerFactory(), price=Decimal("80"), num_in_stock=5
    )


def test_an_order_allocates_stock_without_rewriting_the_product_row(mug):
    with CaptureQueriesContext(connection) as queries:
        order_of([(mug, 2)])
    product_writes = [
        q["sql"] for q in queries if q["sql"].startswith('UPDATE "catalogue_product"')
    ]
    assert product_writes == []
    assert Product.objects.get(pk=mug.pk).min_price == Decimal("80")
    assert mug.stockrecords.get().num_allocated == 2


def test_a_price_change_still_updates_the_stored_lowest_price(mug):
    record = mug.stockrecords.get()
    record.price = Decimal("65")
    record.save()
    assert Product.objects.get(pk=mug.pk).min_price == Decimal("65")


def test_views_basket_additions_and_purchases_are_counted(client, mug):
    buyer = UserFactory()
    client.force_login(buyer)
    assert client.get(mug.get_absolute_url()).status_code == 200
    assert client.post(f"/fr/shop/basket/add/{mug.pk}/", {"quantity": 1}).status_code == 302
    order = order_of([(mug, 2)], user=buyer)

    record = ProductRecord.objects.get(product=mug)
    assert (record.num_views, record.num_basket_additions, record.num_purchases) == (1, 1, 2)
    mine = UserRecord.objects.get(user=buyer)
    assert (mine.num_product_views, mine.num_basket_additions, mine.num_orders) == (1, 1, 1)
    assert mine.total_spent == order.total_incl_tax
    assert mine.date_last_order == order.date_placed


def test_a_first_count_racing_another_request_keeps_the_transaction_usable(mug):
    """The other request created the row after this one found none: the INSERT fails on the
    unique product, inside a savepoint, and the count lands on the other's row."""
    ProductRecord.objects.create(product=mug, num_basket_additions=1)  # the other request's
    update, missed = QuerySet.update, []

    def finds_nothing_the_first_time(queryset, **values):
        if queryset.model is ProductRecord and not missed:
            missed.append(True)
            return 0
        return update(queryset, **values)

    with mock.patch.object(QuerySet, "update", finds_nothing_the_first_time):
        with transaction.atomic():  # the request's transaction (ATOMIC_REQUESTS)
            on_basket_addition(None, product=mug, user=None)
            assert ProductRecord.objects.get(product=mug).num_basket_additions == 2
    assert missed == [True]
