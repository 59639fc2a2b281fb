"""A guest pays an order by card: Stripe.js is stubbed at its URL, Stripe's API by a fake HTTP
client, and Stripe's webhook is delivered signed, as Stripe would."""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import stripe
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from directory.models import Profile
from shop.order.models import Order
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory
from tests.factories.payments import intent_event, placed_order

from .conftest import WEBHOOK_SECRET

pytestmark = pytest.mark.browser

FAKE_STRIPE_JS = Path(__file__).with_name("fake_stripe.js")


def as_guest_who_placed(context, live_server, order):
    """The browser carries the session of the guest who placed ``order``."""
    session = SessionStore()
    session["placed_orders"] = [order.number]
    session.save()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


def stub_stripe_js(page):
    page.route(
        "https://js.stripe.com/**",
        lambda route: route.fulfill(path=FAKE_STRIPE_JS, content_type="application/javascript"),
    )


def deliver(page, live_server, event):
    payload = json.dumps(event)
    header = stripe.WebhookSignature.generate_signature_header(payload, WEBHOOK_SECRET)
    return page.request.post(
        f"{live_server.url}/payments/stripe/webhook/",
        data=payload,
        headers={"Stripe-Signature": header, "Content-Type": "application/json"},
    )


def test_a_guest_pays_by_card_and_sees_the_payment_confirmed(
    page, context, live_server, fake_stripe, console_errors
):
    order = placed_order([(ProductFactory(title="Tirage signé", price=Decimal("380.00")), 1)])
    as_guest_who_placed(context, live_server, order)
    stub_stripe_js(page)

    page.goto(f"{live_server.url}/fr/shop/pay/{order.number}/card/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("main")).to_contain_text(re.compile(r"380,00\sMAD"))
    pay = page.locator("#payment-submit")
    expect(pay).to_be_enabled()
    (intent_id,) = fake_stripe.intents
    assert fake_stripe.intent(intent_id)["amount"] == 38000
    page.locator("#fake-card").fill("4242 4242 4242 4242")
    pay.click()

    # Back from Stripe: the payment is processing until the webhook confirms it.
    expect(page).to_have_url(re.compile(rf"/fr/shop/pay/{order.number}/card/return/\?"))
    expect(page.locator("[data-payment-state]")).to_have_attribute(
        "data-payment-state", "processing"
    )
    order.refresh_from_db()
    assert not order.is_paid

    response = deliver(page, live_server, intent_event(fake_stripe.intent(intent_id)))
    assert response.status == 200
    page.reload()
    expect(page.locator("[data-payment-state]")).to_have_attribute("data-payment-state", "paid")
    order.refresh_from_db()
    assert order.is_paid
    assert console_errors == []


def test_a_declined_card_shows_the_error_and_lets_the_client_retry(
    page, context, live_server, fake_stripe
):
    order = placed_order()
    as_guest_who_placed(context, live_server, order)
    stub_stripe_js(page)

    page.goto(f"{live_server.url}/fr/shop/pay/{order.number}/card/")
    page.locator("#fake-card").fill("4000 0000 0000 0002")
    page.locator("#payment-submit").click()

    expect(page.locator("#payment-message")).to_be_visible()
    expect(page.locator("#payment-message")).to_have_text("Your card was declined.")
    expect(page.locator("#payment-submit")).to_be_enabled()
    order.refresh_from_db()
    assert not order.is_paid


def test_a_guest_checks_out_and_pays_by_card(page, live_server, fake_stripe, console_errors):
    """The whole journey: basket, guest checkout with "card", the card page, the webhook."""
    hub = ProfileFactory(kind=Profile.Kind.HUB, name="Hub Nador", user=None)
    shop = PartnerFactory(name="Yassine Son", pickup_hub=hub)
    product = ProductFactory(
        kind="physical", partner=shop, price=Decimal("420.00"), title="Enceinte restaurée"
    )
    stub_stripe_js(page)
    base = live_server.url

    page.goto(f"{base}{product.get_absolute_url()}")
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto(f"{base}/fr/shop/basket/")
    page.locator('a[href="/fr/shop/checkout/"]').first.click()
    page.locator("#id_username").fill("yasmine@example.ma")
    page.locator('input[name="options"][value="anonymous"]').check()
    page.locator("form.checkout-gateway button[type=submit]").click()
    page.locator("#id_first_name").fill("Yasmine")
    page.locator("#id_last_name").fill("Tahiri")
    page.locator("#id_phone").fill("0612345678")
    page.locator(".checkout-details button[type=submit]").click()
    page.locator('input[name="method"][value="card"]').check()
    page.locator("main form button[type=submit]").click()
    page.locator("#place-order").click()

    order = Order.objects.get()
    expect(page).to_have_url(re.compile(rf"/fr/shop/pay/{order.number}/card/$"))
    assert order.payment_method == "card"
    assert not order.is_paid
    page.locator("#fake-card").fill("4242 4242 4242 4242")
    page.locator("#payment-submit").click()
    expect(page.locator("[data-payment-state]")).to_have_attribute(
        "data-payment-state", "processing"
    )

    (intent_id,) = fake_stripe.intents
    assert fake_stripe.intent(intent_id)["amount"] == 42000
    assert deliver(page, live_server, intent_event(fake_stripe.intent(intent_id))).status == 200
    page.reload()
    expect(page.locator("[data-payment-state]")).to_have_attribute("data-payment-state", "paid")
    order.refresh_from_db()
    assert order.is_paid
    assert all(part.is_paid for part in order.parts.all())
    assert console_errors == []
