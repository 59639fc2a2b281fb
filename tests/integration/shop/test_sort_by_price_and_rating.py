"""Sorting the catalogue: the stored lowest price (``Product.min_price``) stays right when
stock records and shops change, price and rating sorts list what a visitor expects, and
what can be bought comes first on every page."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps

from shop.catalogue.models import Product
from shop.catalogue.queries import AvailableFirst, public_products
from shop.search.forms import BrowseForm
from tests.factories import PartnerFactory, ProductFactory, StockRecordFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

SHOP = "/fr/shop/catalogue/"


def titles(response):
    return [product.title for product in response.context["products"]]


def stored_price(product):
    return Product.objects.get(pk=product.pk).min_price


def test_the_stored_price_is_the_first_stock_records_price():
    product = ProductFactory(price=Decimal("300.00"))

    assert stored_price(product) == Decimal("300.00")


def test_the_stored_price_follows_a_stock_record_change():
    product = ProductFactory(price=Decimal("300.00"))
    record = product.stockrecords.get()

    record.price = Decimal("120.00")
    record.save()

    assert stored_price(product) == Decimal("120.00")


def test_saving_a_product_loaded_before_a_price_change_keeps_the_new_price():
    product = ProductFactory(price=Decimal("300.00"))
    stale = Product.objects.get(pk=product.pk)  # e.g. an edit form opened earlier
    record = product.stockrecords.get()
    record.price = Decimal("120.00")
    record.save()

    stale.title = "Nouveau titre"
    stale.save()

    assert stored_price(product) == Decimal("120.00")


def test_the_stored_price_is_the_lowest_of_several_shops_and_follows_a_deletion():
    product = ProductFactory(price=Decimal("300.00"))
    cheaper = StockRecordFactory(product=product, price=Decimal("180.00"))
    assert stored_price(product) == Decimal("180.00")

    cheaper.delete()

    assert stored_price(product) == Decimal("300.00")


def test_a_suspended_shops_price_no_longer_counts_and_comes_back_with_the_shop():
    product = ProductFactory(price=Decimal("300.00"))
    other = PartnerFactory()
    StockRecordFactory(product=product, partner=other, price=Decimal("100.00"))
    assert stored_price(product) == Decimal("100.00")

    other.is_active = False
    other.save()
    assert stored_price(product) == Decimal("300.00")

    other.is_active = True
    other.save()
    assert stored_price(product) == Decimal("100.00")


def test_a_product_on_quote_has_no_stored_price():
    product = ProductFactory(price=None)

    assert stored_price(product) is None


def test_the_migration_fills_the_stored_price_of_existing_products():
    cheap = ProductFactory(price=Decimal("90.00"))
    dear = ProductFactory(price=Decimal("900.00"))
    StockRecordFactory(product=dear, price=Decimal("450.00"))
    on_quote = ProductFactory(price=None)
    Product.objects.update(min_price=Decimal("1.00"))  # as if the column were just added
    migration = importlib.import_module(
        "shop.catalogue.migrations.0041_product_min_price_and_sort_indexes"
    )

    migration.fill_min_price(apps, None)

    assert stored_price(cheap) == Decimal("90.00")
    assert stored_price(dear) == Decimal("450.00")
    assert stored_price(on_quote) is None


def test_price_sorts_put_the_cheapest_or_dearest_first_and_products_on_quote_last(client):
    ProductFactory(title="Moyen", price=Decimal("250.00"))
    ProductFactory(title="Sur devis", price=None, kind="service")
    ProductFactory(title="Cher", price=Decimal("900.00"))
    cheap = ProductFactory(title="Bon marché", price=Decimal("500.00"))
    StockRecordFactory(product=cheap, price=Decimal("80.00"))  # its lowest price counts

    ascending = titles(client.get(SHOP, {"sort_by": "price-asc"}))
    descending = titles(client.get(SHOP, {"sort_by": "price-desc"}))

    assert ascending == ["Bon marché", "Moyen", "Cher", "Sur devis"]
    assert descending == ["Cher", "Moyen", "Bon marché", "Sur devis"]


def test_a_price_change_reorders_the_price_sort(client):
    ProductFactory(title="A", price=Decimal("100.00"))
    b = ProductFactory(title="B", price=Decimal("200.00"))
    record = b.stockrecords.get()
    record.price = Decimal("50.00")
    record.save()

    assert titles(client.get(SHOP, {"sort_by": "price-asc"})) == ["B", "A"]


def test_best_rated_first_then_unrated_newest_first(client):
    for title, rating in [("Moyen", 3.0), ("Sans avis", None), ("Excellent", 4.8)]:
        product = ProductFactory(title=title)
        Product.objects.filter(pk=product.pk).update(rating=rating)
    ProductFactory(title="Sans avis, récent")

    assert titles(client.get(SHOP, {"sort_by": "rating"})) == [
        "Excellent",
        "Moyen",
        "Sans avis, récent",
        "Sans avis",
    ]


def test_sold_out_products_come_after_orderable_ones_in_every_sort(client):
    ProductFactory(title="Épuisé bon marché", kind="physical", num_in_stock=0, price=10)
    ProductFactory(title="En stock", kind="physical", num_in_stock=3, price=500)
    ProductFactory(title="Service", kind="service", num_in_stock=0, price=300)

    for sort in ("newest", "price-asc", "price-desc", "rating", "title-asc"):
        listed = titles(client.get(SHOP, {"sort_by": sort}))
        assert listed[-1] == "Épuisé bon marché", sort
        assert sorted(listed[:2]) == ["En stock", "Service"], sort


def test_pages_cut_through_the_orderable_and_sold_out_products_without_a_gap():
    titles_in_order = []
    for n in range(5):  # newest first: P4 … P0; P1 and P3 sold out
        ProductFactory(title=f"P{n}", kind="physical", num_in_stock=0 if n in (1, 3) else 2)
        titles_in_order.append(f"P{n}")
    listing = AvailableFirst(public_products(prefetch=False), BrowseForm.ORDERINGS["newest"])

    pages = [[p.title for p in listing[start : start + 2]] for start in (0, 2, 4)]

    assert pages == [["P4", "P2"], ["P0", "P3"], ["P1"]]
    assert listing.count() == 5
    assert [p.available for p in listing[0:5]] == [True, True, True, False, False]


def test_the_price_sort_runs_as_many_queries_for_many_products_as_for_few(client):
    for n in range(3):
        ProductFactory(title=f"Peu {n}", price=Decimal(100 + n))
    url = f"{SHOP}?sort_by=price-asc"
    client.get(url)
    few = count_queries(client, url)
    for n in range(12):
        ProductFactory(title=f"Beaucoup {n}", price=Decimal(200 + n))
    client.get(url)

    many = count_queries(client, url)

    assert many == few
