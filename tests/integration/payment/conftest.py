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


# CMI ------------------------------------------------------------------------------------
CMI_STORE_KEY = r"test|store\key"


@pytest.fixture
def cmi_on(settings):
    """CMI card payments on, with the local simulator as the gateway."""
    settings.CMI_CLIENT_ID = "600000001"
    settings.CMI_STORE_KEY = CMI_STORE_KEY
    settings.CMI_GATEWAY_URL = "/payments/cmi-simulator/"
    settings.CMI_SIMULATOR = True
    settings.CMI_PAYMENT_TIMEOUT_MINUTES = 60
    return settings


# Transactional tests (the PostgreSQL concurrency test) reload the migrated rows after their
# flush, as the checkout's concurrency test does.
from tests.integration.checkout.conftest import (  # noqa: E402,F401
    keep_migrated_rows,
    pytest_runtest_teardown,
)
