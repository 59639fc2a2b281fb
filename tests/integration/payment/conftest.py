import pytest

from shop.payment import stripe_gateway
from tests.factories.payments import FakeStripe

WEBHOOK_SECRET = "whsec_test_secret"


@pytest.fixture
def fake_stripe(settings, monkeypatch):
    """Card payments on (test keys), Stripe's API answered by ``FakeStripe``."""
    settings.STRIPE_SECRET_KEY = "sk_test_takafamap"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_takafamap"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    fake = FakeStripe()
    monkeypatch.setattr(stripe_gateway, "HTTP_CLIENT", fake)
    return fake
