"""Wagtail's Site of each host kept per process (core.sites.WagtailSiteMiddleware): pages
served without looking the Site up again, and a changed Site used on the next request."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from core import sites
from tests.helpers import count_queries

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def fresh_memo(settings):
    settings.FRAGMENT_CACHE_ENABLED = True  # the memo follows the fragment cache's switch
    settings.PAGE_CACHE_ENABLED = False
    cache.clear()
    sites._site_memo.clear()
    yield
    sites._site_memo.clear()
    cache.clear()


def test_a_warm_page_does_not_look_the_site_up_again(client):
    client.get("/fr/")  # creates the site settings (a change: a new generation)
    client.get("/fr/")  # fills the fragment cache
    queries = count_queries(client, "/fr/")

    sites._site_memo.clear()  # as in a new worker
    assert count_queries(client, "/fr/") > queries


def test_a_changed_site_is_used_on_the_next_request(client, django_capture_on_commit_callbacks):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert client.get("/fr/").status_code == 200

    # The site's home moves to another page: "/fr/" follows at once.
    other = home.get_parent().add_child(instance=Page(title="Autre accueil", slug="autre"))
    with django_capture_on_commit_callbacks(execute=True):
        site.root_page = other
        site.save()

    response = client.get("/fr/")
    assert response.status_code == 200
    assert b"Autre accueil" in response.content
