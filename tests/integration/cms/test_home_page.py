"""The home page: the programme's front door, with the newest products."""

import pytest
from django.utils import translation

from tests.factories import PartnerFactory, ProductFactory
from tests.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db


def test_the_home_page_links_to_the_newest_products(client):
    product = ProductFactory(title="Affiche sérigraphiée L'Karfour")
    with translation.override("fr"):
        product_url = product.get_absolute_url()

    response = client.get("/fr/")

    assert "Affiche sérigraphiée L'Karfour" in text_of(response)
    assert f'href="{product_url}"' in response.content.decode()


def test_the_home_page_does_not_feature_hidden_products(client):
    ProductFactory(title="Produit caché", is_public=False)

    assert "Produit caché" not in text_of(client.get("/fr/"))


def test_the_home_page_does_not_feature_products_of_a_suspended_shop(client):
    ProductFactory(title="Produit suspendu", partner=PartnerFactory(is_active=False))

    assert "Produit suspendu" not in text_of(client.get("/fr/"))


def test_the_home_page_names_the_three_sectors_in_arabic(client):
    page = text_of(client.get("/ar/"))

    for name in ("الصورة", "الصوت", "الضوء"):
        assert name in page


def test_the_home_page_runs_as_many_queries_for_8_products_as_for_2(client):
    for _ in range(2):
        ProductFactory()
    client.get("/fr/")
    with_2 = count_queries(client, "/fr/")

    for _ in range(6):
        ProductFactory()
    with_8 = count_queries(client, "/fr/")

    assert with_8 == with_2
