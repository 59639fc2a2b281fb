"""Database-backed catalogue views.

Since Oscar 3.2.5 the catalogue's browse pages are haystack faceted views, which list
nothing without a search server (Oscar issue #4366). These replace them with plain querysets;
Oscar's class loader picks them up because this app forks ``search``.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from core.pagination import CachedCountPaginator, ForgivingPaginationMixin
from shop.catalogue.models import Category
from shop.catalogue.queries import AvailableFirst, filter_products, public_products

from .forms import BrowseForm


class CatalogueView(ForgivingPaginationMixin, ListView):
    """All products, filterable by sector, province and text, sortable, paginated."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"
    paginate_by = 24
    paginator_class = CachedCountPaginator
    category = None

    def get_form(self):
        return BrowseForm(self.request.GET or None)

    def get_queryset(self):
        self.form = self.get_form()
        data = self.form.filters if self.form.is_bound else {}
        queryset = filter_products(
            public_products(prefetch=False),  # cards: {% cards %} fetches what is not cached
            q=data.get("q", ""),
            category=self.category,
            sector=data.get("sector"),
            province=data.get("province"),
            creator=data.get("creator"),
            kind=data.get("kind", ""),
            price_min=data.get("price_min"),
            price_max=data.get("price_max"),
            karfour=data.get("karfour", False),
        )
        ordering = BrowseForm.ORDERINGS.get(data.get("sort_by") or "newest")
        # Whatever the order asked, what can be bought now comes first, sold-out after.
        return AvailableFirst(queryset, ordering)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["ignored_filters"] = self.form.ignored if self.form.is_bound else []
        context["summary"] = _("All products and services")
        creator = self.form.filters.get("creator") if self.form.is_bound else None
        if creator is not None:
            context["creator"] = creator
            context["summary"] = _("The shop of %(name)s") % {"name": creator.name}
        context["categories"] = (
            Category.objects.browsable().filter(depth=1).select_related("sector")
        )
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["querystring"] = query.urlencode()
        return context


class ProductCategoryView(CatalogueView):
    """Products of one category (a sector or a discipline) and its sub-categories."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.has_perm("catalogue.view_product")):
            raise Http404
        expected = self.category.get_absolute_url()
        if request.path != expected:
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{expected}?{query}" if query else expected)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.label
        siblings_of = self.category if self.category.is_root() else self.category.get_parent()
        context["subcategories"] = (
            siblings_of.get_children().browsable().select_related("discipline", "sector")
        )
        return context


class FacetedSearchView(CatalogueView):
    """Oscar's ``search:search`` URL: the same listing, driven by ``?q=``."""

    template_name = "oscar/search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.form.filters.get("q", "") if self.form.is_bound else ""
        return context
