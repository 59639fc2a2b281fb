"""The card payment page: one PaymentIntent per order, sent with the right amount, currency
and idempotency key; only the order's owner sees the page; off without Stripe keys."""

import re
from decimal import Decimal

import pytest
from django.test import Client

from shop.order import payment_methods
from shop.payment import stripe_gateway
from tests.factories import ProductFactory, UserFactory
from tests.factories.payments import placed_order


@pytest.fixture(autouse=True)
def _site_address(settings):
    """The site's address differs from the request's host (testserver): links must use it."""
    settings.BASE_URL = "https://takafamap.ma"


pytestmark = pytest.mark.django_db


def card_url(order):
    return f"/fr/shop/pay/{order.number}/card/"


def guest_client(*orders):
    client = Client()
    session = client.session
    session["placed_orders"] = [order.number for order in orders]
    session.save()
    return client


def test_the_owner_gets_a_payment_intent_for_the_order_total(fake_stripe):
    order = placed_order([(ProductFactory(price=Decimal("249.50")), 2)])
    response = guest_client(order).get(card_url(order))

    assert response.status_code == 200
    (create,) = fake_stripe.posts("/v1/payment_intents")
    _method, _path, headers, params = create
    assert params["amount"] == "49900"  # 499.00 MAD in centimes
    assert params["currency"] == "mad"
    assert params["metadata[order_number]"] == order.number
    assert headers["Idempotency-Key"] == f"takafamap-order-{order.number}-49900-mad"
    assert headers["Authorization"] == "Bearer sk_test_takafamap"
    intent_id = next(iter(fake_stripe.intents))
    source = stripe_gateway.stripe_source(order)
    assert source.reference == intent_id
    assert source.amount_allocated == Decimal("499.00")
    page = response.content.decode()
    assert f'data-client-secret="{intent_id}_secret_abc"' in page
    assert 'data-publishable-key="pk_test_takafamap"' in page
    assert f'data-return-url="https://takafamap.ma/fr/shop/pay/{order.number}/card/return/"' in page
    assert "no-store" in response["Cache-Control"]


def test_the_page_loads_stripe_js_and_has_no_inline_script(fake_stripe):
    order = placed_order()
    page = guest_client(order).get(card_url(order)).content.decode()
    assert '<script src="https://js.stripe.com/v3"></script>' in page
    assert "/static/js/stripe-payment.js" in page
    for tag in re.findall(r"<script\b[^>]*>(.*?)</script>", page, flags=re.S):
        # The only inline script is Oscar's nonce'd ``oscar.init()`` from oscar/layout.html.
        assert tag.strip() == "" or "oscar.init()" in tag
    assert "onclick=" not in page


def test_reloading_or_submitting_twice_reuses_the_same_payment_intent(fake_stripe):
    order = placed_order()
    client = guest_client(order)
    first = client.get(card_url(order))
    second = client.get(card_url(order))

    assert first.status_code == second.status_code == 200
    assert len(fake_stripe.posts("/v1/payment_intents")) == 1
    assert len(fake_stripe.intents) == 1
    intent_id = next(iter(fake_stripe.intents))
    assert f"{intent_id}_secret_abc" in second.content.decode()
    assert order.sources.count() == 1


def test_a_retry_after_a_lost_answer_gets_the_same_intent_from_stripe(fake_stripe):
    """If our side lost the first answer (no source stored), the idempotency key makes Stripe
    answer with the PaymentIntent it already created instead of a second one."""
    order = placed_order()
    first = stripe_gateway.get_or_create_payment_intent(order)
    order.sources.all().delete()
    second = stripe_gateway.get_or_create_payment_intent(order)

    assert first.id == second.id
    assert len(fake_stripe.intents) == 1
    keys = {r[2]["Idempotency-Key"] for r in fake_stripe.posts("/v1/payment_intents")}
    assert keys == {f"takafamap-order-{order.number}-25000-mad"}


def test_a_signed_in_owner_sees_the_page(fake_stripe):
    user = UserFactory()
    order = placed_order(user=user)
    client = Client()
    client.force_login(user)
    assert client.get(card_url(order)).status_code == 200


@pytest.mark.parametrize("who", ["stranger", "other_user", "other_guest"])
def test_anyone_else_gets_404(fake_stripe, who):
    owner = UserFactory()
    order = placed_order(user=owner)
    guest_order = placed_order()
    if who == "stranger":
        client = Client()
    elif who == "other_user":
        client = Client()
        client.force_login(UserFactory())
    else:  # a guest whose session placed another order
        client = guest_client(placed_order())
    assert client.get(card_url(order)).status_code == 404
    assert client.get(card_url(guest_order)).status_code == 404
    assert client.get(f"/fr/shop/pay/{order.number}/card/return/").status_code == 404
    assert fake_stripe.requests == []


def test_an_unknown_order_number_is_404(fake_stripe):
    assert guest_client().get("/fr/shop/pay/999999999/card/").status_code == 404


def test_a_cash_order_has_no_card_page(fake_stripe):
    order = placed_order(payment_method="cash")
    assert guest_client(order).get(card_url(order)).status_code == 404


def test_without_stripe_keys_the_pages_do_not_exist(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_takafamap"
    order = placed_order()
    client = guest_client(order)
    assert payment_methods.card_enabled() is False
    assert client.get(card_url(order)).status_code == 404
    assert client.get(f"/fr/shop/pay/{order.number}/card/return/").status_code == 404


def test_without_stripe_keys_checkout_does_not_offer_the_card(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_PUBLISHABLE_KEY = ""
    assert "card" not in [str(method) for method in payment_methods.available_methods()]
    settings.STRIPE_SECRET_KEY = "sk_test_takafamap"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_takafamap"
    assert "card" in [str(method) for method in payment_methods.available_methods()]


def test_stripe_unavailable_shows_a_readable_page_and_stores_nothing(fake_stripe):
    fake_stripe.fail_with = 500
    order = placed_order()
    response = guest_client(order).get(card_url(order))
    assert response.status_code == 503
    assert "data-client-secret" not in response.content.decode()
    assert order.sources.count() == 0


def test_a_paid_order_goes_to_the_return_page(fake_stripe):
    order = placed_order()
    client = guest_client(order)
    client.get(card_url(order))
    source = stripe_gateway.stripe_source(order)
    source.debit(order.total_incl_tax)
    response = client.get(card_url(order))
    assert response.status_code == 302
    assert response["Location"] == f"/fr/shop/pay/{order.number}/card/return/"


@pytest.mark.parametrize(
    ("paid", "redirect_status", "state"),
    [(False, "succeeded", "processing"), (False, "failed", "failed"), (True, "", "paid")],
)
def test_the_return_page_says_where_the_payment_stands(fake_stripe, paid, redirect_status, state):
    order = placed_order()
    client = guest_client(order)
    client.get(card_url(order))
    if paid:
        stripe_gateway.stripe_source(order).debit(order.total_incl_tax)
    response = client.get(
        f"/fr/shop/pay/{order.number}/card/return/", {"redirect_status": redirect_status}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'data-payment-state="{state}"' in page
    assert ('http-equiv="refresh"' in page) == (state == "processing")


def test_the_card_page_allows_stripe_in_its_content_security_policy(fake_stripe):
    order = placed_order()
    response = guest_client(order).get(card_url(order))
    policy = response["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert "https://js.stripe.com" in directives["script-src"]
    assert "https://js.stripe.com" in directives["frame-src"]
    assert "'none'" not in directives["frame-src"]
    assert "'unsafe-inline'" not in directives["script-src"]
