"""``/<lang>/search/``: one search over creators, products and pages."""

import pytest

from directory.models import Profile
from tests.factories import ProductFactory, ProfileFactory
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

SEARCH = "/fr/search/"


def test_search_finds_a_product_by_its_name(client):
    ProductFactory(title="Timelapse du port de Nador")
    ProductFactory(title="Portrait corporate")

    response = client.get(SEARCH, {"q": "timelapse"})

    assert response.status_code == 200
    page = text_of(response)
    assert "Timelapse du port de Nador" in page
    assert "Portrait corporate" not in page


def test_search_finds_a_profile_by_its_name(client):
    ProfileFactory(name="Collectif Berkane Lumières")

    page = text_of(client.get(SEARCH, {"q": "berkane lumi"}))

    assert "Collectif Berkane Lumières" in page


def test_search_does_not_reveal_unapproved_profiles_or_hidden_products(client):
    ProfileFactory(name="Zelligraphe en attente", status=Profile.Status.PENDING)
    ProductFactory(title="Zellige numérique caché", is_public=False)

    page = text_of(client.get(SEARCH, {"q": "zellig"}))

    assert "Zelligraphe en attente" not in page
    assert "Zellige numérique caché" not in page


def test_search_in_arabic_answers_right_to_left(client):
    ProductFactory(title="Timelapse du port")

    response = client.get("/ar/search/", {"q": "timelapse"})

    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
    assert "Timelapse du port" in text_of(response)


@pytest.mark.parametrize(
    "query", ["", "   ", "x" * 500, "'; DROP TABLE catalogue_product; --", "%_\\"]
)
def test_search_answers_any_query(client, query):
    response = client.get(SEARCH, {"q": query})

    assert response.status_code == 200


def test_search_without_a_query_parameter_answers(client):
    assert client.get(SEARCH).status_code == 200
