"""A search's cost is bounded whatever the number of matches: a fixed number of SQL
statements, at most ``SEARCH_MATCH_CAP`` matches ranked and counted in facets (the page says
"more than"), and a query's ranked ids and facet counts kept a few minutes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from directory.models import Profile
from shop.catalogue.models import Product
from sitesearch import index
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


# ------------------------------------------------------------ bounded candidates (one word)
def _entries_for_all():
    """Write every entry, as ``search_index --rebuild`` does (the bench's state)."""
    index.rebuild_entries(Product)
    index.rebuild_entries(Profile)


@pytest.mark.parametrize("params", [{"q": "affiche"}, {"q": "affiche", "type": "products"}])
def test_a_new_one_word_search_with_bounded_candidates_runs_fixed_queries(client, settings, params):
    settings.SEARCH_RANK_CANDIDATES = 3
    ProductFactory(title="Affiche A")
    ProfileFactory(name="Affiche studio A")
    _entries_for_all()
    client.get(SEARCH, params)  # site, locale and taxonomy caches
    few = queries_of(client, params)
    for n in range(12):  # far more matches than each source gives the ranking
        ProductFactory(title=f"Affiche B{n}")
        ProfileFactory(name=f"Affiche studio B{n}")
    _entries_for_all()

    many = queries_of(client, params)

    assert many == few


def test_with_bounded_candidates_the_best_match_still_comes_first(client, settings):
    settings.SEARCH_RANK_CANDIDATES = 3
    for n in range(12):  # descriptions only: weaker matches, written first
        ProductFactory(title=f"Tirage {n}", description="Une affiche en sérigraphie.")
    for n in range(6):  # longer titles with the word: more title matches than the bound
        ProductFactory(title=f"Affichettes et affichages {n}", description="Grand format.")
    ProductFactory(title="Affiche", description="Le titre exact.")  # the best, written last
    _entries_for_all()

    response = client.get(SEARCH, {"q": "affiche", "type": "products"})

    group = response.context["groups"][0]["group"]
    assert group.items[0].title == "Affiche"
    # Fewer than every match were ranked, and the page does not pretend otherwise.
    assert 1 <= group.total <= 19


def test_bounded_candidates_still_find_a_rare_word_in_a_description(client, settings):
    settings.SEARCH_RANK_CANDIDATES = 3
    for n in range(6):
        ProductFactory(title=f"Affiche {n}")
    ProductFactory(title="Tirage", description="Papier xylographie ancien.")
    _entries_for_all()

    response = client.get(SEARCH, {"q": "xylographie", "type": "products"})

    assert [item.title for item in response.context["groups"][0]["group"].items] == ["Tirage"]


def test_several_words_keep_every_candidate(client, settings):
    """A bounded share of each word could miss their intersection: several words are not
    bounded."""
    settings.SEARCH_RANK_CANDIDATES = 2
    for n in range(8):
        ProductFactory(title=f"Affiche {n}", discipline="photographie")
    ProductFactory(title="Affiche sérigraphie rare", description="Encre dorée.")
    _entries_for_all()

    response = client.get(SEARCH, {"q": "affiche doree", "type": "products"})

    titles = [item.title for item in response.context["groups"][0]["group"].items]
    assert titles == ["Affiche sérigraphie rare"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's title index")
def test_postgres_takes_one_word_candidates_from_the_title_index():
    ProductFactory(title="Affiche")
    _entries_for_all()

    with CaptureQueriesContext(connection) as captured:
        DatabaseBackend().search("affiche", Filters(), groups=("products",))
    sql = "\n".join(query["sql"] for query in captured.captured_queries)
    assert "to_tsvector('simple'::regconfig, " in sql and "LIMIT" in sql
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'sitesearch_searchentry_title_gin'"
        )
        assert "to_tsvector('simple'::regconfig, a)" in cursor.fetchone()[0]
