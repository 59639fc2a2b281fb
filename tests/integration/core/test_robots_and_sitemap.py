"""``/robots.txt`` and ``/sitemap.xml`` for search engines."""

import pytest

from directory.models import Profile
from tests.factories import ProductFactory, ProfileFactory

pytestmark = pytest.mark.django_db


def test_robots_txt_is_plain_text_pointing_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = [line.strip() for line in response.content.decode().splitlines()]
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    lines = [line.strip() for line in client.get("/robots.txt").content.decode().splitlines()]

    assert "Disallow: /admin/" in lines


@pytest.fixture
def sitemap_content(client):
    def get():
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        assert "xml" in response["Content-Type"]
        return response.content.decode()

    return get


def test_sitemap_lists_a_product_in_each_language(sitemap_content):
    product = ProductFactory(title="Mapping vidéo sur façade")

    content = sitemap_content()

    for language in ("fr", "ar", "en"):
        assert f"/{language}/shop/catalogue/{product.slug}_{product.pk}/</loc>" in content


def test_sitemap_leaves_out_a_product_that_is_not_public(sitemap_content):
    hidden = ProductFactory(is_public=False)

    assert f"_{hidden.pk}/</loc>" not in sitemap_content()


def test_sitemap_lists_approved_profiles_but_not_unapproved_ones(sitemap_content):
    approved = ProfileFactory(name="Studio Nour")
    pending = ProfileFactory(name="Studio En Attente", status=Profile.Status.PENDING)

    content = sitemap_content()

    assert f"/fr/directory/{approved.slug}/</loc>" in content
    assert f"/ar/directory/{approved.slug}/</loc>" in content
    assert pending.slug not in content


def test_sitemap_lists_the_home_page(sitemap_content):
    content = sitemap_content()

    assert "/fr/</loc>" in content
