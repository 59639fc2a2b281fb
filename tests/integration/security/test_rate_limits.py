"""Rate limits on sign-in, sign-up and password reset, counted in the shared cache (issue 10)."""

import os
import uuid
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from core.ratelimit import ratelimited_view
from tests.factories.users import UserFactory

REDIS_URL = os.environ.get("REDIS_URL", "")


def url(name):
    with translation.override("fr"):
        return reverse(name)


def limited(response):
    return response.status_code == 429 and "429.html" in [t.name for t in response.templates]


@pytest.mark.django_db
def test_shop_sign_in_is_limited_per_address(client, settings):
    settings.RATELIMITS = {"accounts.login": [("ip", "3/m")]}
    data = {"login-username": "nobody@example.ma", "login-password": "wrong", "login_submit": "1"}
    for _ in range(3):
        assert client.post(url("customer:login"), data).status_code == 200  # form errors

    response = client.post(url("customer:login"), data)

    assert limited(response)
    assert response.headers["Retry-After"] == "60"
    assert client.get(url("customer:login")).status_code == 200  # the form still shows


@pytest.mark.django_db
def test_shop_sign_in_is_limited_per_account_whatever_the_address(client, settings):
    settings.RATELIMITS = {"accounts.login": [("post:login-username", "2/m")]}
    user = UserFactory()
    data = {"login-username": user.email, "login-password": "wrong", "login_submit": "1"}
    for number in range(2):
        client.post(url("customer:login"), data, REMOTE_ADDR=f"10.0.0.{number}")

    response = client.post(url("customer:login"), data, REMOTE_ADDR="10.0.0.99")

    assert limited(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_up_is_limited(client, settings):
    settings.RATELIMITS = {"accounts.signup": [("ip", "2/h")]}
    for number in range(2):
        client.post(url("customer:register"), {"email": f"x{number}@example.ma"})

    response = client.post(
        url("customer:register"),
        {
            "email": "new@example.ma",
            "password1": "une-phrase-2026!",
            "password2": "une-phrase-2026!",
        },
    )

    assert limited(response)
    assert response.headers["Retry-After"] == "3600"
    from accounts.models import User

    assert not User.objects.filter(email="new@example.ma").exists()


@pytest.mark.django_db
def test_password_reset_is_limited_per_email(client, settings, mailoutbox):
    settings.RATELIMITS = {"accounts.password_reset": [("post:email", "2/h")]}
    user = UserFactory()
    for number in range(2):
        client.post(url("password-reset"), {"email": user.email}, REMOTE_ADDR=f"10.1.0.{number}")
    assert len(mailoutbox) == 2

    response = client.post(url("password-reset"), {"email": user.email}, REMOTE_ADDR="10.1.0.9")

    assert limited(response)
    assert len(mailoutbox) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["wagtailadmin_login", "admin:login"])
def test_admin_sign_in_is_limited(client, settings, name):
    settings.RATELIMITS = {"accounts.admin_login": [("ip", "2/m")]}
    user = UserFactory(is_staff=True, is_superuser=True)
    for _ in range(2):
        client.post(url(name), {"username": user.email, "password": "wrong"})

    response = client.post(
        url(name), {"username": user.email, "password": "une-phrase-de-passe-solide"}
    )

    assert limited(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_wagtail_admin_password_reset_is_limited(client, settings):
    settings.RATELIMITS = {"accounts.password_reset": [("ip", "1/h")]}
    client.post(url("wagtailadmin_password_reset"), {"email": "a@example.ma"})

    assert limited(client.post(url("wagtailadmin_password_reset"), {"email": "a@example.ma"}))


# ---- the reusable decorator ------------------------------------------------------------


def _view(request):
    return HttpResponse("ok")


@pytest.mark.django_db
def test_the_decorator_counts_posts_only_and_answers_the_readable_page(settings):
    view = ratelimited_view("tests.decorator", key="ip", rate="2/h")(_view)
    factory = RequestFactory()

    for _ in range(5):
        assert view(factory.get("/")).status_code == 200
    assert view(factory.post("/")).status_code == 200
    assert view(factory.post("/")).status_code == 200
    response = view(factory.post("/"))
    response.render()

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "3600"
    assert response.headers["Cache-Control"] == "no-store"
    assert b"<h1" in response.content  # the page, not a bare status


@pytest.mark.django_db
def test_the_setting_overrides_a_group(settings):
    settings.RATELIMITS = {"tests.override": [("ip", "1/m")]}
    view = ratelimited_view("tests.override", key="ip", rate="100/m")(_view)
    factory = RequestFactory()

    assert view(factory.post("/")).status_code == 200
    assert view(factory.post("/")).status_code == 429


def test_the_decorator_needs_a_rule():
    with pytest.raises(ValueError):
        ratelimited_view("tests.none")


# ---- shared between processes ---------------------------------------------------------


def _two_processes(cache_a, cache_b, rate="2/m"):
    """Three POSTs: two through "process" A's cache client, the third through B's."""
    view = ratelimited_view(f"tests.shared.{uuid.uuid4().hex}", key="ip", rate=rate)(_view)
    factory = RequestFactory()
    results = []
    for cache in (cache_a, cache_a, cache_b):
        with mock.patch("django_ratelimit.core.caches", {"default": cache, "ratelimit": cache}):
            results.append(view(factory.post("/")).status_code)
    return results


def test_separate_local_memory_caches_do_not_share_counts():
    """Why counters never live in a per-process cache: each process counts on its own."""
    assert _two_processes(LocMemCache("a", {}), LocMemCache("b", {})) == [200, 200, 200]


@pytest.mark.skipif(
    bool(os.environ.get("REDIS_URL")), reason="with REDIS_URL the counters live in Redis"
)
@pytest.mark.django_db
def test_without_redis_two_processes_share_the_count_through_the_database(settings):
    """No REDIS_URL: the counters are rows in the database, one count for every worker."""
    from core.models import RateCounter
    from core.ratelimit import DatabaseCounterCache

    assert settings.RATELIMIT_USE_CACHE == "ratelimit"
    assert settings.CACHES["ratelimit"]["BACKEND"] == "core.ratelimit.DatabaseCounterCache"
    cache_a, cache_b = DatabaseCounterCache("", {}), DatabaseCounterCache("", {})

    assert _two_processes(cache_a, cache_b) == [200, 200, 429]
    assert RateCounter.objects.get().value == 3


@pytest.mark.django_db
def test_the_sign_in_page_counts_in_the_database(client):
    from core.models import RateCounter

    client.post(reverse("customer:login"), {"login_submit": "1", "login-username": "a@b.ma"})

    assert RateCounter.objects.exists()


@pytest.mark.django_db
def test_database_counters_expire_and_start_again():
    from core.models import RateCounter
    from core.ratelimit import DatabaseCounterCache

    counters = DatabaseCounterCache("", {})
    assert counters.add("k", 1, 60) is True
    assert counters.add("k", 1, 60) is False
    assert counters.incr("k") == 2
    RateCounter.objects.update(expires=timezone.now() - timedelta(seconds=1))
    assert counters.get("k") is None
    with pytest.raises(ValueError):
        counters.incr("k")
    assert counters.add("k", 1, 60) is True
    assert counters.get("k") == 1


@pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set (.ci/run sets it)")
def test_two_processes_share_the_count_through_redis(settings):
    from django_redis.cache import RedisCache

    prefix = f"takafamap-test-{uuid.uuid4().hex}"
    cache_a = RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})
    cache_b = RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})
    assert cache_a is not cache_b
    assert cache_a.client is not cache_b.client

    assert _two_processes(cache_a, cache_b) == [200, 200, 429]
    assert settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"


@pytest.mark.django_db
def test_expired_counters_are_purged_now_and_then(monkeypatch):
    from core import ratelimit
    from core.models import RateCounter

    counters = ratelimit.DatabaseCounterCache("", {})
    counters.add("old", 1, 60)
    RateCounter.objects.update(expires=timezone.now() - timedelta(seconds=1))
    monkeypatch.setattr(ratelimit, "PURGE_ONE_IN", 1)

    counters.add("new", 1, 60)

    assert list(RateCounter.objects.values_list("key", flat=True)) == [":1:new"]
