"""Pagination that never turns a bad ``?page=`` into an error page, and a paginator that
keeps its count in the cache."""

import hashlib

from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.functional import cached_property

from . import fragments


def forgiving_page(request, queryset, per_page):
    """A page of ``queryset`` for views that are not ListViews (Wagtail pages' routes): an
    out-of-range ``?page=`` gives the last page, a malformed one the first."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class ForgivingPaginationMixin:
    """For ListViews: a page past the end or a malformed number shows the first page."""

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            self.kwargs[self.page_kwarg] = 1
            self.request.GET = self.request.GET.copy()
            self.request.GET[self.page_kwarg] = "1"
            return super().paginate_queryset(queryset, page_size)


class CachedCountPaginator(Paginator):
    """A paginator whose total comes from the fragment cache (``core.fragments``).

    ``COUNT(*)`` over 10,000 public products costs more than the page of rows it counts.
    The count is kept per query (its SQL and parameters) under the page cache's generation,
    which every change to products, stock, shops and profiles bumps, so it is never stale.
    """

    @cached_property
    def count(self):
        if getattr(self.object_list, "query", None) is None:
            return super().count
        return cached_count(self.object_list, lambda: super(CachedCountPaginator, self).count)


def cached_count(queryset, counter=None):
    """``queryset.count()`` (or ``counter()``), kept in the fragment cache under the page
    cache's generation, keyed by the query's SQL and parameters."""
    counter = counter or queryset.count
    if not fragments.enabled():
        return counter()
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return 0
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    key = fragments.key("count", digest)
    found = fragments.get_many([key])
    if key in found:
        return found[key]
    value = counter()
    fragments.set_many({key: value})
    return value
