"""The Stripe gateway's pure parts: switching on, amounts in centimes, idempotency keys and
the client we build (no retries, our HTTP client)."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
import stripe

from shop.order import payment_methods
from shop.payment import stripe_gateway
from tests.factories.payments import FakeStripe


@pytest.mark.parametrize(
    ("secret", "publishable", "enabled"),
    [
        ("", "", False),
        ("sk_test_x", "", False),
        ("", "pk_test_x", False),
        ("sk_test_x", "pk_test_x", True),
    ],
)
def test_card_payments_need_both_keys(settings, secret, publishable, enabled):
    settings.STRIPE_SECRET_KEY = secret
    settings.STRIPE_PUBLISHABLE_KEY = publishable
    assert payment_methods.card_enabled() is enabled


@pytest.mark.parametrize(
    ("amount", "centimes"),
    [
        (Decimal("250.00"), 25000),
        (Decimal("0.01"), 1),
        (Decimal("1234.56"), 123456),
        (Decimal("19.995"), 2000),
        ("99.9", 9990),
    ],
)
def test_amounts_go_to_stripe_in_centimes(amount, centimes):
    assert stripe_gateway.to_minor_units(amount) == centimes


def test_centimes_come_back_as_dirhams():
    assert stripe_gateway.from_minor_units(123456) == Decimal("1234.56")


def test_the_idempotency_key_depends_on_the_order_number_and_amount():
    order = SimpleNamespace(number="100042", total_incl_tax=Decimal("480.00"))
    same = SimpleNamespace(number="100042", total_incl_tax=Decimal("480.00"))
    other_amount = SimpleNamespace(number="100042", total_incl_tax=Decimal("490.00"))
    other_order = SimpleNamespace(number="100043", total_incl_tax=Decimal("480.00"))

    key = stripe_gateway.intent_idempotency_key(order)
    assert key == "takafamap-order-100042-48000-mad"
    assert stripe_gateway.intent_idempotency_key(same) == key
    assert stripe_gateway.intent_idempotency_key(other_amount) != key
    assert stripe_gateway.intent_idempotency_key(other_order) != key


def test_the_client_uses_our_http_client_and_never_retries(settings):
    """A 500 from Stripe is raised after one request: retries are ours to make, with the
    same idempotency key."""
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    fake = FakeStripe()
    fake.fail_with = 500
    client = stripe_gateway.get_client(http_client=fake)
    with pytest.raises(stripe.APIError):
        client.v1.payment_intents.retrieve("pi_123")
    assert len(fake.requests) == 1
    method, path, headers, _params = fake.requests[0]
    assert (method, path) == ("get", "/v1/payment_intents/pi_123")
    assert headers["Authorization"] == "Bearer sk_test_x"
