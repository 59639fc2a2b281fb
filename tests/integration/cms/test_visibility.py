"""Unpublished and private pages never leak: not in listings, feeds, sitemap or search."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import event_page, news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_pages():
    """A published article (control), a draft one, a password-protected one, and the
    same for events; every title carries the word "zanzibar" for the search."""
    visible = news_page(title="Zanzibar visible", slug="zanzibar-visible")
    news_page(title="Zanzibar brouillon", slug="zanzibar-brouillon", live=False)
    private = news_page(title="Zanzibar privé", slug="zanzibar-prive")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    event_page(title="Zanzibar événement brouillon", slug="evt-brouillon", live=False)
    private_event = event_page(title="Zanzibar événement privé", slug="evt-prive")
    PageViewRestriction.objects.create(
        page=private_event, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return visible


HIDDEN = ("brouillon", "privé", "prive")


def _assert_only_visible(content):
    assert "zanzibar-visible" in content or "Zanzibar visible" in content
    for word in HIDDEN:
        assert f"Zanzibar {word}" not in content
        assert f"zanzibar-{word}" not in content
        assert f"Zanzibar événement {word}" not in content
        assert f"evt-{word}" not in content


@pytest.mark.parametrize(
    "url", ["/fr/actualites/", "/fr/actualites/feed/rss/", "/fr/actualites/feed/atom/"]
)
def test_news_listings_and_feeds_show_only_live_public_articles(client, hidden_pages, url):
    _assert_only_visible(client.get(url).content.decode())


def test_the_home_page_shows_only_live_public_news(client, hidden_pages):
    _assert_only_visible(client.get("/fr/").content.decode())


def test_the_event_index_shows_only_live_public_events(client, hidden_pages):
    event_page(title="Zanzibar visible")
    _assert_only_visible(client.get("/fr/agenda/").content.decode())


def test_the_sitemap_lists_only_live_public_pages(client, hidden_pages):
    _assert_only_visible(client.get("/sitemap.xml").content.decode())


def test_the_site_search_finds_only_live_public_pages(client, hidden_pages):
    _assert_only_visible(client.get("/fr/search/", {"q": "Zanzibar"}).content.decode())
