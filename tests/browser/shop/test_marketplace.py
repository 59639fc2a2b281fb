"""On a phone: a visitor filters the catalogue, then finds a stand's QR code at L'Karfour."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.factories import PartnerFactory, ProductFactory
from tests.factories.market import MarketEditionFactory, StandFactory

# tests/browser/conftest.py adds django_db(transaction=True) and the migrated-rows reload.
pytestmark = pytest.mark.browser


def test_a_visitor_filters_the_catalogue_by_kind_and_price(page, live_server, console_errors):
    ProductFactory(title="Tirage abordable", kind="physical", price=Decimal("200"))
    ProductFactory(title="Tirage de collection", kind="physical", price=Decimal("3000"))
    ProductFactory(title="Reportage de mariage", kind="service", price=Decimal("200"))

    page.goto(f"{live_server.url}/fr/shop/catalogue/")
    page.locator('button[aria-controls="more-filters"]').click()  # folded away on a phone
    page.locator("#id_kind").select_option("physical")
    page.locator("#id_price_max").fill("500")
    page.locator(".shop-filters button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"kind=physical.*price_max=500"))
    results = page.locator(".product-grid")
    expect(results).to_contain_text("Tirage abordable")
    expect(results).not_to_contain_text("Tirage de collection")
    expect(results).not_to_contain_text("Reportage de mariage")
    assert console_errors == []


def test_a_visitor_opens_a_stands_qr_code_from_the_market_page(page, live_server):
    shop = PartnerFactory(name="Studio Nour", slug="studio-nour")
    StandFactory(edition=MarketEditionFactory(name="L'Karfour 5"), partner=shop, number="A3")
    ProductFactory(partner=shop, title="Tirage du marché", available_at_karfour=True)

    page.goto(f"{live_server.url}/fr/shop/market/")
    expect(page.locator("h1")).to_contain_text("L'Karfour 5")
    expect(page.locator("main")).to_contain_text("Tirage du marché")
    page.locator(".market-stand a[href*='/stands/']").click()

    expect(page.locator(".stand-qr svg")).to_be_visible()
    expect(page.locator(".stand-sign")).to_contain_text("Studio Nour")
    expect(page.locator(".stand-sign a")).to_have_attribute(
        "href", f"{live_server.url}/fr/shop/creators/studio-nour/"
    )
