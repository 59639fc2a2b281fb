"""Download links for digital products: granted when the part is paid, limited in time and
count, counted on the download itself (POST), with clear pages when they no longer work."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone

from shop.downloads import services
from shop.downloads.models import DownloadGrant
from shop.order import services as order_services
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.payments import placed_order

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a tiny test document\n%%EOF\n"


def digital_product(**kwargs):
    product = ProductFactory(kind="digital", price=Decimal("90.00"), **kwargs)
    product.digital_file.save("preset-lightroom.pdf", ContentFile(PDF), save=True)
    return product


def paid(order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order_services.mark_order_paid(
            order, method="card", amount=order.total_incl_tax, reference="pi_x"
        )
    return order


@pytest.fixture
def grant(django_capture_on_commit_callbacks):
    order = paid(placed_order([(digital_product(), 1)]), django_capture_on_commit_callbacks)
    return DownloadGrant.objects.get(order=order)


def test_paying_grants_a_link_per_digital_line_only(settings, django_capture_on_commit_callbacks):
    settings.TAKAFAMAP_DOWNLOAD_DAYS = 7
    settings.TAKAFAMAP_DOWNLOAD_LIMIT = 5
    shop = PartnerFactory()
    ebook = digital_product(partner=shop)
    service = ProductFactory(kind="service", partner=shop)
    order = placed_order([(ebook, 1), (service, 1)])
    assert not DownloadGrant.objects.exists()  # nothing before payment

    paid(order, django_capture_on_commit_callbacks)
    grant = DownloadGrant.objects.get()
    assert grant.line.product == ebook
    assert grant.max_downloads == 5
    assert timedelta(days=6, hours=23) < grant.expires_at - timezone.now() <= timedelta(days=7)
    assert len(grant.token) >= 40

    services.grant_part_downloads(order.parts.get())  # the signal again: nothing new
    assert DownloadGrant.objects.count() == 1


def test_tokens_differ_between_links(django_capture_on_commit_callbacks):
    order = placed_order([(digital_product(), 1), (digital_product(), 1)])
    paid(order, django_capture_on_commit_callbacks)
    tokens = set(DownloadGrant.objects.values_list("token", flat=True))
    assert len(tokens) == 2


def test_the_link_page_shows_what_is_left_and_does_not_count(grant):
    client = Client()
    response = client.get(grant.get_absolute_url())
    assert response.status_code == 200
    assert 'data-download-state="ready"' in response.content.decode()
    grant.refresh_from_db()
    assert grant.download_count == 0


def test_downloading_serves_the_file_and_counts_it(grant):
    response = Client().post(grant.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    grant.refresh_from_db()
    assert grant.download_count == 1
    assert grant.last_downloaded_at is not None


def test_the_limit_is_enforced_with_a_410_page(grant):
    grant.max_downloads = 2
    grant.save()
    client = Client()
    assert client.post(grant.get_absolute_url()).status_code == 200
    assert client.post(grant.get_absolute_url()).status_code == 200
    third = client.post(grant.get_absolute_url())
    assert third.status_code == 410
    assert 'data-download-state="used_up"' in third.content.decode()
    assert client.get(grant.get_absolute_url()).status_code == 410
    grant.refresh_from_db()
    assert grant.download_count == 2


def test_the_last_download_cannot_be_taken_twice(grant):
    grant.max_downloads = 1
    grant.save()
    stale = DownloadGrant.objects.get(pk=grant.pk)
    assert services.use(stale) is True
    assert services.use(stale) is False  # the counter is checked in the UPDATE itself
    grant.refresh_from_db()
    assert grant.download_count == 1


def test_an_expired_link_answers_410(grant):
    grant.expires_at = timezone.now() - timedelta(minutes=1)
    grant.save()
    response = Client().post(grant.get_absolute_url())
    assert response.status_code == 410
    assert 'data-download-state="expired"' in response.content.decode()
    grant.refresh_from_db()
    assert grant.download_count == 0


def test_an_unknown_token_answers_404():
    response = Client().get("/fr/shop/downloads/not-a-real-token/")
    assert response.status_code == 404
    assert 'data-download-state="unknown"' in response.content.decode()
    assert Client().post("/fr/shop/downloads/not-a-real-token/").status_code == 404


def test_a_removed_file_answers_404_without_counting(grant):
    product = grant.product
    product.digital_file.delete(save=True)
    response = Client().post(grant.get_absolute_url())
    assert response.status_code == 404
    grant.refresh_from_db()
    assert grant.download_count == 0


def test_the_order_links_template_lists_the_links(grant, settings):
    settings.BASE_URL = "https://takafamap.example"
    html = render_to_string("downloads/order_links.html", {"order": grant.order})
    assert f"https://takafamap.example{grant.get_absolute_url()}" in html
    text = render_to_string("downloads/order_links.txt", {"order": grant.order})
    assert f"https://takafamap.example{grant.get_absolute_url()}" in text
    assert grant.line.title in text


def test_an_order_without_digital_items_renders_nothing():
    order = placed_order()
    assert render_to_string("downloads/order_links.html", {"order": order}).strip() == ""
