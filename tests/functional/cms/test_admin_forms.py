"""Editors can open the editing form of every page type, and the site settings."""

import pytest
from django.urls import reverse

from cms.models import HubIndexPage
from tests.factories import UserFactory, event_index, event_page, news_index, news_page
from tests.factories.pages import add_page, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize(
    ("model", "parent"),
    [
        ("programmepage", home_page),
        ("contactpage", home_page),
        ("hubindexpage", home_page),
        ("standardpage", home_page),
        ("newspage", news_index),
        ("eventpage", event_index),
        ("hubpage", lambda: add_page(home_page(), HubIndexPage(title="Hubs", slug="hubs"))),
    ],
)
def test_the_create_form_of_each_page_type_opens(admin_client, model, parent):
    url = reverse("wagtailadmin_pages:add", args=["cms", model, parent().pk])

    response = admin_client.get(url)

    assert response.status_code == 200


def test_the_edit_forms_of_news_and_events_open(admin_client):
    for page in (news_page(tags=["hub"]), event_page()):
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200


def test_the_footer_shows_the_footer_text_and_links_the_privacy_page(client):
    from wagtail.models import Site

    from cms.models import SiteSettings, StandardPage

    privacy = add_page(home_page(), StandardPage(title="Données personnelles", slug="donnees"))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "Un programme soutenu par ses partenaires."
    settings.privacy_page = privacy
    settings.save()

    html = client.get("/fr/").content.decode()

    assert "Un programme soutenu par ses partenaires." in html
    assert f'href="{privacy.url}"' in html.split('class="footer-note')[1]
