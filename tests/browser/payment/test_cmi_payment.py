"""A guest buys from two creators and pays by card through the local CMI simulator (the
gateway's side of the protocol, on the live server): the signed form, the simulator's page,
its signed server-to-server callback and the browser's signed return."""

import re
from decimal import Decimal

import pytest
from django.utils import translation
from playwright.sync_api import expect

from directory.models import Profile
from shop.order.models import Order
from shop.payment.models import CmiNotification
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.browser


def fr(message):
    with translation.override("fr"):
        return translation.gettext(message)


@pytest.fixture
def cmi_simulator(settings):
    settings.CMI_CLIENT_ID = "600000002"
    settings.CMI_STORE_KEY = r"browser|store\key"
    settings.CMI_GATEWAY_URL = "/payments/cmi-simulator/"
    settings.CMI_SIMULATOR = True
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""


@pytest.fixture
def two_creators():
    hub = ProfileFactory(kind=Profile.Kind.HUB, name="Hub Oujda", user=None)
    salma = PartnerFactory(name="Salma Benali", pickup_hub=hub)
    karim = PartnerFactory(name="Karim Lumière", pickup_hub=hub)
    print_a = ProductFactory(kind="physical", partner=salma, price=Decimal("200"), title="Tirage")
    lamp = ProductFactory(kind="physical", partner=karim, price=Decimal("350"), title="Lampe")
    return (salma, print_a), (karim, lamp)


def checkout_by_card(page, base, products):
    for product in products:
        page.goto(f"{base}{product.get_absolute_url()}")
        page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto(f"{base}/fr/shop/basket/")
    page.locator('a[href="/fr/shop/checkout/"]').first.click()
    page.locator("#id_username").fill("nadia@example.ma")
    page.locator('input[name="options"][value="anonymous"]').check()
    page.locator("form.checkout-gateway button[type=submit]").click()
    page.locator("#id_first_name").fill("Nadia")
    page.locator("#id_last_name").fill("Amrani")
    page.locator("#id_phone").fill("0612345678")
    page.locator(".checkout-details button[type=submit]").click()
    card = page.locator('input[name="method"][value="cmi"]')
    expect(page.locator("label", has=card)).to_contain_text(fr("Pay by card"))
    card.check()
    page.locator("main form button[type=submit]").click()
    page.locator("#place-order").click()
    # The pay page sends the signed form on by itself: the simulator's page.
    expect(page.locator("#sim-approve")).to_be_visible()
    expect(page.locator(".sim-amount")).to_have_text("550.00 MAD")


def sign_in(page, base, email):
    page.goto(f"{base}/fr/shop/accounts/login/")
    page.locator("#id_login-username").fill(email)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator('button[name="login_submit"]').click()


def test_a_guest_pays_two_creators_by_card_through_the_simulator(
    page, live_server, browser, cmi_simulator, two_creators, console_errors
):
    (salma, print_a), (karim, lamp) = two_creators
    base = live_server.url
    checkout_by_card(page, base, [print_a, lamp])
    order = Order.objects.get()
    assert order.status == Order.AWAITING_CARD_PAYMENT and not order.is_paid

    page.locator("#sim-approve").click()
    expect(page).to_have_url(re.compile(r"/fr/shop/checkout/thank-you/$"))
    expect(page.locator(".order-part")).to_have_count(2)

    order.refresh_from_db()
    assert order.is_paid and order.payment_method == "cmi"
    assert order.payment_events.filter(event_type__name="Paid").count() == 1
    # The simulator called back server to server, then the browser came back: one payment.
    assert set(CmiNotification.objects.values_list("channel", "outcome")) == {
        ("callback", "paid"),
        ("return", "replay"),
    }

    for partner, mine in ((salma, "Tirage"), (karim, "Lampe")):
        context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
        creator = context.new_page()
        sign_in(creator, base, partner.users.get().email)
        creator.goto(f"{base}/fr/shop/my-shop/orders/")
        creator.locator(".fulfilment-item a").first.click()
        expect(creator.locator("tr.part-line")).to_have_count(1)
        expect(creator.locator("tr.part-line").first).to_contain_text(mine)
        expect(creator.locator("main")).to_contain_text(fr("Paid"))
        expect(creator.locator("#mark-paid")).to_have_count(0)
        context.close()
    assert console_errors == []


def test_a_declined_card_leaves_the_order_unpaid_and_offers_the_retry(
    page, live_server, cmi_simulator, two_creators
):
    (_salma, print_a), (_karim, lamp) = two_creators
    base = live_server.url
    checkout_by_card(page, base, [print_a, lamp])

    page.locator("#sim-decline").click()
    order = Order.objects.get()
    expect(page).to_have_url(re.compile(rf"/fr/shop/pay/{order.number}/cmi/result/$"))
    expect(page.locator("[data-payment-state]")).to_have_attribute("data-payment-state", "declined")
    expect(page.locator(".alert")).to_contain_text(fr("Your bank declined the card payment."))
    order.refresh_from_db()
    assert not order.is_paid
    assert order.payment_events.filter(event_type__name="Paid").count() == 0

    # Retry: a new attempt goes to the gateway, and is approved this time.
    page.locator("#cmi-retry").click()
    expect(page.locator("#sim-approve")).to_be_visible()
    page.locator("#sim-approve").click()
    expect(page).to_have_url(re.compile(r"/fr/shop/checkout/thank-you/$"))
    order.refresh_from_db()
    assert order.is_paid
    assert order.cmi_payments.count() == 2
