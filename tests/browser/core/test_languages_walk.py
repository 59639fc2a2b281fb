"""In Chromium, on a phone: the main pages in Arabic and English hold no French or English
sentence left untranslated (``tests.untranslated``), and the header's basket count follows a
quantity change made on the basket page.

With ``SCREENSHOTS_DIR`` set, the Arabic basket, checkout and quote pages are saved there
(390 px wide) for a person to look at."""

import os
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.factories.users import PASSWORD
from tests.integration.core.test_untranslated_pages import NAMES, build_world
from tests.untranslated import report, untranslated

pytestmark = pytest.mark.browser


def path(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def shoot(page, name):
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def scan(page, language, url, problems):
    page.goto(url)
    found = untranslated(page.content(), language, NAMES)
    if found:
        problems.append(report(url, found))


def test_the_main_pages_in_arabic_and_english_have_no_untranslated_sentence(
    page, live_server, console_errors
):
    world = build_world()
    base = live_server.url
    product, quote = world["product"], world["quote"]
    page.goto(f"{base}/ar/shop/accounts/login/")
    page.locator("#id_login-username").fill(world["client"].email)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator('button[name="login_submit"]').click()
    problems = []

    for language in ("ar", "en"):
        with translation.override(language):
            product_url = product.get_absolute_url()
            quote_url = quote.get_absolute_url()
        for url in (
            f"/{language}/",
            path("catalogue:index", language),
            product_url,
            path("directory:index", language),
            path("market:index", language),
            path("hackathon:call", language),
            path("sitesearch:search", language) + "?q=tirage",
            path("customer:summary", language),
            path("quotes:list", language),
            quote_url,
        ):
            scan(page, language, base + url, problems)
        if language == "ar":
            shoot(page, "quote-ar")
        page.goto(base + product_url)
        page.locator("form[action*='basket/add'] button[type=submit]").first.click()
        scan(page, language, base + path("basket:summary", language), problems)
        if language == "ar":
            shoot(page, "basket-ar")
        scan(page, language, base + path("checkout:shipping-address", language), problems)
        if language == "ar":
            shoot(page, "checkout-ar")

    assert not problems, "\n".join(problems)
    # The map's tiles come from OpenStreetMap, out of reach here.
    assert [error for error in console_errors if "ERR_NAME_NOT_RESOLVED" not in error] == []


def test_the_header_count_follows_a_quantity_change_on_the_basket_page(page, live_server):
    world = build_world()
    base = live_server.url
    with translation.override("fr"):
        product_url = world["product"].get_absolute_url()
    page.goto(base + product_url)
    page.locator("form[action*='basket/add'] button[type=submit]").first.click()
    page.goto(base + path("basket:summary", "fr"))
    badge = page.locator("#header-basket-count .badge")
    expect(badge).to_contain_text(re.compile(r"^1"))

    page.locator("#basket_formset input[name$='-quantity']").fill("3")
    page.locator("#basket_formset button[type=submit]").first.click()

    expect(badge).to_contain_text(re.compile(r"^3"))
    page.locator("#basket_formset [data-behaviours=remove]").first.click()
    expect(page.locator("#header-basket-count .badge")).to_have_count(0)
