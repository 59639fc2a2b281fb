"""The installable app's endpoints: /sw.js, the manifest and the offline page (core/pwa.py)."""

import json

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.factories.partner import creator_with_shop

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_from_the_root_never_cached():
    response = Client().get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    # The push helper's handlers and the market sales' sync are imported by stable URLs.
    assert 'importScripts("/static/js/sw-push.js")' in body
    assert 'importScripts("/static/js/stand-sales.js")' in body
    for language in ("fr", "ar", "en"):
        assert f'"/{language}/offline/"' in body
    assert Client().post("/sw.js").status_code == 405


@pytest.mark.parametrize(
    "language, direction, name",
    [
        ("fr", "ltr", "Takafamap : ma boutique"),
        ("ar", "rtl", "تقافماب: متجري"),
        ("en", "ltr", "Takafamap: my shop"),
    ],
)
def test_the_manifest_starts_at_the_creator_space_in_the_visitors_language(
    language, direction, name
):
    response = Client().get(f"/{language}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["lang"] == language and data["dir"] == direction
    assert data["name"] == name
    assert data["start_url"] == f"/{language}/shop/my-shop/"
    assert data["display"] == "standalone"
    assert data["id"] == "/?app=takafamap"  # one app whatever the language
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in data["icons"]:
        assert Client().get(icon["src"]).status_code == 200 or icon["src"].startswith("/static/")


@pytest.mark.parametrize(
    "language, text", [("fr", "Pas de réseau"), ("ar", "لا توجد شبكة"), ("en", "No network")]
)
def test_the_offline_page_is_translated_and_personal_to_nobody(language, text):
    user = creator_with_shop()
    client = Client()
    client.force_login(user)
    response = client.get(f"/{language}/offline/")
    assert response.status_code == 200
    body = response.content.decode()
    assert text in body
    assert f'lang="{language}"' in body
    assert ('dir="rtl"' in body) == (language == "ar")
    assert "csrfmiddlewaretoken" not in body
    assert user.email not in body and user.shop.name not in body


def test_pages_link_the_manifest_and_register_the_worker_only_in_the_creator_space():
    public = Client().get("/fr/shop/market/").content.decode()
    assert 'rel="manifest" href="/fr/manifest.webmanifest"' in public
    assert 'id="pwa-script"' in public and 'data-register=""' in public
    assert "stand-sales.js" not in public  # nothing of the stand for visitors

    creator = creator_with_shop()
    client = Client()
    client.force_login(creator)
    space = client.get("/fr/shop/my-shop/").content.decode()
    assert 'data-register="1"' in space
    assert f'data-creator="{creator.shop.pk}"' in space
    assert 'data-endpoint="/fr/shop/my-shop/stand/sales/"' in space

    shopper = Client()
    shopper.force_login(UserFactory())
    account = shopper.get("/fr/shop/basket/").content.decode()
    assert 'data-register=""' in account and 'data-creator=""' in account
