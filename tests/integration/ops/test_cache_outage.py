"""The caches during a Redis outage (found by ``make faults``): a miss, never another page's or
another caller's data, never an error."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache

from core import fragments

CLOSED_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
    }
}


def test_cards_rendered_during_an_outage_never_leak_into_other_cache_reads(settings):
    """django-redis answers every failed get_many with one shared dict: filling it made
    Wagtail's renditions read card HTML (500 on every page with an image)."""
    settings.CACHES = CLOSED_REDIS
    settings.FRAGMENT_CACHE_ENABLED = True
    objects = [SimpleNamespace(pk=1), SimpleNamespace(pk=2)]

    first = fragments.render_many(objects, "card", lambda obj: f"<div>{obj.pk}</div>")
    second = fragments.render_many(objects, "card", lambda obj: f"<p>{obj.pk}</p>")

    assert [str(html) for html in first] == ["<div>1</div>", "<div>2</div>"]
    assert [str(html) for html in second] == ["<p>1</p>", "<p>2</p>"]
    assert cache.get_many(["wagtail-rendition-1-fill-1200x630"]) == {}


pytestmark = pytest.mark.django_db


def test_a_stored_page_of_another_key_is_never_served(client, settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    settings.DEBUG = False
    other_page = {
        "key": "pagecache:1:another-url",
        "content": b"ANOTHER PAGE",
        "headers": {"Content-Type": "text/plain"},
        "nonce": "",
        "cookies": {},
    }

    def get(key, *args, **kwargs):
        return None if key == "pagecache:generation" else other_page

    monkeypatch.setattr(cache, "get", get)

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert b"ANOTHER PAGE" not in response.content
    assert b"Sitemap" in response.content


def test_a_garbled_fragment_answer_is_a_miss(settings, monkeypatch):
    settings.FRAGMENT_CACHE_ENABLED = True
    monkeypatch.setattr(cache, "get_many", lambda keys: "<div>a card</div>")

    assert fragments.get_many(["fragment:1:fr:card:1", "fragment:1:fr:card:2"]) == {}
    assert fragments.get_or_set("menu", lambda: "fresh") == "fresh"
