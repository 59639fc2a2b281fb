"""``manage.py seed_scale`` with small counts: what it adds, and that a second run adds nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from cms.models import NewsPage
from directory.models import Profile
from shop.catalogue.models import Product
from shop.catalogue.queries import public_products
from shop.partner.models import Partner
from sitesearch.backends.base import Filters
from sitesearch.backends.database import DatabaseBackend
from sitesearch.models import SearchEntry

pytestmark = pytest.mark.django_db

COUNTS = {"products": 40, "profiles": 15, "news": 3, "contacts": 12}


def seed(**options):
    out = StringIO()
    call_command("seed_scale", stdout=out, **{**COUNTS, **options})
    return out.getvalue()


def scale(model, field="slug"):
    return model.objects.filter(**{f"{field}__startswith": "scale-"})


def test_seed_scale_adds_the_requested_rows_and_a_second_run_adds_none():
    output = seed()

    assert scale(Profile).count() == 15
    assert scale(Partner, "code").count() == 3  # one profile in five has a shop
    assert scale(Product).count() == 40
    assert NewsPage.objects.live().filter(slug__startswith="scale-").count() == 3
    if apps.is_installed("youth"):
        contact = apps.get_model("youth", "Contact")
        assert contact.objects.filter(email__startswith="scale-").count() == 12
    assert "40/40" in output

    seed()

    assert scale(Profile).count() == 15
    assert scale(Product).count() == 40
    assert NewsPage.objects.filter(slug__startswith="scale-").count() == 3


def test_seeded_products_are_public_searchable_and_have_search_text():
    seed(news=0, contacts=0)
    products = scale(Product)

    visible = public_products().filter(slug__startswith="scale-").count()
    assert 0 < visible < 40  # a few are hidden, like real catalogues
    assert SearchEntry.objects.filter(product__in=products).count() == 40
    assert SearchEntry.objects.filter(profile__slug__startswith="scale-").count() == 15
    results = DatabaseBackend().search("boutique", Filters(), per_page=5)
    assert results.groups["products"].total == 0  # titles, not shop names, are searched
    title_word = products.filter(is_public=True).first().title.split()[0]
    assert DatabaseBackend().search(title_word, Filters()).groups["products"].total > 0


def test_counts_can_be_raised_later():
    seed(products=10, profiles=5, news=0, contacts=0)
    seed(products=25, profiles=5, news=0, contacts=0)

    assert scale(Product).count() == 25


def test_seeded_products_have_their_stored_lowest_price():
    seed(news=0, contacts=0)

    for product in scale(Product).prefetch_related("stockrecords"):
        assert product.min_price == min(r.price for r in product.stockrecords.all())
