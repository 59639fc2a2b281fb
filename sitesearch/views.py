"""``/<lang>/search/?q=``: one search over creators, products and editorial pages, and
``/<lang>/search/suggest?q=`` for the autocomplete list (JSON).

The backend comes from ``settings.SITESEARCH_BACKEND``; when Elasticsearch does not
answer, the page answers from the database backend (``/healthz`` says "degraded").
"""

import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from . import forms
from .backends import DATABASE_BACKEND, get_backend, pages
from .backends.base import GROUPS, SearchUnavailable
from .text import tokens

logger = logging.getLogger(__name__)

PER_PAGE_ALL = 6
PER_PAGE_TAB = 12
SUGGEST_LIMIT = 8
GROUP_LABELS = {
    "profiles": _("Creators and professionals"),
    "products": _("Products and services"),
    "pages": _("Pages"),
}
SHARED_FACETS = ("sector", "discipline", "province", "page_type")


def _run(method, *args, **kwargs):
    backend = get_backend()
    try:
        return getattr(backend, method)(*args, **kwargs)
    except SearchUnavailable as error:
        logger.warning(
            "search: %s unavailable, answering from the database: %s", backend.name, error
        )
        return getattr(get_backend(DATABASE_BACKEND), method)(*args, **kwargs)


def _url(params, **changes):
    query = params.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = value
    return "?" + query.urlencode()


def _facets(results, tab, params):
    """Facets of the shown tab (shared facets summed over both groups on "All")."""
    if tab in GROUPS:
        facets = results.groups[tab].facets
    else:
        facets = {}
        for key in GROUPS:
            for name, values in results.groups[key].facets.items():
                if name not in SHARED_FACETS:
                    continue
                merged = facets.setdefault(name, {})
                for value in values:
                    if value.value in merged:
                        merged[value.value].count += value.count
                    else:
                        merged[value.value] = type(value)(**vars(value))
        facets = {name: list(values.values()) for name, values in facets.items()}
    shown = []
    for name, values in facets.items():
        if not values:
            continue
        for value in values:
            value.url = _url(params, **{name: "" if value.selected else value.value})
        shown.append({"name": name, "label": forms.FACET_LABELS[name], "values": values})
    return shown


def search(request):
    query, filters, tab, page, notices = forms.parse(request.GET)
    if query and not tokens(query):
        notices.append(_("Type at least one letter or digit to search."))
    params = request.GET.copy()
    per_page = PER_PAGE_TAB if tab else PER_PAGE_ALL
    results = _run("search", query, filters, page if tab else 1, groups=GROUPS, per_page=per_page)
    groups = [
        {
            "key": key,
            "label": GROUP_LABELS[key],
            "group": group,
            "more_url": _url(params, type=key),
            "previous_url": _url(params, page=str(group.page - 1)),
            "next_url": _url(params, page=str(group.page + 1)),
        }
        for key, group in results.groups.items()
        if not tab or key == tab
    ]
    total = sum(group.total for group in results.groups.values())
    # A group with more matches than the backend ranks shows "more than" its count.
    capped = any(group.capped for group in results.groups.values())
    tabs = [
        {
            "key": "",
            "label": _("All"),
            "count": total,
            "capped": capped,
            "url": _url(params, type=""),
        }
    ] + [
        {
            "key": key,
            "label": GROUP_LABELS[key],
            "count": results.groups[key].total,
            "capped": results.groups[key].capped,
            "url": _url(params, type=key),
        }
        for key in GROUPS
    ]
    # Facets count among the ranked matches of the groups shown when one of them is capped.
    shown = [entry["group"] for entry in groups] if tab else list(results.groups.values())
    facets_counted = sum(group.total for group in shown if group.capped)
    context = {
        "query": query,
        "tab": tab,
        "tabs": tabs,
        "groups": groups,
        "total": total,
        "capped": capped,
        "facets_counted": facets_counted,
        "searched": bool(tokens(query)) or not filters.is_empty(),
        "facets": _facets(results, tab, params),
        "has_filters": not filters.is_empty(),
        "pages_skipped": not pages.applies(filters),
        "clear_filters_url": "?" + _clear(params),
        "notices": notices,
    }
    return render(request, "sitesearch/search.html", context)


def _clear(params):
    kept = params.copy()
    for name in forms.FACET_LABELS:
        kept.pop(name, None)
    kept.pop("page", None)
    return kept.urlencode()


def suggest(request):
    prefix = " ".join(request.GET.get("q", "").split())[:100]
    items = _run("suggest", prefix, limit=SUGGEST_LIMIT) if tokens(prefix) else []
    return JsonResponse({"query": prefix, "results": items[:SUGGEST_LIMIT]})
