"""A guest buys from two creators with cash at pickup; each creator sees only their line,
hands it over; the guest sees both statuses."""

import re
from decimal import Decimal

import pytest
from django.utils import translation
from playwright.sync_api import expect

from directory.models import Profile
from shop.order.models import Order
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.browser


def fr(message):
    with translation.override("fr"):
        return translation.gettext(message)


def sign_in(page, base, email):
    page.goto(f"{base}/fr/shop/accounts/login/")
    page.locator("#id_login-username").fill(email)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator('button[name="login_submit"]').click()


def hand_over(page, base, partner, mine, not_mine):
    sign_in(page, base, partner.users.get().email)
    page.goto(f"{base}/fr/shop/my-shop/orders/")
    page.locator(".fulfilment-item a").first.click()
    lines = page.locator("tr.part-line")
    expect(lines).to_have_count(1)
    expect(lines.first).to_contain_text(mine)
    expect(page.locator("main")).not_to_contain_text(not_mine)
    for status in ("confirmed", "ready", "handed_over"):
        page.locator(f'button[data-status="{status}"]').click()
        expect(page.locator("#part-status")).to_have_text(re.compile(".+"))
    page.locator("#mark-paid").click()
    expect(page.locator("#part-status")).to_have_text(fr("Handed over"))
    page.context.clear_cookies()


def test_guest_buys_from_two_creators_and_follows_both_parts(
    page, live_server, console_errors, browser
):
    hub = ProfileFactory(kind=Profile.Kind.HUB, name="Hub Oujda", user=None)
    salma = PartnerFactory(name="Salma Benali", pickup_hub=hub)
    karim = PartnerFactory(name="Karim Lumière", pickup_hub=hub)
    print_a = ProductFactory(
        kind="physical", partner=salma, price=Decimal("200"), title="Tirage Oujda"
    )
    lamp = ProductFactory(
        kind="physical", partner=karim, price=Decimal("350"), title="Lampe de scène"
    )
    base = live_server.url

    for product in (print_a, lamp):
        page.goto(f"{base}{product.get_absolute_url()}")
        page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto(f"{base}/fr/shop/basket/")
    expect(page.locator(".basket-creator-part")).to_have_count(2)
    page.locator('a[href="/fr/shop/checkout/"]').first.click()

    page.locator("#id_username").fill("nadia@example.ma")
    page.locator('input[name="options"][value="anonymous"]').check()
    page.locator("form.checkout-gateway button[type=submit]").click()

    page.locator("#id_first_name").fill("Nadia")
    page.locator("#id_last_name").fill("Amrani")
    page.locator("#id_phone").fill("0612345678")
    page.locator(".checkout-details button[type=submit]").click()

    page.locator('input[name="method"][value="cash"]').check()
    page.locator("main form button[type=submit]").click()
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/fr/shop/checkout/thank-you/$"))
    expect(page.locator(".order-part")).to_have_count(2)

    order = Order.objects.get()
    assert order.payment_method == "cash"
    assert {part.fulfilment for part in order.parts.all()} == {"hub_pickup"}
    status_link = f"{base}/fr/shop/checkout/order/{order.number}/{order.verification_hash()}/"

    # Each creator, in their own browser context.
    for partner, mine, not_mine in (
        (salma, "Tirage Oujda", "Lampe de scène"),
        (karim, "Lampe de scène", "Tirage Oujda"),
    ):
        context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
        creator_page = context.new_page()
        hand_over(creator_page, base, partner, mine, not_mine)
        context.close()

    page.goto(status_link)
    statuses = page.locator(".order-part .order-status")
    expect(statuses).to_have_count(2)
    for index in range(2):
        expect(statuses.nth(index)).to_have_text(fr("Handed over"))
    assert console_errors == []
