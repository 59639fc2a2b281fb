"""The pages group: facets by kind of page, sector and province, with counts and filters."""

import pytest

from sitesearch.backends.base import Filters
from sitesearch.backends.database import DatabaseBackend
from tests.factories import ProductFactory, event_page, news_page, province, sector

pytestmark = pytest.mark.django_db


def search(query, **filters):
    return DatabaseBackend().search(query, Filters(**filters), per_page=50)


def facets(results):
    return {
        name: {value.value: value.count for value in values}
        for name, values in results.groups["pages"].facets.items()
    }


def titles(results, group="pages"):
    return sorted(item.title for item in results.groups[group].items)


@pytest.fixture
def pages():
    news_page(title="Festival lumière : le programme", sectors=[sector("lumiere")])
    news_page(title="Festival du son à Nador", sectors=[sector("son")])
    event_page(title="Festival des jeunes créateurs", province=province("nador"))
    event_page(title="Festival de mapping", province=province("berkane"))
    ProductFactory(title="Festival pass")


def test_pages_have_facets_with_counts(pages):
    counts = facets(search("festival"))

    assert counts["page_type"] == {"news": 2, "event": 2}
    assert counts["sector"] == {"lumiere": 1, "son": 1}
    assert counts["province"] == {"nador": 1, "berkane": 1}


def test_kind_of_page_filters_pages_and_leaves_out_creators_and_products(pages):
    results = search("festival", page_type="event")

    assert titles(results) == ["Festival de mapping", "Festival des jeunes créateurs"]
    assert results.groups["products"].total == 0
    assert results.groups["profiles"].total == 0


def test_sector_and_province_narrow_pages(pages):
    assert titles(search("festival", sector="son")) == ["Festival du son à Nador"]
    assert titles(search("festival", province="nador")) == ["Festival des jeunes créateurs"]


def test_a_kind_of_page_alone_lists_those_pages(pages):
    results = search("", page_type="news")

    assert titles(results) == ["Festival du son à Nador", "Festival lumière : le programme"]


def test_product_only_filters_leave_pages_out(pages):
    results = search("festival", price="0-200")

    assert results.groups["pages"].total == 0


def test_unpublished_pages_are_not_counted(pages):
    news_page(title="Festival secret", live=False, sectors=[sector("son")])

    counts = facets(search("festival"))

    assert counts["page_type"]["news"] == 2
    assert counts["sector"]["son"] == 1


def test_search_page_offers_page_facet_links(client, pages):
    response = client.get("/fr/search/", {"q": "festival", "type": "pages"})

    assert response.status_code == 200
    assert "page_type=event" in response.content.decode()
    response = client.get("/fr/search/", {"q": "festival", "page_type": "bogus"})
    assert response.status_code == 200
