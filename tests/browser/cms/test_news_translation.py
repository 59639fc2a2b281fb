"""A visitor reading a news article switches to Arabic and reads its translation."""

import pytest
from playwright.sync_api import expect

from tests.factories import news_page, translate

pytestmark = pytest.mark.browser


def test_switching_to_arabic_on_a_news_page_opens_its_arabic_translation_right_to_left(
    page, live_server, console_errors
):
    article = news_page(title="Le hackathon Takafaship ouvre ses candidatures")
    arabic = translate(article, "ar", title="هاكاثون تكافاشيب يفتح باب الترشيح")

    page.goto(f"{live_server.url}{article.url}")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.get_by_role("link", name="العربية", exact=True).first.click()

    expect(page).to_have_url(f"{live_server.url}{arabic.url}")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("هاكاثون تكافاشيب يفتح باب الترشيح")
    assert console_errors == []
