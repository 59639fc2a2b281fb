"""Pagination that never turns a bad ``?page=`` into an error page."""

from django.http import Http404


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
