"""The stand-in push service, VAPID keys, a creator with a product, and a guest checkout."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from directory.models import Profile
from notifications.management.commands.vapid_keys import generate
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, province
from tests.pushservice import PushService


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def vapid(settings):
    """Push switched on: a fresh key pair, and the stand-in's plain-http host allowed."""
    public, private = generate()
    settings.VAPID_PUBLIC_KEY = public
    settings.VAPID_PRIVATE_KEY = private
    settings.VAPID_SUBJECT = "mailto:ops@takafamap.ma"
    settings.WEBPUSH_INSECURE_HOSTS = ("127.0.0.1",)
    return public


@pytest.fixture
def push_service(vapid):
    with PushService(vapid_public_key=vapid) as service:
        yield service


@pytest.fixture
def shop():
    """A creator's shop (pickup at a hub) with one product in stock."""
    hub = ProfileFactory(kind=Profile.Kind.HUB, name="Hub Oujda", user=None)
    partner = PartnerFactory(name="Atelier Salma")
    partner.pickup_hub = hub
    partner.save()
    ProductFactory(
        kind="physical", partner=partner, price=Decimal("200.00"), num_in_stock=5, title="Tirage"
    )
    return partner


@pytest.fixture
def creator(shop):
    return shop.users.get()


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def subscribe(client, device, language="fr"):
    """What push.js posts once the browser has subscribed."""
    return client.post(
        "/push/subscribe/",
        device.subscription(language=language),
        content_type="application/json",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36",
    )


def guest_checkout(client, partner, capture):
    """A guest orders the shop's product, paying cash at pickup; returns the response."""
    product = partner.stockrecords.get().product
    assert client.post(url("basket:add", pk=product.pk), {"quantity": 1}).status_code == 302
    client.post(url("checkout:index"), {"username": "nadia@example.ma", "options": "anonymous"})
    response = client.post(
        url("checkout:shipping-address"),
        {
            "first_name": "Nadia",
            "last_name": "Amrani",
            "phone": "06 12 34 56 78",
            f"fulfilment_{partner.pk}": "hub_pickup",
            "province": province("oujda-angad").pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    client.post(url("checkout:payment-method"), {"method": "cash"})
    with capture(execute=True):
        response = client.post(url("checkout:preview"), {"action": "place_order"})
    assert response.status_code == 302
    return response
