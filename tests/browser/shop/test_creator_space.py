"""A creator adds a product from a phone and finds it in the public catalogue."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PartnerFactory, discipline
from tests.factories.users import PASSWORD

# tests/browser/conftest.py adds django_db(transaction=True) and the migrated-rows reload.
pytestmark = pytest.mark.browser


def test_a_creator_adds_a_product_from_a_phone(page, live_server, console_errors):
    shop = PartnerFactory(name="Studio Nour")
    email = shop.profile.user.email

    page.goto(f"{live_server.url}/fr/shop/my-shop/")
    expect(page).to_have_url(re.compile(r"/fr/shop/accounts/login/"))
    page.locator("#id_login-username").fill(email)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator('button[name="login_submit"]').click()
    expect(page.locator("h1")).to_contain_text("Studio Nour")

    page.locator('a[href="/fr/shop/my-shop/products/add/"]').first.click()
    page.locator("#id_title").fill("Tirage d'art de la corniche")
    page.get_by_label("Produit physique").check()  # product class names come from data
    page.locator("#id_discipline").select_option(str(discipline("photographie").pk))
    page.locator("#id_price").fill("450")
    page.locator("#id_num_in_stock").fill("4")
    page.locator('.creator-form button[type="submit"]').click()

    expect(page).to_have_url(re.compile(r"/fr/shop/my-shop/products/$"))
    expect(page.locator("main")).to_contain_text("Tirage d'art de la corniche")

    page.goto(f"{live_server.url}/fr/shop/catalogue/")
    expect(page.get_by_role("link", name="Tirage d'art de la corniche")).to_be_visible()
    assert console_errors == []
