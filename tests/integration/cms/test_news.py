"""News: the index lists one language's live articles, filters by sector and tag, pages
through them, and publishes RSS and Atom feeds."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import news_page, sector, translate
from tests.factories.pages import image
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

BASE = django_settings.BASE_URL.rstrip("/")

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_news_index_lists_live_articles_and_not_drafts(client):
    news_page(title="Le hackathon est lancé")
    news_page(title="Brouillon secret", live=False)

    page = text_of(client.get("/fr/actualites/"))

    assert "Le hackathon est lancé" in page
    assert "Brouillon secret" not in page


def test_the_news_index_filters_by_sector(client):
    news_page(title="Article son", sectors=[sector("son")])
    news_page(title="Article lumière", sectors=[sector("lumiere")])

    page = text_of(client.get("/fr/actualites/?sector=son"))

    assert "Article son" in page
    assert "Article lumière" not in page


def test_the_news_index_filters_by_tag_and_says_so(client):
    news_page(title="Appel à candidatures", tags=["hackathon"])
    news_page(title="Un hub ouvre", tags=["hub"])

    page = text_of(client.get("/fr/actualites/?tag=hackathon"))

    assert "Appel à candidatures" in page
    assert "Un hub ouvre" not in page
    assert "hackathon" in page


def test_an_unknown_sector_shows_no_article_and_a_way_back(client):
    news_page(title="Article son", sectors=[sector("son")])

    page = text_of(client.get("/fr/actualites/?sector=inconnu"))

    assert "Article son" not in page
    with translation.override("fr"):
        assert gettext("No article matches this filter") in page


def test_the_news_index_pages_by_twelve_and_keeps_the_filter(client):
    for number in range(14):
        news_page(title=f"Article lumière {number:02d}", sectors=[sector("lumiere")])

    response = client.get("/fr/actualites/?sector=lumiere&page=2")

    assert text_of(response).count("Article lumière") == 2
    assert "sector=lumiere&amp;page=1" in response.content.decode()


def test_the_rss_feed_lists_only_live_articles_of_its_language(client):
    article = news_page(title="Takafaship est lancé")
    news_page(title="Brouillon", live=False)
    translate(article, "ar", title="انطلاق تكافاشيب")

    response = client.get("/fr/actualites/feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Takafaship est lancé"]
    assert channel.find("item").findtext("link") == f"{BASE}{article.url}"
    assert channel.findtext("language") == "fr"


def test_the_atom_feed_of_the_arabic_news_lists_the_arabic_articles(client):
    article = news_page(title="Takafaship est lancé")
    translate(article, "ar", title="انطلاق تكافاشيب", slug="intilaq")

    response = client.get("/ar/actualites/feed/atom/")

    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["انطلاق تكافاشيب"]


def test_news_pages_announce_their_feeds_in_the_head(client):
    article = news_page()

    head = client.get(article.url).content.decode().split("</head>")[0]

    assert 'type="application/rss+xml"' in head
    assert 'href="/fr/actualites/feed/rss/"' in head
    assert 'href="/fr/actualites/feed/atom/"' in head


def test_a_news_page_shows_its_sectors_and_tags_as_filters(client):
    article = news_page(sectors=[sector("image")], tags=["café-débat"])

    html = client.get(article.url).content.decode()

    assert 'href="/fr/actualites/?sector=image"' in html
    assert "#café-débat" in html


def test_a_news_page_describes_itself_as_a_news_article_for_search_engines(client):
    article = news_page(title="L'Karfour revient", author="Équipe Takafaship")

    html = client.get(article.url).content.decode()

    assert '"@type": "NewsArticle"' in html
    assert '"headline": "L\'Karfour revient"' in html


def test_a_news_article_refuses_a_hero_image_without_alt_text():
    article = news_page()
    article.image = image(description="")

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert "image" in error.value.message_dict


def test_a_news_article_accepts_a_hero_image_with_alt_text():
    article = news_page()
    article.image = image(description="Faisceaux de projecteurs")

    article.full_clean()  # no error


def test_each_language_news_index_lists_only_its_own_articles(client):
    article = news_page(title="Article en français")
    translate(article, "ar", title="مقال بالعربية")

    french = text_of(client.get("/fr/actualites/"))
    arabic = text_of(client.get("/ar/actualites/"))

    assert "Article en français" in french and "مقال بالعربية" not in french
    assert "مقال بالعربية" in arabic and "Article en français" not in arabic
