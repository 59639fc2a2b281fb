"""The Elasticsearch backend: faceted, fuzzy, multilingual search with elasticsearch-dsl.

Profiles and products are searched in their own indices (``sitesearch.documents``); the
hits' ids are then loaded from the database with the same querysets as the database
backend, so cards and visibility rules stay the same. Pages go through Wagtail's own
Elasticsearch 8 backend. Any transport failure raises ``SearchUnavailable``, and the
view answers from the database backend instead.
"""

import logging

import elastic_transport
from django.conf import settings
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.dsl import FacetedSearch, Q, RangeFacet, Search, TermsFacet, connections

from directory.models import Discipline, Profile, Province, Sector
from shop.catalogue.queries import public_products

from ..documents import ProductDocument, ProfileDocument
from . import pages
from .base import (
    GROUPS,
    PRICE_RANGES,
    FacetValue,
    Group,
    SearchBackend,
    SearchResults,
    SearchUnavailable,
)
from .database import Taxonomy

logger = logging.getLogger(__name__)
CONNECTION = "sitesearch"
FAILURES = (elastic_transport.TransportError, ApiError)


def get_client():
    """The client registered under ``CONNECTION`` (made from ``ELASTICSEARCH_URL`` once)."""
    try:
        return connections.get_connection(CONNECTION)
    except KeyError:
        client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=5, max_retries=0)
        connections.add_connection(CONNECTION, client)
        return client


def text_query(query, fields):
    """Every word in some field (cross-field), or a fuzzy match for typos."""
    return Q(
        "bool",
        should=[
            Q("multi_match", query=query, fields=fields, type="cross_fields", operator="and"),
            Q(
                "multi_match",
                query=query,
                fields=fields,
                fuzziness="AUTO",
                prefix_length=1,
                operator="and",
            ),
        ],
        minimum_should_match=1,
    )


TEXT = ["{}", "{}.fr", "{}.ar", "{}.en"]


def _fields(weights):
    return [pattern.format(name) + f"^{w}" for name, w in weights.items() for pattern in TEXT]


class _Faceted(FacetedSearch):
    using = CONNECTION
    weights = {}

    def query(self, search, query):
        if query:
            return search.query(text_query(query, _fields(self.weights)))
        return search


class ProfileSearch(_Faceted):
    index = ProfileDocument.Index.name
    doc_types = [ProfileDocument]
    weights = {"title": 4, "headline": 2, "taxonomy": 2, "body": 1}
    facets = {
        "sector": TermsFacet(field="sector", size=20),
        "discipline": TermsFacet(field="discipline", size=50),
        "province": TermsFacet(field="province", size=20),
        "kind": TermsFacet(field="kind", size=10),
    }


class ProductSearch(_Faceted):
    index = ProductDocument.Index.name
    doc_types = [ProductDocument]
    weights = {"title": 4, "taxonomy": 2, "description": 1}
    facets = {
        "sector": TermsFacet(field="sector", size=20),
        "discipline": TermsFacet(field="discipline", size=50),
        "province": TermsFacet(field="province", size=20),
        "product_type": TermsFacet(field="product_type", size=10),
        "price": RangeFacet(
            field="price",
            ranges=[(key, (low, high)) for key, (_l, low, high) in PRICE_RANGES.items()],
        ),
        "karfour": TermsFacet(field="karfour"),
    }


def facet_filters(filters, names):
    chosen = {name: [getattr(filters, name)] for name in names if getattr(filters, name, "")}
    if "karfour" in names and filters.karfour:
        chosen["karfour"] = [True]
    return chosen


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def search(self, query, filters, page=1, *, groups=GROUPS, per_page=12):
        get_client()
        results = SearchResults(query=query, groups={}, backend=self.name)
        labels = self._labels()
        start = (page - 1) * per_page
        browse = (bool(query.strip()) or not filters.is_empty()) and not filters.page_type
        taxonomy = None
        try:
            for key in groups:
                group = Group(key=key, page=page, per_page=per_page)
                if browse and key == "profiles":
                    self._run(group, ProfileSearch, query, filters, start, labels)
                    group.items = _in_order(Profile.objects.public().for_listing(), group.items)
                elif browse and key == "products":
                    self._run(group, ProductSearch, query, filters, start, labels)
                    group.items = _in_order(public_products(), group.items)
                elif (
                    key == "pages"
                    and (query.strip() or filters.page_type)
                    and pages.applies(filters)
                ):
                    taxonomy = taxonomy or Taxonomy()
                    pages.search_pages(
                        group, query, filters, taxonomy, backend=self._page_backend()
                    )
                results.groups[key] = group
        except FAILURES as error:
            raise SearchUnavailable(str(error)) from error
        return results

    @staticmethod
    def _page_backend():
        return "elasticsearch" if "elasticsearch" in settings.WAGTAILSEARCH_BACKENDS else "default"

    @staticmethod
    def _labels():
        rows = [*Sector.objects.all(), *Discipline.objects.all(), *Province.objects.all()]
        labels = {(type(row).__name__.lower(), row.slug): row.label for row in rows}
        labels.update({("kind", value): label for value, label in Profile.Kind.choices})
        labels.update({("price", key): label for key, (label, _l, _h) in PRICE_RANGES.items()})
        labels[("karfour", "True")] = "L'Karfour"
        return labels

    def _run(self, group, search_class, query, filters, start, labels):
        faceted = search_class(query, facet_filters(filters, search_class.facets))
        response = faceted[start : start + group.per_page].execute()
        group.total = response.hits.total.value
        group.items = [int(hit.meta.id) for hit in response]
        group.facets = {
            name: [
                FacetValue(
                    value="1" if name == "karfour" else str(value),
                    label=str(labels.get((name, str(value)), value)),
                    count=count,
                    selected=selected,
                )
                for value, count, selected in getattr(response.facets, name)
                if count and (name != "karfour" or value in (True, 1, "true"))
            ]
            for name in search_class.facets
        }

    def suggest(self, prefix, limit=8):
        get_client()
        search = Search(
            using=CONNECTION, index=[ProfileDocument.Index.name, ProductDocument.Index.name]
        ).source(["title", "url", "creator"])
        search = search.suggest(
            "titles",
            prefix,
            completion={
                "field": "suggest",
                "size": limit,
                "skip_duplicates": True,
                "fuzzy": {"fuzziness": "AUTO"},
            },
        )
        try:
            response = search.execute()
        except FAILURES as error:
            raise SearchUnavailable(str(error)) from error
        options = response.suggest.titles[0].options if response.suggest else []
        results = []
        for option in options[:limit]:
            is_profile = option._index.startswith(ProfileDocument.Index.name)
            item = {
                "title": option._source.title,
                "url": option._source.url,
                "type": "profile" if is_profile else "product",
            }
            if not is_profile:
                item["creator"] = getattr(option._source, "creator", "") or ""
            results.append(item)
        return results


def _in_order(queryset, ids):
    """Rows of ``queryset`` with these ids, in this order (hidden ones dropped)."""
    rows = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]
