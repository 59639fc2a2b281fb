"""The database backend's stored entries: rows with and without one side by side, edits,
the PostgreSQL vector column and its index, the fixed query count, the task queue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Profile
from shop.catalogue.models import Product
from sitesearch import index, signals
from sitesearch.backends.base import Filters
from sitesearch.backends.database import DatabaseBackend
from sitesearch.models import SearchEntry
from tests.factories import ProductFactory, ProfileFactory

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the stored vector is PostgreSQL's"
)


def search(query, **filters):
    return DatabaseBackend().search(query, Filters(**filters), per_page=50)


def titles(results):
    return [item.title for item in results.groups["products"].items]


def test_rows_with_and_without_an_entry_are_found_and_ranked_together():
    ProductFactory(title="Drones FPV", description="Vol en intérieur.")
    ProductFactory(title="Captation", description="Avec un drone.")
    index.rebuild_entries(Product)
    ProductFactory(title="Drone cinéma", description="Sans entrée encore.")  # bulk-like: no entry
    ProfileFactory(name="Drone Studio")  # no entry either

    results = search("drone")

    assert not SearchEntry.objects.filter(product__title="Drone cinéma").exists()
    assert titles(results) == ["Drone cinéma", "Drones FPV", "Captation"]
    assert results.groups["products"].total == 3
    assert [p.name for p in results.groups["profiles"].items] == ["Drone Studio"]


def test_a_stale_entry_is_not_used_for_a_row_whose_entry_was_rewritten():
    product = ProductFactory(title="Affiche sérigraphiée")
    index.rebuild_entries(Product)
    product.title = "Tirage photo"
    product.save()
    index.sync_entry(Product, product.pk)

    assert titles(search("tirage")) == ["Tirage photo"]
    assert titles(search("affiche")) == []


def test_every_word_needs_a_match_across_stored_and_live_rows():
    ProductFactory(title="Sono mariage", description="Quartier Zorba.")
    index.rebuild_entries(Product)
    ProductFactory(title="Sono concert", description="Quartier Zorba.")  # no entry
    ProductFactory(title="Sono mariage", description="Ailleurs.")  # no entry

    assert titles(search("sono zorba")) == ["Sono concert", "Sono mariage"]


def _queries(query):
    DatabaseBackend().search(query, Filters(), per_page=6)  # warm caches
    with CaptureQueriesContext(connection) as captured:
        DatabaseBackend().search(query, Filters(), per_page=6)
    return len(captured)


def test_query_count_is_fixed_whatever_the_number_of_results_and_entries():
    ProfileFactory(name="Photo A")
    ProductFactory(title="Photo A")
    index.rebuild_entries(Product)
    index.rebuild_entries(Profile)
    few = _queries("photo")
    for n in range(10):
        ProfileFactory(name=f"Photo B{n}")
        ProductFactory(title=f"Photo produit B{n}")  # half without entries
    many_missing = _queries("photo")
    index.rebuild_entries(Product)
    index.rebuild_entries(Profile)
    many_stored = _queries("photo")

    assert few == many_missing == many_stored


@postgres_only
def test_postgres_stores_a_weighted_vector_and_indexes_it():
    product = ProductFactory(title="Éclairage scénique", description="Pour le théâtre.")
    index.rebuild_entries(Product)

    entry = SearchEntry.objects.get(product=product)
    assert "'eclairage':1A" in entry.document
    assert "'theatre':" in entry.document and "B" in entry.document
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'sitesearch_searchentry'"
            " AND indexname = 'sitesearch_searchentry_document_gin'"
        )
        assert "gin (document)" in cursor.fetchone()[0]


@postgres_only
def test_postgres_finds_stored_entries_through_the_index():
    ProductFactory(title="Mapping vidéo")
    index.rebuild_entries(Product)

    with CaptureQueriesContext(connection) as captured:
        search("mapping")
    sql = "\n".join(query["sql"] for query in captured.captured_queries)
    assert '"document" @@' in sql  # the stored vector, not one built per row
    assert titles(search("mapping")) == ["Mapping vidéo"]


class _Queue:
    def __init__(self, enqueue):
        self.enqueue = enqueue


def test_saving_enqueues_the_entry_task(django_capture_on_commit_callbacks, monkeypatch):
    queued = []
    monkeypatch.setattr(signals, "sync_entry_task", _Queue(lambda *args: queued.append(args)))
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(title="Pochette vinyle")

    assert ("catalogue.Product", product.pk) in queued
    assert not SearchEntry.objects.filter(product=product).exists()  # the worker writes it


def test_without_a_queue_the_entry_is_written_in_process(
    django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args):
        raise RuntimeError("no queue")

    monkeypatch.setattr(signals, "sync_entry_task", _Queue(broken))
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(title="Pochette vinyle")

    assert SearchEntry.objects.get(product=product).a.split() == ["pochette", "vinyle"]
