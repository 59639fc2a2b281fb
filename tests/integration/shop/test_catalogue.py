"""The shop's listing, category pages and product pages, answered from the database."""

from decimal import Decimal

import pytest
from django.utils import translation

from shop.catalogue.models import Category
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, UserFactory, province
from tests.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db

SHOP = "/fr/shop/catalogue/"


def url_of(product, language="fr"):
    with translation.override(language):
        return product.get_absolute_url()


def test_the_shop_entrance_leads_to_the_catalogue(client):
    response = client.get("/fr/shop/")

    assert response.status_code in (301, 302)
    assert response["Location"] == SHOP


def test_the_shop_lists_public_products_of_active_shops(client):
    ProductFactory(title="Reportage de mariage")
    ProductFactory(title="Mixage d'un single")

    page = text_of(client.get(SHOP))

    assert "Reportage de mariage" in page
    assert "Mixage d'un single" in page


def test_the_shop_hides_products_that_are_not_public(client):
    ProductFactory(title="Produit visible")
    ProductFactory(title="Produit en brouillon", is_public=False)

    page = text_of(client.get(SHOP))

    assert "Produit visible" in page
    assert "Produit en brouillon" not in page


def test_the_shop_hides_the_products_of_a_suspended_shop(client):
    ProductFactory(title="Produit d'une boutique ouverte")
    ProductFactory(
        title="Produit d'une boutique suspendue", partner=PartnerFactory(is_active=False)
    )

    page = text_of(client.get(SHOP))

    assert "Produit d'une boutique ouverte" in page
    assert "Produit d'une boutique suspendue" not in page


def test_the_shop_filters_by_sector(client):
    ProductFactory(title="Portrait en studio", discipline="photographie")
    ProductFactory(title="Sonorisation de concert", discipline="sonorisation-live")

    page = text_of(client.get(SHOP, {"sector": "son"}))

    assert "Sonorisation de concert" in page
    assert "Portrait en studio" not in page


def test_the_shop_filters_by_the_creators_province(client):
    in_nador = PartnerFactory(profile=ProfileFactory(province=province("nador")))
    ProductFactory(title="Vidéo à Nador", partner=in_nador)
    ProductFactory(title="Vidéo à Oujda")  # the factory's profiles are in Oujda-Angad

    page = text_of(client.get(SHOP, {"province": "nador"}))

    assert "Vidéo à Nador" in page
    assert "Vidéo à Oujda" not in page


def test_the_shop_searches_titles_and_descriptions(client):
    ProductFactory(title="Habillage lumineux", description="Projection sur la façade du théâtre")
    ProductFactory(title="Tirage photo", description="Papier baryté")

    by_description = text_of(client.get(SHOP, {"q": "façade"}))
    by_title = text_of(client.get(SHOP, {"q": "tirage"}))

    assert "Habillage lumineux" in by_description
    assert "Tirage photo" not in by_description
    assert "Tirage photo" in by_title


def test_the_shop_sorts_by_price(client):
    ProductFactory(title="Prestation moyenne", price=Decimal("900.00"))
    ProductFactory(title="Prestation chère", price=Decimal("4500.00"))
    ProductFactory(title="Prestation bon marché", price=Decimal("150.00"))

    ascending = text_of(client.get(SHOP, {"sort_by": "price-asc"}))
    descending = text_of(client.get(SHOP, {"sort_by": "price-desc"}))

    def order(page):
        titles = ["Prestation bon marché", "Prestation moyenne", "Prestation chère"]
        return sorted(titles, key=page.index)

    assert order(ascending) == ["Prestation bon marché", "Prestation moyenne", "Prestation chère"]
    assert order(descending) == ["Prestation chère", "Prestation moyenne", "Prestation bon marché"]


@pytest.mark.parametrize("page_number", ["99", "0", "-1", "abc", "last"])
def test_a_page_past_the_end_or_malformed_shows_a_page_instead_of_failing(client, page_number):
    ProductFactory(title="Seul produit")

    response = client.get(SHOP, {"page": page_number})

    assert response.status_code == 200
    assert "Seul produit" in text_of(response)


def test_an_unknown_filter_value_does_not_fail(client):
    ProductFactory(title="Produit quelconque")

    response = client.get(SHOP, {"sector": "nope", "province": "atlantis", "sort_by": "x"})

    assert response.status_code == 200


def test_a_category_page_lists_the_disciplines_products_only(client):
    ProductFactory(title="Mapping sur la médina", discipline="projection-mapping")
    ProductFactory(title="Enregistrement en studio", discipline="enregistrement")
    category = Category.objects.get(discipline__slug="projection-mapping")

    with translation.override("fr"):
        response = client.get(category.get_absolute_url())

    assert response.status_code == 200
    page = text_of(response)
    assert "Mapping sur la médina" in page
    assert "Enregistrement en studio" not in page


def test_a_sector_page_lists_the_products_of_all_its_disciplines(client):
    ProductFactory(title="Éclairage de scène", discipline="eclairage")
    ProductFactory(title="Mapping de façade", discipline="projection-mapping")
    ProductFactory(title="Montage vidéo", discipline="audiovisuel")
    sector_category = Category.objects.get(sector__slug="lumiere")

    with translation.override("fr"):
        page = text_of(client.get(sector_category.get_absolute_url()))

    assert "Éclairage de scène" in page
    assert "Mapping de façade" in page
    assert "Montage vidéo" not in page


def test_a_category_reached_by_a_wrong_slug_redirects_to_its_address(client):
    category = Category.objects.get(discipline__slug="photographie")
    with translation.override("fr"):
        right = category.get_absolute_url()

    response = client.get(f"/fr/shop/catalogue/category/wrong-slug_{category.pk}/?sort_by=newest")

    assert response.status_code == 301
    assert response["Location"] == f"{right}?sort_by=newest"


def test_the_shop_runs_as_many_queries_for_25_products_as_for_3(client):
    for _ in range(3):
        ProductFactory()
    client.get(SHOP)  # warm the per-process caches (site, locale, content types)
    with_3 = count_queries(client, SHOP)

    for _ in range(22):
        ProductFactory()
    with_25 = count_queries(client, SHOP)

    assert with_25 == with_3


def test_a_category_page_runs_as_many_queries_for_25_products_as_for_3(client):
    category = Category.objects.get(discipline__slug="photographie")
    with translation.override("fr"):
        url = category.get_absolute_url()
    for _ in range(3):
        ProductFactory(discipline="photographie")
    client.get(url)
    with_3 = count_queries(client, url)

    for _ in range(22):
        ProductFactory(discipline="photographie")
    with_25 = count_queries(client, url)

    assert with_25 == with_3


def test_a_product_page_shows_its_title_and_price_in_french(client):
    product = ProductFactory(title="Captation de spectacle", price=Decimal("1234.50"))

    response = client.get(url_of(product, "fr"))

    assert response.status_code == 200
    page = text_of(response)
    assert "Captation de spectacle" in page
    assert "1 234,50 MAD" in page


def test_a_product_page_shows_its_price_the_moroccan_arabic_way(client):
    product = ProductFactory(title="Captation de spectacle", price=Decimal("1234.50"))

    response = client.get(url_of(product, "ar"))

    assert response.status_code == 200
    page = text_of(response)
    assert "1.234,50 د.م." in page
    assert "1 234,50 MAD" not in page


def test_a_product_that_is_not_public_has_no_page(client):
    product = ProductFactory(is_public=False)

    assert client.get(url_of(product)).status_code == 404


def test_a_product_reached_by_an_old_slug_redirects_to_its_address(client):
    product = ProductFactory(title="Nouveau titre")

    response = client.get(f"/fr/shop/catalogue/ancien-titre_{product.pk}/")

    assert response.status_code == 301
    assert response["Location"] == url_of(product)


def test_a_suspended_shops_product_page_is_not_found_by_the_public(client):
    product = ProductFactory(title="Tirage suspendu", partner=PartnerFactory(is_active=False))

    assert client.get(url_of(product)).status_code == 404


def test_a_creator_still_sees_their_product_while_their_shop_is_suspended(client):
    partner = PartnerFactory(is_active=False)
    product = ProductFactory(title="Mon tirage", partner=partner)
    client.force_login(partner.profile.user)

    response = client.get(url_of(product))

    assert response.status_code == 200
    assert "Mon tirage" in text_of(response)


def test_another_signed_in_user_cannot_see_a_suspended_shops_product(client):
    product = ProductFactory(partner=PartnerFactory(is_active=False))
    client.force_login(UserFactory())

    assert client.get(url_of(product)).status_code == 404


def test_a_product_description_keeps_its_formatting_but_not_its_scripts(client):
    product = ProductFactory(
        description="<p>Tirage <strong>signé</strong><script>alert('x')</script></p>"
    )

    html = client.get(url_of(product)).content.decode()

    assert "<strong>signé</strong>" in html
    assert "alert('x')" not in html
