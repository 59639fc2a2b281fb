"""``/healthz``: the database and the optional services, with the fallbacks in use."""

import pytest

from core import health

pytestmark = pytest.mark.django_db

CLOSED_REDIS = "redis://127.0.0.1:1/0"
CLOSED_ELASTICSEARCH = "http://127.0.0.1:1"


def test_healthz_reports_ok_with_the_default_services(client, settings):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    settings.STRIPE_ENABLED = False

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"]["ok"] is True
    assert report["database"]["vendor"] in {"sqlite", "postgresql"}
    assert report["cache"] == {"ok": True, "backend": "local-memory"}
    assert report["search"] == {"ok": True, "backend": "database"}
    assert "card" not in report["payments"]["methods"]
    assert {"cash", "bank_transfer"} <= set(report["payments"]["methods"])


def test_healthz_names_the_database_vendor_in_use(client):
    from django.db import connection

    assert client.get("/healthz").json()["database"]["vendor"] == connection.vendor


def test_healthz_is_degraded_not_down_when_redis_is_unreachable(client, settings):
    settings.REDIS_URL = CLOSED_REDIS
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CLOSED_REDIS,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["cache"]["ok"] is False
    assert report["cache"]["backend"] == "redis"
    assert report["cache"]["fallback"]
    assert report["database"]["ok"] is True


def test_healthz_is_degraded_and_searches_the_database_when_elasticsearch_is_unreachable(
    client, settings
):
    settings.ELASTICSEARCH_URL = CLOSED_ELASTICSEARCH

    response = client.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["search"] == {"ok": False, "backend": "elasticsearch", "fallback": "database"}


def test_healthz_lists_card_payments_when_stripe_is_configured(client, settings):
    # What config.settings.base derives from the two keys at start-up.
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_123"
    settings.STRIPE_ENABLED = True

    payments = client.get("/healthz").json()["payments"]

    assert payments["stripe"] is True
    assert payments["methods"] == ["cash", "bank_transfer", "card"]


def test_healthz_answers_503_down_when_the_database_fails(client, monkeypatch):
    monkeypatch.setattr(
        health,
        "check_database",
        lambda: {"ok": False, "vendor": "postgresql", "error": "OperationalError"},
    )

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "down"


def test_database_check_reports_a_failing_query_instead_of_raising(monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise RuntimeError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    assert health.check_database() == {
        "ok": False,
        "vendor": connection.vendor,
        "error": "RuntimeError",
    }


def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
