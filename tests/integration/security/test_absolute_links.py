"""Every absolute link in emails, feeds and sitemaps starts with BASE_URL, and the site's
name comes from SITE_NAME (issue 20, items 8 and 17); a live password-reset link is never
kept in the account's email history."""

import re

import pytest
from django.conf import settings as django_settings
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Site as WagtailSite
from wagtail.models import WorkflowState

from core.sites import sync_sites
from tests.factories import UserFactory, news_index, news_page

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+")


@pytest.fixture
def on_takafamap(settings):
    """BASE_URL as in production; the Site rows follow it as after ``migrate``."""
    settings.BASE_URL = "https://takafamap.ma"
    settings.SITE_NAME = "Takafamap"
    sync_sites()
    return settings.BASE_URL


def _reset(client, user):
    mail.outbox.clear()
    response = client.post("/fr/shop/password-reset/", {"email": user.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    return message


def test_the_site_rows_follow_base_url_and_the_site_name(on_takafamap):
    django_site = DjangoSite.objects.get(pk=django_settings.SITE_ID)
    wagtail_site = WagtailSite.objects.get(is_default_site=True)

    assert (django_site.domain, django_site.name) == ("takafamap.ma", "Takafamap")
    assert wagtail_site.root_url == "https://takafamap.ma"
    assert wagtail_site.site_name == "Takafamap"


def test_the_password_reset_email_links_to_base_url(client, on_takafamap):
    message = _reset(client, UserFactory())

    links = LINK.findall(message.body)
    assert links
    assert all(link.startswith("https://takafamap.ma/") for link in links), links
    assert any("/password-reset/confirm/" in link for link in links)
    assert "example.com" not in message.body


def test_the_reset_link_is_not_kept_in_the_email_history(client, on_takafamap):
    user = UserFactory()
    message = _reset(client, user)
    reset_link = next(link for link in LINK.findall(message.body) if "confirm" in link)

    client.force_login(user)
    history = client.get(reverse("customer:email-list"))
    email_id = history.context["emails"][0].pk
    page = client.get(reverse("customer:email-detail", args=[email_id])).content.decode()

    assert "/password-reset/confirm/" not in page
    assert reset_link not in page
    # The link in the email itself still works.
    response = Client().get(reset_link.removeprefix("https://takafamap.ma"), follow=True)
    assert response.status_code == 200


def test_the_rss_feed_self_link_is_on_base_url(client, on_takafamap):
    index = news_index()
    news_page(index=index, title="Un article")

    content = client.get(index.url + "feed/rss/").content.decode()

    assert "example.com" not in content
    assert 'href="https://takafamap.ma/fr/' in content  # atom:link rel="self"
    assert "http://testserver" not in content


def test_the_sitemap_and_robots_are_on_base_url_whatever_the_host(client, on_takafamap):
    sitemap = client.get("/sitemap.xml", HTTP_HOST="attacker.example").content.decode()
    robots = client.get("/robots.txt").content.decode()

    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith("https://takafamap.ma/") for loc in locations)
    assert "Sitemap: https://takafamap.ma/sitemap.xml" in robots


def test_the_page_approved_email_links_to_base_url(
    client, on_takafamap, django_capture_on_commit_callbacks
):
    from tests.functional.cms.test_moderation import _member_of, _news_form

    article = news_page(title="À approuver", live=False)
    client.force_login(_member_of("Communication"))
    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {**_news_form(article), "action-submit": "action-submit"},
    )
    task_state = WorkflowState.objects.get(object_id=str(article.pk)).current_task_state
    mail.outbox.clear()
    client.force_login(_member_of("Moderators"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
        )

    bodies = "\n".join(message.body for message in mail.outbox)
    assert "https://takafamap.ma/fr/actualites/" in bodies
    assert "localhost" not in bodies
