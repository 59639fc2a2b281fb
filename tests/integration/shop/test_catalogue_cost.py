"""What the catalogue and product pages cost: queries that do not grow, markup that does not
change when it is built faster."""

import pytest
from django import forms
from django.utils import translation

from shop.search.forms import BrowseForm, FastSelect
from tests.factories import PartnerFactory, ProductFactory
from tests.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db


def url_of(product):
    with translation.override("fr"):
        return product.get_absolute_url()


def test_a_product_page_runs_as_many_queries_after_four_other_products_as_after_one(client):
    product = ProductFactory(title="Captation de spectacle")
    others = [ProductFactory(title=f"Tirage numéro {n}") for n in range(4)]
    client.get(url_of(others[0]))
    client.get(url_of(product))  # warm the per-process caches
    after_one = count_queries(client, url_of(product))

    for other in others[1:]:
        client.get(url_of(other))
    after_four = count_queries(client, url_of(product))

    assert after_four == after_one
    page = text_of(client.get(url_of(product)))
    assert all(other.title in page for other in others)  # still listed as recently viewed


def test_a_product_page_lists_the_recently_viewed_products_most_recent_first(client):
    product = ProductFactory()
    first, second = ProductFactory(title="Vu en premier"), ProductFactory(title="Vu ensuite")
    client.get(url_of(first))
    client.get(url_of(second))

    page = text_of(client.get(url_of(product)))

    assert page.index("Vu ensuite") < page.index("Vu en premier")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"creator": "shop-b", "sort_by": "price-asc", "kind": "service"},
        {"creator": "unknown", "sort_by": "nonsense"},
    ],
)
def test_the_filter_lists_print_what_djangos_own_select_prints(data):
    PartnerFactory(name="Atelier <b> & fils", slug="shop-a")
    PartnerFactory(name='Studio "Lumière"', slug="shop-b")
    form = BrowseForm(data or None)
    attrs = {"class": "form-select", "id": "id_x", "data-open": True, "hidden": False}

    for name in ("sector", "province", "kind", "creator", "sort_by"):
        field = form[name]
        widget = field.field.widget
        assert isinstance(widget, FastSelect)
        djangos = forms.Select(attrs=widget.attrs, choices=widget.choices)

        printed = widget.render(field.html_name, field.value(), attrs)

        assert printed == djangos.render(field.html_name, field.value(), attrs)
    if data.get("creator") == "shop-b":
        assert '<option value="shop-b" selected>Studio &quot;Lumière&quot;</option>' in str(
            form["creator"]
        )
