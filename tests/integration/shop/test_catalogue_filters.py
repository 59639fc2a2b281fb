"""Catalogue filters and sorts: province, kind, price range, L'Karfour, creator; rating."""

from decimal import Decimal

import pytest
from django.utils import translation

from shop.catalogue.models import Category
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, province
from tests.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db

SHOP = "/fr/shop/catalogue/"


def fr(message):
    with translation.override("fr"):
        return translation.gettext(message)


def titles(response):
    return [product.title for product in response.context["products"]]


def test_filter_by_kind(client):
    ProductFactory(title="Reportage", kind="service")
    ProductFactory(title="Tirage", kind="physical")
    ProductFactory(title="Pack de LUTs", kind="digital")

    assert titles(client.get(SHOP, {"kind": "digital"})) == ["Pack de LUTs"]
    assert titles(client.get(SHOP, {"kind": "physical"})) == ["Tirage"]
    assert titles(client.get(SHOP, {"kind": "service"})) == ["Reportage"]


def test_filter_by_price_range_in_dirhams(client):
    for price in ("90", "250", "600"):
        ProductFactory(title=f"À {price}", price=Decimal(price))

    assert sorted(titles(client.get(SHOP, {"price_min": "100", "price_max": "600"}))) == [
        "À 250",
        "À 600",
    ]
    assert titles(client.get(SHOP, {"price_max": "100"})) == ["À 90"]
    # Bounds typed the wrong way round are read as the visitor meant them.
    assert titles(client.get(SHOP, {"price_min": "300", "price_max": "100"})) == ["À 250"]


def test_filter_by_lkarfour(client):
    ProductFactory(title="Au marché", available_at_karfour=True)
    ProductFactory(title="En ligne seulement")

    assert titles(client.get(SHOP, {"karfour": "on"})) == ["Au marché"]


def test_filter_by_creator(client):
    shop = PartnerFactory(slug="studio-nour")
    ProductFactory(title="De Nour", partner=shop)
    ProductFactory(title="D'ailleurs")

    assert titles(client.get(SHOP, {"creator": "studio-nour"})) == ["De Nour"]


def test_filter_by_the_creators_province(client):
    nador = PartnerFactory(profile=ProfileFactory(province=province("nador")))
    ProductFactory(title="De Nador", partner=nador)
    ProductFactory(title="D'Oujda")

    assert titles(client.get(SHOP, {"province": "nador"})) == ["De Nador"]


def test_filters_combine_and_make_a_shareable_url(client):
    ProductFactory(title="Tirage pas cher", kind="physical", price=Decimal("80"))
    ProductFactory(title="Tirage cher", kind="physical", price=Decimal("900"))
    ProductFactory(title="Service pas cher", kind="service", price=Decimal("80"))

    response = client.get(f"{SHOP}?kind=physical&price_max=100&sort_by=price-asc")

    assert titles(response) == ["Tirage pas cher"]
    assert "kind=physical" in response.context["querystring"]
    form = response.context["form"]
    assert form["kind"].value() == "physical" and form["price_max"].value() == "100"


def test_sort_by_rating_puts_unrated_products_last(client):
    ProductFactory(title="Sans avis")
    good = ProductFactory(title="Très bien noté")
    fair = ProductFactory(title="Moyen")
    type(good).objects.filter(pk=good.pk).update(rating=4.8)
    type(fair).objects.filter(pk=fair.pk).update(rating=3.1)

    assert titles(client.get(SHOP, {"sort_by": "rating"})) == [
        "Très bien noté",
        "Moyen",
        "Sans avis",
    ]


def test_sort_by_price_both_ways(client):
    for price in ("300", "100", "200"):
        ProductFactory(title=f"À {price}", price=Decimal(price))

    assert titles(client.get(SHOP, {"sort_by": "price-desc"})) == ["À 300", "À 200", "À 100"]
    assert titles(client.get(SHOP, {"sort_by": "price-asc"})) == ["À 100", "À 200", "À 300"]


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "spaceship"},
        {"province": "atlantis"},
        {"price_min": "pas cher"},
        {"price_max": "-5"},
        {"creator": "nobody"},
        {"sort_by": "random"},
        {"sector": "cuisine", "price_min": "1e999"},
    ],
)
def test_unknown_values_are_ignored_with_a_message(client, query):
    ProductFactory(title="Toujours là")

    response = client.get(SHOP, query)

    assert response.status_code == 200
    assert titles(response) == ["Toujours là"]
    assert response.context["ignored_filters"]
    assert 'class="alert alert-warning"' in response.content.decode()


def test_a_bad_value_does_not_cancel_the_other_filters(client):
    ProductFactory(title="Service", kind="service")
    ProductFactory(title="Objet", kind="physical")

    response = client.get(SHOP, {"kind": "physical", "province": "atlantis"})

    assert titles(response) == ["Objet"]
    assert response.context["ignored_filters"] == [str(fr("Province"))]


def test_the_category_page_keeps_the_filters(client):
    ProductFactory(title="Photo service", kind="service", discipline="photographie")
    ProductFactory(title="Photo tirage", kind="physical", discipline="photographie")
    ProductFactory(title="Son tirage", kind="physical", discipline="sonorisation-live")
    category = Category.objects.get(discipline__slug="photographie")

    response = client.get(category.get_absolute_url(), {"kind": "physical"})

    assert titles(response) == ["Photo tirage"]


# --------------------------------------------------------------------------------------
# A fixed number of SQL queries, whatever the number of products (10 and 100)
# --------------------------------------------------------------------------------------
def _fill(n, shops):
    kinds = ["service", "physical", "digital"]
    for i in range(n):
        ProductFactory(
            partner=shops[i % len(shops)],
            kind=kinds[i % 3],
            discipline="photographie",
            available_at_karfour=bool(i % 2),
        )


@pytest.fixture
def shops():
    return [PartnerFactory() for _ in range(5)]


FILTERED = (
    "?kind=physical&price_min=10&price_max=9000&karfour=on&province=oujda-angad&sort_by=rating"
)


@pytest.mark.parametrize("query", ["", FILTERED])
def test_the_catalogue_runs_as_many_queries_for_100_products_as_for_10(client, shops, query):
    _fill(10, shops)
    count_queries(client, SHOP + query)
    ten = count_queries(client, SHOP + query)
    _fill(90, shops)

    assert count_queries(client, SHOP + query) == ten


def test_a_category_page_runs_as_many_queries_for_100_products_as_for_10(client, shops):
    url = Category.objects.get(discipline__slug="photographie").get_absolute_url()
    _fill(10, shops)
    count_queries(client, url)
    ten = count_queries(client, url)
    _fill(90, shops)

    assert count_queries(client, url) == ten


def test_a_shop_page_runs_as_many_queries_for_100_products_as_for_10(client):
    shop = PartnerFactory()
    url = shop.get_absolute_url()
    _fill(10, [shop])
    count_queries(client, url)
    ten = count_queries(client, url)
    _fill(90, [shop])

    assert count_queries(client, url) == ten
    assert len(text_of(client.get(url))) > 0
