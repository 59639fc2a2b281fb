"""Sharing and search engines: Open Graph and Twitter tags, canonical and hreflang."""

import re

import pytest

from tests.factories import news_page, translate
from tests.factories.pages import image


@pytest.fixture(autouse=True)
def _site_address(settings):
    """The site's address differs from the request's host (testserver): links must use it."""
    settings.BASE_URL = "https://takafamap.ma"


pytestmark = pytest.mark.django_db


def _meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_a_page_shared_uses_its_own_title_description_and_share_image(client):
    article = news_page(
        title="Le hackathon",
        seo_title="Hackathon Takafaship 2026",
        search_description="Trois jours pour inventer.",
        image=image(title="Photo principale"),
        og_image=image(title="Visuel de partage"),
    )

    html = client.get(article.url).content.decode()

    assert "<title>Hackathon Takafaship 2026</title>" in html
    assert _meta(html, "property", "og:title") == "Hackathon Takafaship 2026"
    assert _meta(html, "property", "og:description") == "Trois jours pour inventer."
    assert _meta(html, "name", "twitter:card") == "summary_large_image"
    share_url = article.og_image.get_rendition("fill-1200x630").url
    assert _meta(html, "property", "og:image") == f"https://takafamap.ma{share_url}"


def test_without_a_share_image_the_main_image_is_shared(client):
    article = news_page(image=image(title="Photo principale"))

    html = client.get(article.url).content.decode()

    share_url = article.image.get_rendition("fill-1200x630").url
    assert _meta(html, "property", "og:image") == f"https://takafamap.ma{share_url}"


def test_a_page_without_any_image_asks_for_a_small_card(client):
    html = client.get(news_page().url).content.decode()

    assert _meta(html, "property", "og:image") is None
    assert _meta(html, "name", "twitter:card") == "summary"


def test_translations_point_at_each_other_with_hreflang_and_have_their_own_canonical(client):
    article = news_page(slug="hackathon")
    arabic = translate(article, "ar", title="هاكاثون")

    french_html = client.get(article.url).content.decode()
    arabic_html = client.get(arabic.url).content.decode()

    assert f'<link rel="canonical" href="https://takafamap.ma{article.url}">' in french_html
    assert f'<link rel="canonical" href="https://takafamap.ma{arabic.url}">' in arabic_html
    for html in (french_html, arabic_html):
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html)
        )
        assert alternates == {
            "fr": f"https://takafamap.ma{article.url}",
            "ar": f"https://takafamap.ma{arabic.url}",
        }  # no English translation: no English alternate
