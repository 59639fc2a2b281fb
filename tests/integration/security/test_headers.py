"""Security headers on every response (issue 10): CSP, nosniff, referrer, COOP, frames."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from core.security import is_staff_area

ROOT = Path(__file__).resolve().parents[3]


def _directives(response):
    header = response.headers["Content-Security-Policy"]
    result = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


def _public_urls(world):
    with translation.override("fr"):
        product = world.products["creator_a"]
        return [
            "/fr/",
            reverse("catalogue:index"),
            reverse("catalogue:detail", kwargs={"product_slug": product.slug, "pk": product.pk}),
            reverse("directory:index"),
            reverse("directory:profile", kwargs={"slug": world.profiles["professional"].slug}),
            reverse("sitesearch:search") + "?q=photo",
            reverse("basket:summary"),
            reverse("customer:login"),
            "/fr/no-such-page/",  # the 404 page
        ]


@pytest.mark.django_db
def test_public_pages_send_a_strict_policy_and_the_other_headers(world, client):
    for url in _public_urls(world):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        csp = _directives(response)
        scripts = csp["script-src"]
        assert "'unsafe-inline'" not in scripts, url
        assert "'unsafe-eval'" not in scripts, url
        assert csp["frame-ancestors"] == ["'none'"], url
        assert csp["object-src"] == ["'none'"], url
        assert csp["base-uri"] == ["'self'"], url
        assert csp["style-src-elem"] == ["'self'"], url  # no <style> elements
        assert response.headers["X-Content-Type-Options"] == "nosniff", url
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert response.headers["X-Frame-Options"] == "DENY", url
        assert "camera=()" in response.headers["Permissions-Policy"], url


@pytest.mark.django_db
def test_no_inline_script_without_the_nonce(world, client):
    """Every inline <script> on public pages carries this response's nonce (or is JSON data)."""
    for url in _public_urls(world):
        response = client.get(url)
        html = response.content.decode()
        nonce = next(
            (w for w in _directives(response)["script-src"] if w.startswith("'nonce-")), None
        )
        for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
            attributes, body = match.groups()
            if "src=" in attributes or not body.strip():
                continue
            if 'type="application/json"' in attributes or "application/ld+json" in attributes:
                continue
            assert nonce is not None, f"{url}: inline script without a nonce in the policy"
            assert f'nonce="{nonce[7:-1]}"' in attributes, f"{url}: inline script {body[:80]!r}"
        assert not re.search(r"\son[a-z]+=\"", html), f"{url}: an inline event handler"


@pytest.mark.django_db
def test_map_tiles_are_allowed_and_stripe_is_not_when_disabled(client, settings):
    response = client.get("/fr/directory/")
    csp = _directives(response)
    assert "https://tile.openstreetmap.org" in csp["img-src"]
    if not settings.STRIPE_ENABLED:
        assert not any("stripe" in source for values in csp.values() for source in values)


@pytest.mark.django_db
def test_staff_back_offices_get_their_own_policy(world, clients):
    response = clients["superuser"].get("/admin/")
    assert response.status_code == 200
    csp = _directives(response)
    assert csp["frame-ancestors"] == ["'self'"]  # Wagtail's preview frames the site
    assert csp["object-src"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_staff_area_paths():
    assert is_staff_area("/admin/pages/")
    assert is_staff_area("/django-admin/")
    assert is_staff_area("/fr/shop/dashboard/")
    assert is_staff_area("/ar/shop/dashboard/orders/")
    assert not is_staff_area("/fr/shop/")
    assert not is_staff_area("/fr/admin/")
    assert not is_staff_area("/xx/shop/dashboard/")
    assert not is_staff_area("/fr/directory/")


def test_production_settings_add_hsts_and_upgrade():
    """Production: HSTS a year with subdomains, secure cookies, HTTPS sub-resources."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="a-long-random-production-secret-key-for-the-tests-0123456789",
        DATABASE_URL="sqlite:////tmp/takafamap-never-created.sqlite3",
        BASE_URL="https://takafamap.ma",
    )
    code = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES'].get('upgrade-insecure-requests'),"
        " s.OSCAR_BASKET_COOKIE_SECURE]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    hsts, subdomains, session_secure, csrf_secure, ssl_redirect, upgrade, basket_secure = (
        json.loads(result.stdout)
    )
    assert hsts >= 31536000
    assert subdomains and session_secure and csrf_secure and ssl_redirect and upgrade
    assert basket_secure


def test_stripe_is_allowed_only_when_card_payments_are_enabled():
    code = (
        "import json; from django.conf import settings as s;"
        " print(json.dumps(s.CONTENT_SECURITY_POLICY['DIRECTIVES'], default=str))"
    )

    def directives(**variables):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DJANGO_SETT"))}
        env.update(DJANGO_SETTINGS_MODULE="config.settings.test", **variables)
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    enabled = directives(STRIPE_SECRET_KEY="sk_test_x", STRIPE_PUBLISHABLE_KEY="pk_test_x")
    assert "https://js.stripe.com" in enabled["script-src"]
    assert "https://js.stripe.com" in enabled["frame-src"]
    assert "https://api.stripe.com" in enabled["connect-src"]
    assert "'unsafe-inline'" not in enabled["script-src"]

    disabled = directives()
    assert not any("stripe" in source for values in disabled.values() for source in values or [])


# ---- Oscar's cookies (issue 20, item 11) ---------------------------------------------------
@pytest.mark.django_db
def test_the_basket_cookie_is_secure_and_same_site_in_production(client, settings):
    from decimal import Decimal

    from tests.factories import PartnerFactory, ProductFactory

    settings.SESSION_COOKIE_SECURE = True  # production.py
    product = ProductFactory(
        kind="physical", partner=PartnerFactory(), price=Decimal("10"), num_in_stock=3
    )

    response = client.post(f"/fr/shop/basket/add/{product.pk}/", {"quantity": 1})

    cookie = response.cookies["oscar_open_basket"]
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
    history = client.get(product.get_absolute_url()).cookies.get("oscar_history")
    assert history is not None and history["secure"] is True and history["samesite"] == "Lax"
