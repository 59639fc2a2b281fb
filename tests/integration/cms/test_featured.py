"""What the home page and the sector pages feature: editors' choices, with fallbacks."""

import pytest

from cms.models import SectorIndexPage, SectorPage
from directory.models import Profile
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, sector
from tests.factories.pages import add_page, home_page
from tests.helpers import text_of

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_products_editors_chose_instead_of_the_newest(client):
    chosen = ProductFactory(title="Tirage choisi par l'équipe")
    ProductFactory(title="Produit plus récent")
    home = home_page()
    home.featured_products.set([chosen])
    home.save_revision().publish()

    page = text_of(client.get("/fr/"))

    assert "Tirage choisi par l'équipe" in page
    assert "Produit plus récent" not in page


def test_a_chosen_product_of_a_suspended_shop_is_not_featured(client):
    hidden = ProductFactory(title="Choisi mais suspendu", partner=PartnerFactory(is_active=False))
    ProductFactory(title="Produit de repli")
    home = home_page()
    home.featured_products.set([hidden])
    home.save_revision().publish()

    page = text_of(client.get("/fr/"))

    assert "Choisi mais suspendu" not in page
    assert "Produit de repli" in page


def test_the_home_page_features_accompanied_creators_when_none_is_chosen(client):
    ProfileFactory(name="Nour Accompagnée", is_accompanied=True)
    ProfileFactory(name="Karim Non Accompagné", is_accompanied=False)
    ProfileFactory(name="Salma En Attente", is_accompanied=True, status=Profile.Status.PENDING)

    page = text_of(client.get("/fr/"))

    assert "Nour Accompagnée" in page
    assert "Karim Non Accompagné" not in page
    assert "Salma En Attente" not in page


def test_the_home_page_shows_the_creators_editors_chose(client):
    chosen = ProfileFactory(name="Collectif Choisi")
    ProfileFactory(name="Autre Accompagnée", is_accompanied=True)
    home = home_page()
    home.featured_profiles.set([chosen])
    home.save_revision().publish()

    page = text_of(client.get("/fr/"))

    assert "Collectif Choisi" in page
    assert "Autre Accompagnée" not in page


def test_a_sector_page_shows_creators_and_products_of_its_sector_only(client):
    index = add_page(home_page(), SectorIndexPage(title="Secteurs", slug="secteurs"))
    add_page(index, SectorPage(title="Le son", slug="son", sector=sector("son")))
    sound = ProfileFactory(name="Studio Du Son", disciplines=["mixage"])
    ProfileFactory(name="Atelier Photo", disciplines=["photographie"])
    ProductFactory(
        title="Mixage d'un album", discipline="mixage", partner=PartnerFactory(profile=sound)
    )
    ProductFactory(title="Portrait de famille", discipline="photographie")

    page = text_of(client.get("/fr/secteurs/son/"))

    assert "Studio Du Son" in page
    assert "Mixage d'un album" in page
    assert "Atelier Photo" not in page
    assert "Portrait de famille" not in page
