"""The stored search text follows saves; a price or stock change re-indexes the product."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from shop.catalogue.models import Product
from sitesearch import signals
from sitesearch.backends.base import Filters
from sitesearch.backends.database import DatabaseBackend
from sitesearch.models import SearchEntry
from tests.factories import ProductFactory, ProfileFactory

pytestmark = pytest.mark.django_db


def titles(query):
    results = DatabaseBackend().search(query, Filters(), per_page=50)
    return [item.title for item in results.groups["products"].items]


def test_saving_a_product_stores_its_folded_text_after_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(title="Éclairage LED", description="<p>Scène et SALLE</p>")

    entry = SearchEntry.objects.get(product=product)
    assert entry.a.split() == ["eclairage", "led"]
    assert entry.b.split() == ["scene", "et", "salle"]
    assert titles("eclairage") == ["Éclairage LED"]


def test_a_new_title_is_found_and_the_old_one_no_longer(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(title="Affiche sérigraphiée")
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Tirage photo"
        product.save()

    assert titles("tirage") == ["Tirage photo"]
    assert titles("affiche") == []


def test_an_entry_is_written_only_once_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        product = ProductFactory(title="Pochette vinyle")

    assert not SearchEntry.objects.filter(product=product).exists()
    for callback in callbacks:
        callback()
    assert SearchEntry.objects.filter(product=product).exists()


def test_deleting_a_product_or_profile_deletes_its_entry(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(title="Clip vidéo")
        profile = ProfileFactory(name="Studio Nour")
    mine = SearchEntry.objects.filter(product=product) | SearchEntry.objects.filter(profile=profile)
    assert mine.count() == 2

    product_pk, profile_pk = product.pk, profile.pk
    with django_capture_on_commit_callbacks(execute=True):
        product.delete()
        profile.delete()

    assert not SearchEntry.objects.filter(product_id=product_pk).exists()
    assert not SearchEntry.objects.filter(profile_id=profile_pk).exists()


def test_profile_entry_folds_arabic_spellings(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        profile = ProfileFactory(name="استوديو الإضاءة", headline="إِضاءة", city="الناظور")

    entry = SearchEntry.objects.get(profile=profile)
    assert "اضاءه" in entry.a.split()
    results = DatabaseBackend().search("اضاءه", Filters(), per_page=50)
    assert [p.name for p in results.groups["profiles"].items] == ["استوديو الإضاءة"]


def test_rebuild_command_writes_every_entry_with_progress():
    ProductFactory(title="Mixage")  # created without running on_commit callbacks: no entry
    ProfileFactory(name="Rythmes")
    assert SearchEntry.objects.count() == 0
    out = StringIO()

    call_command("search_index", "--rebuild", stdout=out)

    assert SearchEntry.objects.filter(product__isnull=False).count() == Product.objects.count()
    assert SearchEntry.objects.filter(profile__isnull=False).count() >= 1
    assert "1/1" in out.getvalue()


@override_settings(ELASTICSEARCH_URL="http://search.invalid:9200")
def test_a_price_or_stock_change_alone_reindexes_the_product(
    monkeypatch, django_capture_on_commit_callbacks
):
    product = ProductFactory(title="Tirage d'art", price=Decimal("300"))
    stockrecord = product.stockrecords.get()
    synced = []
    monkeypatch.setattr(signals, "sync", lambda model, pk: synced.append((model, pk)))

    with django_capture_on_commit_callbacks(execute=True):
        stockrecord.price = Decimal("450")
        stockrecord.save()
    with django_capture_on_commit_callbacks(execute=True):
        stockrecord.num_in_stock = 0
        stockrecord.save()

    assert synced == [(Product, product.pk), (Product, product.pk)]


def test_stock_changes_do_not_touch_elasticsearch_when_it_is_off(
    monkeypatch, django_capture_on_commit_callbacks
):
    product = ProductFactory(title="Tirage d'art")
    synced = []
    monkeypatch.setattr(signals, "sync", lambda model, pk: synced.append((model, pk)))

    with django_capture_on_commit_callbacks(execute=True):
        stockrecord = product.stockrecords.get()
        stockrecord.price = Decimal("10")
        stockrecord.save()

    assert synced == []
