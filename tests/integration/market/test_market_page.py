"""L'Karfour: the current edition, its stands and products, printable QR codes."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from shop.market.models import MarketEdition
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.market import MarketEditionFactory, StandFactory
from tests.helpers import count_queries, text_of


@pytest.fixture(autouse=True)
def _site_address(settings):
    """The site's address differs from the request's host (testserver): links must use it."""
    settings.BASE_URL = "https://takafamap.ma"


pytestmark = pytest.mark.django_db

MARKET = "/fr/shop/market/"


def test_current_is_the_edition_running_today():
    today = date(2026, 6, 10)
    MarketEditionFactory(starts_on=date(2025, 6, 1), ends_on=date(2025, 6, 3))
    running = MarketEditionFactory(starts_on=date(2026, 6, 9), ends_on=date(2026, 6, 11))
    MarketEditionFactory(starts_on=date(2026, 9, 1), ends_on=date(2026, 9, 2))

    assert MarketEdition.current(today) == running
    assert MarketEdition.current(date(2026, 7, 1)) is None
    assert MarketEdition.current(date(2026, 6, 11)) == running


def test_the_market_page_lists_the_stands_and_the_products_for_the_market(client):
    edition = MarketEditionFactory(name="L'Karfour 5")
    shop = PartnerFactory(name="Studio Nour")
    StandFactory(edition=edition, partner=shop, number="A12")
    ProductFactory(partner=shop, title="Tirage du marché", available_at_karfour=True)
    ProductFactory(partner=shop, title="Pas au marché", available_at_karfour=False)
    ProductFactory(title="Autre boutique sans stand", available_at_karfour=True)

    response = client.get(MARKET)

    page = text_of(response)
    assert "L'Karfour 5" in page
    assert "Studio Nour" in page and "A12" in page
    assert "Tirage du marché" in page
    assert "Pas au marché" not in page
    assert "Autre boutique sans stand" not in page


def test_the_market_page_shows_the_next_edition_when_none_is_running(client):
    today = timezone.localdate()
    MarketEditionFactory(
        name="Édition passée", starts_on=today - timedelta(days=40), ends_on=today - timedelta(39)
    )
    MarketEditionFactory(
        name="Prochaine édition",
        starts_on=today + timedelta(days=20),
        ends_on=today + timedelta(21),
    )

    response = client.get(MARKET)

    assert response.context["edition"].name == "Prochaine édition"
    assert "Édition passée" in text_of(response)  # reachable among the other editions


def test_a_past_edition_has_its_own_page(client):
    past = MarketEditionFactory(
        starts_on=date(2025, 5, 1), ends_on=date(2025, 5, 3), name="L'Karfour 4"
    )

    response = client.get(past.get_absolute_url())

    assert response.status_code == 200
    assert response.context["edition"] == past
    assert client.get(f"{MARKET}inconnue/").status_code == 404


def test_the_market_page_without_any_edition_still_answers(client):
    response = client.get(MARKET)

    assert response.status_code == 200
    assert response.context["edition"] is None


def test_a_suspended_shops_stand_is_not_listed(client):
    edition = MarketEditionFactory()
    StandFactory(
        edition=edition, partner=PartnerFactory(name="Boutique suspendue", is_active=False)
    )

    assert "Boutique suspendue" not in text_of(client.get(MARKET))


def test_the_market_page_runs_a_fixed_number_of_queries(client):
    edition = MarketEditionFactory()

    def add(n):
        for _ in range(n):
            stand = StandFactory(edition=edition)
            ProductFactory(partner=stand.partner, available_at_karfour=True)

    add(2)
    count_queries(client, MARKET)
    few = count_queries(client, MARKET)
    add(10)

    assert count_queries(client, MARKET) == few


def test_a_stand_has_a_printable_qr_code_to_the_shop(client):
    stand = StandFactory(partner=PartnerFactory(name="Studio Nour", slug="studio-nour"))

    response = client.get(stand.get_qr_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "<svg" in content and "<path" in content
    assert response.context["shop_url"] == "https://takafamap.ma/fr/shop/creators/studio-nour/"
    assert "Studio Nour" in text_of(response)


def test_the_qr_code_encodes_the_absolute_shop_address(client):
    """The SVG drawn for the stand is the one the qrcode library draws for the shop's URL."""
    from shop.market.qr import qr_svg

    stand = StandFactory(partner=PartnerFactory(slug="studio-nour"))

    response = client.get(f"{stand.get_qr_url()}qr.svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.decode() == qr_svg("https://takafamap.ma/fr/shop/creators/studio-nour/")
    assert response.content.decode() != qr_svg("https://takafamap.ma/fr/shop/creators/autre/")


def test_a_stand_of_another_edition_or_a_suspended_shop_has_no_qr_page(client):
    stand = StandFactory()
    other = MarketEditionFactory()
    suspended = StandFactory(partner=PartnerFactory(is_active=False))

    assert client.get(f"{MARKET}{other.slug}/stands/{stand.pk}/").status_code == 404
    assert client.get(suspended.get_qr_url()).status_code == 404


def test_staff_manage_editions_and_stands_in_wagtails_admin(client):
    stand = StandFactory(number="B7")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    editions = client.get("/admin/snippets/market/marketedition/")
    stands = client.get("/admin/snippets/market/stand/")

    assert editions.status_code == 200 and stand.edition.name in text_of(editions)
    assert stands.status_code == 200 and "B7" in text_of(stands)
    # The shop's catalogue search (its "sort by price" list) has no place in the admin header.
    assert 'name="sort_by"' not in stands.content.decode()
