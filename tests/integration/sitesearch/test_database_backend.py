"""The database backend end to end (run on SQLite and on PostgreSQL)."""

from decimal import Decimal

import pytest

from sitesearch.backends.base import Filters
from sitesearch.backends.database import DatabaseBackend
from tests.factories import ProductFactory, ProfileFactory, news_page

pytestmark = pytest.mark.django_db


_MODE = {"stored": False}


@pytest.fixture(autouse=True, params=["stored", "live"])
def entries(request):
    """Every test runs twice: on the stored folded text (``SearchEntry`` rows, written by
    ``rebuild_entries`` just before searching) and on rows without entries (folded at
    query time)."""
    _MODE["stored"] = request.param == "stored"
    yield request.param
    _MODE["stored"] = False


def _index():
    if _MODE["stored"]:
        from directory.models import Profile
        from shop.catalogue.models import Product
        from sitesearch.index import rebuild_entries

        rebuild_entries(Product)
        rebuild_entries(Profile)


def search(query, **filters):
    _index()
    return DatabaseBackend().search(query, Filters(**filters), per_page=50)


def names(results, group):
    return [getattr(item, "name", None) or item.title for item in results.groups[group].items]


def test_accents_and_case_do_not_matter():
    ProfileFactory(name="Atelier Éclat", headline="Éclairage scénique")
    ProductFactory(title="Location d'ÉCLAIRAGE LED")

    results = search("eclairage")

    assert names(results, "profiles") == ["Atelier Éclat"]
    assert names(results, "products") == ["Location d'ÉCLAIRAGE LED"]


@pytest.mark.parametrize("query", ["son", "صوت", "sound", "الصوت"])
def test_taxonomy_names_in_three_languages_find_creators_and_products(query):
    ProfileFactory(name="Studio Rythmes", headline="Studio", disciplines=["mixage"])
    ProfileFactory(name="Regard Photo", headline="Portraits", disciplines=["photographie"])
    ProductFactory(title="Mixage d'un titre", description="Stéréo.", discipline="mixage")
    ProductFactory(title="Portrait studio", description="Une photo.", discipline="photographie")

    results = search(query)

    assert names(results, "profiles") == ["Studio Rythmes"]
    assert names(results, "products") == ["Mixage d'un titre"]


def test_arabic_text_matches_without_diacritics_or_hamza():
    ProfileFactory(name="استوديو الإضاءة", headline="إِضاءة المسارح")

    assert names(search("اضاءه"), "profiles") == ["استوديو الإضاءة"]


def test_title_matches_rank_above_body_matches():
    ProductFactory(title="Captation vidéo", description="Avec un drone au-dessus du port.")
    ProductFactory(title="Drone FPV pour clips", description="Images aériennes.")

    assert names(search("drone"), "products") == ["Drone FPV pour clips", "Captation vidéo"]


def test_every_word_must_match_text_or_taxonomy():
    ProfileFactory(name="Karim Photo", headline="Photographe mariage", province=_province("nador"))
    ProfileFactory(name="Nora Photo", headline="Photographe mariage")  # in Oujda
    ProfileFactory(name="Nadia Son", headline="Sonorisation mariage", province=_province("nador"))

    assert names(search("photographe mariage Nador"), "profiles") == ["Karim Photo"]


def test_hidden_items_never_appear():
    for status in ("pending", "draft", "rejected", "suspended"):
        ProfileFactory(name=f"Zellige {status}", status=status)
    ProductFactory(title="Zellige caché", is_public=False)
    closed = ProductFactory(title="Zellige boutique fermée")
    partner = closed.stockrecords.get().partner
    partner.is_active = False
    partner.save()

    results = search("zellige")

    assert results.groups["profiles"].total == 0
    assert results.groups["products"].total == 0
    assert DatabaseBackend().suggest("zellige") == []  # search() indexed the rows


def test_facets_count_results_and_filters_narrow_them():
    ProfileFactory(name="Lumi A", headline="lumière", disciplines=["eclairage"], kind="company")
    ProfileFactory(name="Lumi B", headline="lumière", disciplines=["projection-mapping"])
    ProductFactory(title="Lumière 1", price=Decimal("150"), discipline="eclairage")
    cheap_karfour = ProductFactory(title="Lumière 2", price=Decimal("900"), discipline="eclairage")
    cheap_karfour.available_at_karfour = True
    cheap_karfour.save()

    results = search("lumiere")
    profile_facets = {
        f: {v.value: v.count for v in vs} for f, vs in results.groups["profiles"].facets.items()
    }
    product_facets = {
        f: {v.value: v.count for v in vs} for f, vs in results.groups["products"].facets.items()
    }

    assert profile_facets["sector"] == {"lumiere": 2}
    assert profile_facets["discipline"] == {"eclairage": 1, "projection-mapping": 1}
    assert profile_facets["kind"] == {"individual": 1, "company": 1}
    assert product_facets["price"] == {"0-200": 1, "500-1000": 1}
    assert product_facets["karfour"] == {"1": 1}
    assert names(search("lumiere", kind="company"), "profiles") == ["Lumi A"]
    assert names(search("lumiere", price="0-200"), "products") == ["Lumière 1"]
    assert names(search("lumiere", karfour=True), "products") == ["Lumière 2"]
    assert names(search("", discipline="projection-mapping"), "profiles") == ["Lumi B"]


def test_pages_of_the_active_locale_are_found_through_wagtail_search():
    news_page(title="Appel à projets du hackathon")

    results = search("hackathon")

    assert [page.title for page in results.groups["pages"].items] == [
        "Appel à projets du hackathon"
    ]


def test_pagination_splits_a_group():
    for n in range(5):
        ProductFactory(title=f"Affiche {n}")

    _index()
    backend = DatabaseBackend()
    first = backend.search("affiche", Filters(), page=1, per_page=2).groups["products"]
    last = backend.search("affiche", Filters(), page=3, per_page=2).groups["products"]

    assert (first.total, first.num_pages, len(first.items), len(last.items)) == (5, 3, 2, 1)


def test_suggest_answers_at_most_eight_titles_with_urls():
    for n in range(6):
        ProfileFactory(name=f"Studio Mapping {n}")
        ProductFactory(title=f"Mapping vidéo {n}")

    _index()
    suggestions = DatabaseBackend().suggest("mapp")

    assert len(suggestions) == 8
    assert {item["type"] for item in suggestions} == {"profile", "product"}
    assert all(item["url"].startswith("/") and item["title"] for item in suggestions)


def _province(slug):
    from tests.factories import province

    return province(slug)


def test_whole_words_and_taxonomy_rank_above_prefixes():
    ProductFactory(title="Presets Lightroom", description="Retouche.", discipline="photographie")
    ProductFactory(title="Light show", description="Spectacle.", discipline="photographie")
    ProductFactory(title="Projecteurs", description="Location.", discipline="eclairage")

    assert names(search("light"), "products") == ["Light show", "Presets Lightroom", "Projecteurs"]
