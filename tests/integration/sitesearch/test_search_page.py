"""``/<lang>/search/`` and ``/<lang>/search/suggest``: what a visitor sees and shares."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import ProductFactory, ProfileFactory
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

SEARCH = "/fr/search/"


def test_page_groups_results_and_offers_facet_links(client):
    ProfileFactory(name="Studio Lumen", headline="Éclairage", disciplines=["eclairage"])
    ProductFactory(title="Éclairage de scène", discipline="eclairage")

    response = client.get(SEARCH, {"q": "eclairage"})
    page = text_of(response)

    assert response.status_code == 200
    assert "Créateurs et professionnels" in page
    assert "Studio Lumen" in page and "Éclairage de scène" in page
    assert "?q=eclairage&amp;discipline=eclairage" in response.content.decode()


def test_a_tab_paginates_one_group_and_the_url_is_shareable(client):
    for n in range(14):
        ProductFactory(title=f"Affiche sérigraphiée {n:02d}")

    first = text_of(client.get(SEARCH, {"q": "affiche", "type": "products"}))
    second = text_of(client.get(SEARCH, {"q": "affiche", "type": "products", "page": "2"}))

    assert "Affiche sérigraphiée 00" in first and "Affiche sérigraphiée 13" not in first
    assert "Affiche sérigraphiée 13" in second and "Affiche sérigraphiée 00" not in second


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 500},
        {"q": "photo", "page": "abc"},
        {"q": "photo", "page": "-4"},
        {"q": "photo", "page": "99999999999999999999"},
        {"q": "photo", "sector": "nope", "price": "free", "karfour": "yes", "kind": "x"},
        {"q": "photo", "type": "<script>"},
        {"q": "!!! ???"},
    ],
)
def test_bad_input_answers_a_normal_page(client, params):
    response = client.get(SEARCH, params)

    assert response.status_code == 200


def test_bad_input_is_explained(client):
    assert "200" in text_of(client.get(SEARCH, {"q": "x" * 500}))
    with translation.override("fr"):
        notice = translation.gettext("A filter in this address is not recognised; it was ignored.")
    page = text_of(client.get(SEARCH, {"q": "photo", "sector": "nope"}))
    assert notice in page


def test_query_count_does_not_grow_with_results(client):
    ProfileFactory(name="Photo A")
    ProductFactory(title="Photo produit A")
    client.get(SEARCH, {"q": "photo"})  # warm caches (site, locale)
    with CaptureQueriesContext(connection) as few:
        client.get(SEARCH, {"q": "photo"})
    for n in range(8):
        ProfileFactory(name=f"Photo B{n}")
        ProductFactory(title=f"Photo produit B{n}")
    with CaptureQueriesContext(connection) as many:
        client.get(SEARCH, {"q": "photo"})

    assert len(many) == len(few)


def test_suggest_answers_json_titles_and_urls(client):
    ProfileFactory(name="Salma Benali")
    ProfileFactory(name="Salle Ahfir", status="pending")

    response = client.get("/fr/search/suggest", {"q": "salm"})

    assert response.status_code == 200
    data = response.json()
    assert data["results"] == [
        {"title": "Salma Benali", "url": "/fr/directory/salma-benali/", "type": "profile"}
    ]


@pytest.mark.parametrize("q", ["", "%%%", "s" * 1000])
def test_suggest_never_fails(client, q):
    response = client.get("/fr/search/suggest", {"q": q})

    assert response.status_code == 200
    assert len(response.json()["results"]) <= 8
