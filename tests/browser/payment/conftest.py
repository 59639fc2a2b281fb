import pytest

from shop.payment import stripe_gateway
from tests.factories.payments import FakeStripe

WEBHOOK_SECRET = "whsec_browser_test"


@pytest.fixture
def fake_stripe(settings, monkeypatch):
    """Card payments on; Stripe's API answered in-process by ``FakeStripe`` (the live server
    runs in a thread of this process)."""
    settings.STRIPE_SECRET_KEY = "sk_test_browser"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_browser"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    fake = FakeStripe()
    monkeypatch.setattr(stripe_gateway, "HTTP_CLIENT", fake)
    return fake
