"""Against a real Elasticsearch 8: index, search, facet, delete. Skipped without a server.

Run: ``ELASTICSEARCH_URL=http://127.0.0.1:9200 ELASTICSEARCH_INDEX_PREFIX=takafamap_test
.venv/bin/pytest tests/integration/sitesearch/test_elasticsearch_server.py`` (README,
"Search"). Index names come from ``ELASTICSEARCH_INDEX_PREFIX`` at start-up: set it so the
test does not replace a development index.
"""

import os

import pytest
from django.core.management import call_command

from sitesearch import signals
from sitesearch.backends.base import Filters
from sitesearch.backends.elasticsearch import ElasticsearchBackend, get_client
from tests.factories import ProductFactory, ProfileFactory

URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.skipif(not URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch to test"),
    pytest.mark.django_db,
]


@pytest.fixture
def indexed(settings):
    settings.ELASTICSEARCH_URL = URL
    ProfileFactory(name="Studio Éclat", headline="Éclairage de scène", disciplines=["eclairage"])
    ProductFactory(title="Console de mixage", discipline="mixage")
    call_command("search_index", "--rebuild")
    return get_client()


def test_index_search_facet_and_delete(indexed):
    backend = ElasticsearchBackend()

    results = backend.search("eclairag", Filters())  # no accent, one typo
    assert [p.name for p in results.groups["profiles"].items] == ["Studio Éclat"]
    assert {v.value for v in results.groups["profiles"].facets["sector"]} == {"lumiere"}
    assert [p.title for p in backend.search("صوت", Filters()).groups["products"].items] == [
        "Console de mixage"
    ]

    profile = results.groups["profiles"].items[0]
    profile.status = "suspended"
    profile.save()
    signals.sync(type(profile), profile.pk)
    indexed.indices.refresh(index="_all")
    assert backend.search("eclairage", Filters()).groups["profiles"].total == 0
