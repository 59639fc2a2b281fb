"""A visitor finds a product from the home page and opens it."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.factories import ProductFactory

# tests/browser/conftest.py adds django_db(transaction=True) and the migrated-rows reload.
pytestmark = pytest.mark.browser


def test_a_product_page_is_reached_from_the_home_page(page, live_server, console_errors):
    product = ProductFactory(title="Captation vidéo de concert", price=Decimal("1500.00"))

    page.goto(f"{live_server.url}/fr/")
    page.get_by_role("link", name="Captation vidéo de concert").first.click()

    expect(page).to_have_url(re.compile(rf"/fr/shop/catalogue/{product.slug}_{product.pk}/$"))
    expect(page.locator("h1")).to_contain_text("Captation vidéo de concert")
    expect(page.locator("main")).to_contain_text(re.compile(r"1\s500,00\sMAD"))
    assert console_errors == []


def test_a_product_is_found_through_the_shop_link_in_the_header(page, live_server):
    ProductFactory(title="Mapping sur la façade du théâtre", discipline="projection-mapping")

    page.goto(f"{live_server.url}/fr/")
    page.locator(".navbar-toggler").click()  # a phone-sized screen folds the menu away
    page.locator('.site-nav a[href="/fr/shop/catalogue/"]').click()
    expect(page).to_have_url(re.compile(r"/fr/shop/catalogue/$"))
    page.get_by_role("link", name="Mapping sur la façade du théâtre").click()

    expect(page.locator("h1")).to_contain_text("Mapping sur la façade du théâtre")
