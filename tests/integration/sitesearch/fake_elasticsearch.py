"""A fake Elasticsearch node: the real client and elasticsearch-dsl above it, canned JSON
below, so our code is tested at the HTTP boundary without a server."""

import json

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport._node._base import NodeApiResponse
from elasticsearch import Elasticsearch

HEADERS = {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}


class FakeNode(BaseNode):
    """Answers queued ``(status, payload)`` pairs and records ``(method, target, body)``."""

    responses: list = []
    requests: list = []
    down = False

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        FakeNode.requests.append((method, target, json.loads(body) if body else None))
        if FakeNode.down:
            raise TransportConnectionError("Connection refused")
        status, payload = FakeNode.responses.pop(0) if FakeNode.responses else (200, {})
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders(HEADERS),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(payload).encode())

    def close(self):
        pass


def fake_client():
    FakeNode.responses, FakeNode.requests, FakeNode.down = [], [], False
    return Elasticsearch("http://search.invalid:9200", node_class=FakeNode, max_retries=0)


def hits_response(ids, aggregations=None):
    return {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": len(ids), "relation": "eq"},
            "max_score": 1.0,
            "hits": [{"_index": "x", "_id": str(pk), "_score": 1.0, "_source": {}} for pk in ids],
        },
        "aggregations": aggregations or {},
    }


def terms(name, buckets):
    return {
        f"_filter_{name}": {
            "doc_count": sum(buckets.values()),
            name: {"buckets": [{"key": key, "doc_count": n} for key, n in buckets.items()]},
        }
    }


def aggregations(names, **buckets):
    """Aggregations for every facet in ``names`` (empty unless given in ``buckets``)."""
    result = {}
    for name in names:
        result.update(terms(name, buckets.get(name, {})))
    return result
