"""``/robots.txt`` and ``/sitemap.xml`` for search engines."""

import pytest
from django.conf import settings as django_settings

from directory.models import Profile
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, StockRecordFactory

pytestmark = pytest.mark.django_db

BASE = django_settings.BASE_URL.rstrip("/")


def test_robots_txt_is_plain_text_pointing_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = [line.strip() for line in response.content.decode().splitlines()]
    assert f"Sitemap: {BASE}/sitemap.xml" in lines


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
        url = f"{BASE}/{language}/shop/catalogue/{product.slug}_{product.pk}/"
        assert f"<loc>{url}</loc>" in content


def test_sitemap_leaves_out_a_product_that_is_not_public(sitemap_content):
    hidden = ProductFactory(is_public=False)

    assert f"_{hidden.pk}/</loc>" not in sitemap_content()


def test_sitemap_leaves_out_the_products_of_a_suspended_shop(sitemap_content):
    suspended = ProductFactory(partner=PartnerFactory(is_active=False))
    listed = ProductFactory()

    content = sitemap_content()

    assert f"_{listed.pk}/</loc>" in content
    assert f"_{suspended.pk}/</loc>" not in content


def test_sitemap_lists_a_product_once_per_language_whatever_its_stock_records(sitemap_content):
    product = ProductFactory()
    StockRecordFactory(product=product)  # a second shop sells it too

    content = sitemap_content()

    assert content.count(f"<loc>{BASE}/fr/shop/catalogue/{product.slug}_{product.pk}/") == 1


def test_sitemap_lists_approved_profiles_but_not_unapproved_ones(sitemap_content):
    approved = ProfileFactory(name="Studio Nour")
    pending = ProfileFactory(name="Studio En Attente", status=Profile.Status.PENDING)

    content = sitemap_content()

    assert f"<loc>{BASE}/fr/directory/{approved.slug}/</loc>" in content
    assert f"<loc>{BASE}/ar/directory/{approved.slug}/</loc>" in content
    assert pending.slug not in content


def test_sitemap_lists_the_home_page_on_the_host_it_was_asked_on(sitemap_content):
    content = sitemap_content()

    # Every URL on BASE_URL, whatever the Host header or the Wagtail Site row said.
    assert f"<loc>{BASE}/fr/</loc>" in content
    assert "localhost" not in content
