"""A search's cost is bounded whatever the number of matches: a fixed number of SQL
statements, at most ``SEARCH_MATCH_CAP`` matches ranked and counted in facets (the page says
"more than"), and a query's ranked ids and facet counts kept a few minutes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from sitesearch.backends.base import Filters
from sitesearch.backends.database import DatabaseBackend
from tests.factories import ProductFactory, ProfileFactory
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

SEARCH = "/fr/search/"


def fr(message, **values):
    with translation.override("fr"):
        return translation.gettext(message) % values


def queries_of(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params",
    [{"q": "photo"}, {"q": "photo", "type": "products"}, {"q": "photo", "province": "nador"}],
)
def test_a_new_search_runs_as_many_queries_for_many_matches_as_for_few(client, params):
    ProfileFactory(name="Photo A")
    ProductFactory(title="Photo produit A")
    client.get(SEARCH, params)  # site, locale and taxonomy caches
    few = queries_of(client, params)
    for n in range(15):  # past the cap: the capped path too
        ProfileFactory(name=f"Photo B{n}")
        ProductFactory(title=f"Photo produit B{n}")

    many = queries_of(client, params)

    assert many == few


def test_beyond_the_cap_the_page_says_more_than_and_lists_the_best(client, settings):
    settings.SEARCH_MATCH_CAP = 5
    for n in range(8):
        ProductFactory(title=f"Affiche {n}", description="Sérigraphie.")
    ProductFactory(title="Affiche", description="Le titre exact d'abord.")

    response = client.get(SEARCH, {"q": "affiche", "type": "products"})
    page = text_of(response)

    group = response.context["groups"][0]["group"]
    assert group.capped and group.total == 5
    assert fr("More than %(count)s results", count=5) in page
    assert fr("Counted among the best %(count)s results.", count=5) in page
    assert group.items[0].title == "Affiche"  # ranked before the cut, not after


def test_under_the_cap_the_count_is_exact(client, settings):
    settings.SEARCH_MATCH_CAP = 5
    for n in range(5):
        ProductFactory(title=f"Affiche {n}")

    response = client.get(SEARCH, {"q": "affiche", "type": "products"})

    group = response.context["groups"][0]["group"]
    assert not group.capped and group.total == 5
    assert fr("More than %(count)s results", count=5) not in text_of(response)


def test_capped_facets_count_among_the_ranked_matches():
    for n in range(6):
        ProductFactory(title=f"Portrait {n}", discipline="photographie")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sitesearch.backends.database.MATCH_CAP", 4)
        results = DatabaseBackend().search("portrait", Filters(), groups=("products",))

    group = results.groups["products"]
    disciplines = {value.value: value.count for value in group.facets["discipline"]}
    assert group.capped and group.total == 4
    assert disciplines == {"photographie": 4}


def test_a_query_asked_again_reads_its_ranked_ids_and_facets_from_the_cache(client, settings):
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.PAGE_CACHE_ENABLED = False
    cache.clear()
    for n in range(3):
        ProductFactory(title=f"Affiche {n}")
    params = {"q": "affiche", "type": "products"}
    for _ in range(2):  # site, locale, menus, the generation: cached from now on
        client.get(SEARCH, params)
    cache_kept = queries_of(client, params)
    cache.clear()
    for _ in range(2):  # the same fixed caches, not this query's results
        client.get(SEARCH, {"q": "autre"})

    new_query = queries_of(client, params)

    assert cache_kept < new_query


def test_a_change_to_a_product_shows_in_the_next_search_despite_the_cache(client, settings):
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.PAGE_CACHE_ENABLED = False
    cache.clear()
    ProductFactory(title="Affiche ancienne")
    client.get(SEARCH, {"q": "affiche"})

    ProductFactory(title="Affiche nouvelle")

    assert "Affiche nouvelle" in text_of(client.get(SEARCH, {"q": "affiche"}))
