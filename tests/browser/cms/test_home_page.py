"""The home page, in French and in Arabic, and the language switcher."""

import re

import pytest
from playwright.sync_api import expect

# tests/browser/conftest.py adds django_db(transaction=True) and the migrated-rows reload.
pytestmark = pytest.mark.browser


def test_the_home_page_renders_in_french_left_to_right(page, live_server, console_errors):
    page.goto(f"{live_server.url}/")

    expect(page).to_have_url(f"{live_server.url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate("document.dir") == "ltr"
    assert console_errors == []


def test_the_home_page_renders_in_arabic_right_to_left(page, live_server, console_errors):
    page.goto(f"{live_server.url}/ar/")

    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("document.dir") == "rtl"
    # The header mirrors: the logo sits on the right-hand side of the page.
    logo = page.locator(".navbar-brand").bounding_box()
    assert logo["x"] > page.viewport_size["width"] / 2
    assert console_errors == []


def test_the_language_switcher_goes_to_arabic_and_back_to_french(page, live_server):
    page.goto(f"{live_server.url}/fr/")

    page.get_by_role("link", name="العربية", exact=True).first.click()

    expect(page).to_have_url(re.compile(r"/ar/"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    page.get_by_role("link", name="Français", exact=True).first.click()

    expect(page).to_have_url(re.compile(r"/fr/"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
