"""Pages are found with every Arabic spelling variant, like creators and products; an
elided name ("L'Karfour") is found without its apostrophe; suggestions name the creator of
each product once, in the header's search box too."""

import pytest
from django.urls import reverse
from django.utils import translation

from sitesearch.backends.base import Filters
from sitesearch.backends.database import DatabaseBackend
from sitesearch.index import rebuild_entries
from tests.factories import PartnerFactory, ProductFactory, event_page, news_page, translate
from tests.helpers import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_pages():
    event = translate(event_page(title="Lumière sur scène"), "ar", title="إضاءة المسرح")
    article = translate(news_page(title="Portrait"), "ar", title="مصوّرة من وجدة")
    workshop = translate(news_page(title="Atelier"), "ar", title="ورشة التصوير")
    return event, article, workshop


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("اضاءة", "إضاءة المسرح"),  # hamza
        ("إضاءه", "إضاءة المسرح"),  # taa marbuta written haa
        ("مصورة", "مصوّرة من وجدة"),  # without the shadda
        ("ورشه", "ورشة التصوير"),
        ("ورشـة", "ورشة التصوير"),  # tatweel
    ],
)
def test_arabic_pages_are_found_with_any_spelling(client, arabic_pages, query, title):
    response = client.get("/ar/search/", {"q": query})

    assert title in text_of(response)


def test_a_name_with_an_apostrophe_is_found_without_it():
    ProductFactory(title="Affiche L'Karfour 2026")
    from shop.catalogue.models import Product

    rebuild_entries(Product)

    for query in ("lkarfour", "L'Karfour", "karfour"):
        results = DatabaseBackend().search(query, Filters(), per_page=10)
        titles = [item.title for item in results.groups["products"].items]
        assert titles == ["Affiche L'Karfour 2026"], query


def test_suggestions_show_each_title_once_per_creator_with_the_creators_name(client):
    salma, karim = PartnerFactory(name="Salma Benali"), PartnerFactory(name="Karim Nour")
    for partner in (salma, salma, karim):
        ProductFactory(title="Tirage photo", partner=partner)

    results = client.get("/fr/search/suggest", {"q": "tirage"}).json()["results"]

    products = [(item["title"], item["creator"]) for item in results if item["type"] == "product"]
    assert sorted(products) == [("Tirage photo", "Karim Nour"), ("Tirage photo", "Salma Benali")]


def test_the_header_search_box_offers_suggestions(client):
    page = client.get("/fr/").content.decode()

    with translation.override("fr"):
        suggest = reverse("sitesearch:suggest")
    assert 'list="site-search-suggestions"' in page
    assert f'data-suggest-url="{suggest}"' in page
    assert '<datalist id="site-search-suggestions">' in page
