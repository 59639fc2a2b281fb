"""In Chromium: one product page, served from the shared page cache to two signed-in
visitors, shows each their own menu and basket (core/cache.py, core/personal.py).

With ``SCREENSHOTS_DIR`` set, both visitors' pages are saved there in French and Arabic."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import ProductFactory, UserFactory
from tests.factories.orders import basket_with
from tests.factories.partner import creator_with_shop
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def sign_in(page, base, email):
    page.goto(f"{base}/fr/shop/accounts/login/")
    page.locator("#id_login-username").fill(email)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator('button[name="login_submit"]').click()
    expect(page.locator(".topbar-signout")).to_be_visible()


def shoot(page, name):
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_one_cached_product_page_shows_each_visitor_their_own_menu_and_basket(
    page, live_server, browser, console_errors
):
    creator = creator_with_shop(name="Atelier Lumen")
    product = ProductFactory(title="Affiche sérigraphiée", price=100, partner=creator.shop)
    client = UserFactory(email="nadia@example.ma")
    basket_with([(product, 2)], owner=client)
    base = live_server.url
    creator_page = browser.new_context(locale="fr-FR", viewport={"width": 360, "height": 780})
    other = creator_page.new_page()
    sign_in(page, base, client.email)
    sign_in(other, base, creator.email)

    for language in ("fr", "ar"):
        url = f"{base}{product.get_absolute_url().replace('/fr/', f'/{language}/', 1)}"
        first = page.goto(url)
        second = other.goto(url)
        again = page.goto(url)

        assert first.headers["x-page-cache"] == "miss"
        assert second.headers["x-page-cache"] == "hit" and again.headers["x-page-cache"] == "hit"
        # The client: two items in the basket, no shop, no edit link.
        expect(page.locator("#header-basket-count .badge")).to_contain_text("2")
        expect(page.locator('.topbar-links a[href$="/shop/my-shop/"]')).to_have_count(0)
        expect(page.locator(".topbar-signout")).to_be_visible()
        expect(page.locator('a[href*="/my-shop/products/"]')).to_have_count(0)
        # The creator: their shop in the menu and the edit link, an empty basket.
        expect(other.locator("#header-basket-count .badge")).to_have_count(0)
        expect(other.locator('.topbar-links a[href$="/shop/my-shop/"]')).to_have_count(1)
        expect(other.locator(f'a[href$="/my-shop/products/{product.pk}/edit/"]')).to_be_visible()
        shoot(page, f"shared-product-client-{language}")
        shoot(other, f"shared-product-creator-{language}")

    # The forms of the shared page post with the visitor's own token.
    page.goto(f"{base}{product.get_absolute_url()}")
    page.locator("#add_to_basket_form button[type=submit]").click()
    expect(page.locator("#header-basket-count .badge")).to_contain_text("3")
    assert page.goto(f"{base}{product.get_absolute_url()}").headers["x-page-cache"] == "hit"
    expect(page.locator("#header-basket-count .badge")).to_contain_text("3")
    assert not console_errors
    creator_page.close()
