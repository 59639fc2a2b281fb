"""``/healthz``: the database and the optional services, with the fallbacks in use."""

import pytest

from accounts import roles
from core import health

pytestmark = pytest.mark.django_db

TOKEN = "monitor-token"


@pytest.fixture(autouse=True)
def _monitor_token(client, settings):
    """These tests read the details, as the monitor does (the public answer is the status)."""
    settings.HEALTHZ_TOKEN = TOKEN
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {TOKEN}"


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


# ---- who reads the details ---------------------------------------------------------------
DETAILS = {"database", "cache", "search", "payments", "rate_limits"}


def test_a_visitor_reads_the_status_only(client):
    del client.defaults["HTTP_AUTHORIZATION"]

    report = client.get("/healthz").json()

    assert report == {"status": "ok"}
    assert "sqlite" not in str(report) and "postgresql" not in str(report)


def test_a_wrong_token_reads_the_status_only(client):
    client.defaults["HTTP_AUTHORIZATION"] = "Bearer guess"

    assert client.get("/healthz").json() == {"status": "ok"}


def test_staff_and_the_monitor_token_read_the_details(client):
    from tests.factories import UserFactory

    assert DETAILS <= set(client.get("/healthz").json())
    del client.defaults["HTTP_AUTHORIZATION"]
    # Any staff role (Wagtail admin access), not the is_staff flag: staff created in the
    # Wagtail admin do not carry it.
    staff = UserFactory()
    staff.groups.add(roles.group(roles.COMMUNICATION))
    client.force_login(staff)
    assert DETAILS <= set(client.get("/healthz").json())
    client.force_login(UserFactory(is_staff=True))  # the flag alone is not a role
    assert set(client.get("/healthz").json()) == {"status"}


def test_healthz_says_rate_limits_are_counted_in_the_database_without_redis(client):
    report = client.get("/healthz").json()

    assert report["rate_limits"] == {"ok": True, "counted_in": "database"}
