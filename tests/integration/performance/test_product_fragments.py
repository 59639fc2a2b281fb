"""The product page's cached fragments (``{% fragment %}`` in catalogue/detail.html): a warm
page runs a fixed, smaller number of queries, prints the same page, and shows any change to
the product (price, picture, review, attribute) on the very next request."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from oscar.core.loading import get_model
from PIL import Image
from wagtail.models import Site

from cms.models import SiteSettings
from core import fragments
from shop.catalogue.models import ProductImage
from tests.factories import ProductFactory, UserFactory
from tests.helpers import count_queries

pytestmark = [pytest.mark.django_db]

ProductReview = get_model("reviews", "ProductReview")
NONCE = re.compile(r' nonce="[^"]*"')  # the CSP nonce is new on every request
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture(autouse=True)
def fragment_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    cache.clear()
    with override_settings(FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_ENABLED=False):
        yield
    cache.clear()


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return CSRF.sub("", NONCE.sub("", response.content.decode()))


def png(colour="teal"):
    buffer = io.BytesIO()
    Image.new("RGB", (900, 700), colour).save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def test_a_warm_product_page_runs_fewer_queries_and_prints_the_same_page(client):
    product = ProductFactory(title="Tirage argentique", price=320)
    for n in range(3):
        ProductFactory(title=f"Autre tirage {n}", partner=product.stockrecords.get().partner)
    url = product.get_absolute_url()
    cold_queries = count_queries(client, url)
    cold = html(client, url)

    warm_queries = count_queries(client, url)

    assert warm_queries < cold_queries
    assert html(client, url) == cold
    assert "Tirage argentique" in cold and "Autre tirage 2" in cold  # "more from" the shop
    with override_settings(FRAGMENT_CACHE_ENABLED=False):  # the page rendered in full
        assert html(client, url) == cold


def test_reviews_and_the_shop_s_other_products_do_not_change_what_a_warm_page_costs(client):
    product = ProductFactory(title="Tirage argentique")
    url = product.get_absolute_url()
    html(client, url)
    alone = count_queries(client, url)

    partner = product.stockrecords.get().partner
    for n in range(4):
        ProductFactory(title=f"Autre tirage {n}", partner=partner)
    for n in range(3):
        ProductReview.objects.create(
            product=product,
            user=UserFactory(),
            title=f"Avis {n}",
            score=5,
            body="Bien.",
            status=ProductReview.APPROVED,
        )
    html(client, url)

    assert count_queries(client, url) == alone


def test_a_price_change_shows_on_the_next_request(client, django_capture_on_commit_callbacks):
    product = ProductFactory(title="Tirage argentique", price=320)
    url = product.get_absolute_url()
    assert "320" in html(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        record = product.stockrecords.get()
        record.price = 475
        record.save()

    page = html(client, url)
    assert "475" in page and "320" not in page


def test_a_new_picture_shows_on_the_next_request(client, django_capture_on_commit_callbacks):
    product = ProductFactory(title="Tirage argentique")
    url = product.get_absolute_url()
    assert "product-gallery__image" not in html(client, url)  # the placeholder

    with django_capture_on_commit_callbacks(execute=True):
        ProductImage.objects.create(product=product, original=png(), caption="Vue du tirage")

    page = html(client, url)
    assert "product-gallery__image" in page and 'alt="Vue du tirage"' in page


def test_an_approved_review_shows_on_the_next_request(client, django_capture_on_commit_callbacks):
    product = ProductFactory(title="Tirage argentique")
    url = product.get_absolute_url()
    assert "Avis lumineux" not in html(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        ProductReview.objects.create(
            product=product,
            user=UserFactory(),
            title="Avis lumineux",
            score=4,
            body="Très beau tirage.",
            status=ProductReview.APPROVED,
        )

    assert "Avis lumineux" in html(client, url)


def test_a_changed_description_and_title_show_on_the_next_request(
    client, django_capture_on_commit_callbacks
):
    product = ProductFactory(title="Tirage argentique", description="Papier baryté.")
    url = product.get_absolute_url()
    assert "Papier baryté." in html(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Tirage au platine"
        product.description = "Papier japonais."
        product.save()

    page = html(client, url)
    assert "Tirage au platine" in page and "Papier japonais." in page
    assert "Papier baryté." not in page


def test_the_review_form_page_does_not_share_the_product_page_s_fragments(client):
    """The review form extends the product page with another context: its fragments are its
    own, so the product page never shows what the form page rendered (or the reverse)."""
    product = ProductFactory(title="Tirage argentique")
    partner = product.stockrecords.get().partner
    ProductFactory(title="Autre tirage", partner=partner)
    url = product.get_absolute_url()
    client.get(f"/fr/shop/catalogue/{product.slug}_{product.pk}/reviews/add/")

    assert "Autre tirage" in html(client, url)


def test_each_language_gets_its_own_fragments(client):
    product = ProductFactory(title="Tirage argentique")
    french = html(client, product.get_absolute_url())
    english = html(client, product.get_absolute_url().replace("/fr/", "/en/", 1))

    assert "Avis des clients" in french and "Customer Reviews" not in french
    assert "Customer Reviews" in english and "Avis des clients" not in english


# --------------------------------------------------------------------------------------
# The catalogue's option lists (core.widgets.FastSelect with cached options)
# --------------------------------------------------------------------------------------
def selected_option(page, field):
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="([^"]*)" selected>', select)


def test_the_cached_creator_list_marks_the_chosen_shop_and_follows_a_rename(
    client, django_capture_on_commit_callbacks
):
    first = ProductFactory(title="Tirage argentique").stockrecords.get().partner
    second = ProductFactory(title="Affiche").stockrecords.get().partner
    catalogue = "/fr/shop/catalogue/"

    assert selected_option(html(client, catalogue), "creator") == [""]  # "All creators"
    assert selected_option(html(client, f"{catalogue}?creator={first.slug}"), "creator") == [
        first.slug
    ]
    assert selected_option(html(client, f"{catalogue}?creator={second.slug}"), "creator") == [
        second.slug
    ]
    with override_settings(FRAGMENT_CACHE_ENABLED=False):
        rendered = html(client, f"{catalogue}?creator={second.slug}")
    assert html(client, f"{catalogue}?creator={second.slug}") == rendered

    with django_capture_on_commit_callbacks(execute=True):
        second.name = "Atelier Lumière d'Oujda"
        second.save()
    assert "Atelier Lumière d&#x27;Oujda" in html(client, catalogue)


def test_a_made_up_creator_is_never_kept_in_the_cache(client, monkeypatch):
    ProductFactory(title="Tirage argentique")
    html(client, "/fr/shop/catalogue/")  # the lists of a page without filters are cached
    written = []
    original = fragments.set_many
    monkeypatch.setattr(
        fragments, "set_many", lambda values, *a: (written.extend(values), original(values, *a))
    )

    for n in range(3):
        html(client, f"/fr/shop/catalogue/?creator=made-up-{n}")

    assert not [key for key in written if "select|" in key]
