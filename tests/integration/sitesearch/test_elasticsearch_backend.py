"""The Elasticsearch backend without a server: mappings and query bodies as dicts, and the
HTTP boundary through a fake node under the real client."""

import pytest
from django.test import override_settings
from elasticsearch.dsl import connections

from sitesearch import signals
from sitesearch.backends.base import Filters
from sitesearch.backends.elasticsearch import (
    CONNECTION,
    ElasticsearchBackend,
    ProductSearch,
    ProfileSearch,
)
from sitesearch.documents import ProductDocument, ProfileDocument
from tests.factories import ProductFactory, ProfileFactory
from tests.helpers import text_of

from .fake_elasticsearch import FakeNode, aggregations, fake_client, hits_response

ES_BACKEND = "sitesearch.backends.elasticsearch.ElasticsearchBackend"


@pytest.fixture
def fake_es():
    connections.add_connection(CONNECTION, fake_client())
    yield FakeNode
    connections.remove_connection(CONNECTION)


def test_mapping_folds_accents_and_analyses_three_languages():
    mapping = ProductDocument._index.to_dict()
    analysis = mapping["settings"]["analysis"]["analyzer"]
    title = mapping["mappings"]["properties"]["title"]

    assert "asciifolding" in analysis["folded"]["filter"]
    assert "arabic_normalization" in analysis["folded"]["filter"]
    assert set(title["fields"]) == {"fr", "ar", "en"}
    assert mapping["mappings"]["properties"]["suggest"]["type"] == "completion"
    assert mapping["mappings"]["properties"]["price"]["type"] == "float"
    assert ProfileDocument._index.to_dict()["mappings"]["properties"]["kind"]["type"] == "keyword"


def test_query_is_fuzzy_and_faceted_with_the_filter_outside_its_own_counts():
    body = ProductSearch("eclairag", {"price": ["0-200"]})._s.to_dict()

    fuzzy = body["query"]["bool"]["should"][1]["multi_match"]
    assert fuzzy["fuzziness"] == "AUTO" and "title^4" in fuzzy["fields"]
    assert body["post_filter"] == {"range": {"price": {"gte": 0, "lt": 200}}}
    assert body["aggs"]["_filter_price"]["filter"] == {"match_all": {}}
    assert body["aggs"]["_filter_sector"]["aggs"]["sector"]["terms"]["field"] == "sector"


@pytest.mark.django_db
def test_hits_become_database_rows_in_elasticsearch_order_with_facets(fake_es):
    first, second = ProfileFactory(name="Second en base"), ProfileFactory(name="Premier pour ES")
    hidden = ProfileFactory(name="Masqué", status="suspended")
    product = ProductFactory(title="Console de mixage")
    fake_es.responses = [
        (
            200,
            hits_response(
                [second.pk, hidden.pk, first.pk],
                aggregations(ProfileSearch.facets, sector={"son": 2}),
            ),
        ),
        (
            200,
            hits_response(
                [product.pk],
                aggregations(ProductSearch.facets, product_type={"service": 1}, price={}),
            ),
        ),
    ]

    results = ElasticsearchBackend().search("mixage", Filters(sector="son"), per_page=10)

    assert results.groups["profiles"].items == [second, first]
    assert results.groups["products"].items == [product]
    types = results.groups["products"].facets["product_type"]
    assert [(v.value, v.count) for v in types] == [("service", 1)]
    sectors = results.groups["profiles"].facets["sector"]
    assert [(v.value, v.label, v.count, v.selected) for v in sectors] == [("son", "Son", 2, True)]
    method, target, body = fake_es.requests[0]
    assert target.startswith("/takafamap_profiles/_search")
    assert body["post_filter"] == {"terms": {"sector": ["son"]}}


@pytest.mark.django_db
def test_suggestions_come_from_the_completion_suggester(fake_es):
    fake_es.responses = [
        (
            200,
            {
                "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
                "suggest": {
                    "titles": [
                        {
                            "text": "mapp",
                            "offset": 0,
                            "length": 4,
                            "options": [
                                {
                                    "text": "Mapping",
                                    "_index": "takafamap_profiles-20260101",
                                    "_id": "1",
                                    "_score": 1.0,
                                    "_source": {
                                        "title": "Mapping Oujda",
                                        "url": "/fr/directory/m/",
                                    },
                                }
                            ],
                        }
                    ]
                },
            },
        )
    ]

    assert ElasticsearchBackend().suggest("mapp") == [
        {"title": "Mapping Oujda", "url": "/fr/directory/m/", "type": "profile"}
    ]
    assert fake_es.requests[0][2]["suggest"]["titles"]["completion"]["field"] == "suggest"


@pytest.mark.django_db
@override_settings(SITESEARCH_BACKEND=ES_BACKEND)
def test_a_dead_cluster_falls_back_to_the_database(client, fake_es):
    fake_es.down = True
    ProfileFactory(name="Studio Lumen")

    response = client.get("/fr/search/", {"q": "lumen"})
    suggest = client.get("/fr/search/suggest", {"q": "lumen"})

    assert response.status_code == 200
    assert "Studio Lumen" in text_of(response)
    assert suggest.json()["results"][0]["title"] == "Studio Lumen"


@pytest.mark.django_db
def test_sync_indexes_visible_objects_and_removes_hidden_ones(fake_es):
    profile = ProfileFactory(name="Atelier Synchro")
    fake_es.requests.clear()
    fake_es.responses = [
        (201, {"_index": "takafamap_profiles", "_id": str(profile.pk), "result": "created"})
    ]

    signals.sync(type(profile), profile.pk)
    profile.status = "suspended"
    profile.save()
    fake_es.responses = [(200, {"result": "deleted"})]
    signals.sync(type(profile), profile.pk)

    (put, put_target, document), (delete, delete_target, _body) = fake_es.requests
    assert (put, put_target) == ("PUT", f"/takafamap_profiles/_doc/{profile.pk}")
    assert document["title"] == "Atelier Synchro"
    assert (delete, delete_target) == ("DELETE", f"/takafamap_profiles/_doc/{profile.pk}")


@pytest.mark.django_db
def test_sync_survives_a_dead_cluster(fake_es):
    fake_es.down = True
    profile = ProfileFactory()

    signals.sync(type(profile), profile.pk)  # logged, not raised
