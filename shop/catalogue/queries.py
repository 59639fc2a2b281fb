"""Product querysets for public listings, with a fixed number of SQL queries.

Filters on related rows (the shop, its profile's province, the price, the categories) are
``EXISTS`` subqueries rather than joins: a product never appears twice, so no ``DISTINCT``
is needed and the database can walk the product table in index order (newest first) and
stop after one page, which keeps the catalogue fast at 10,000 products.
"""

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce

from core.pagination import cached_count
from shop.partner.models import StockRecord

from .models import Product, ProductCategory


def _records(**filters):
    return StockRecord.objects.filter(product=OuterRef("pk"), **filters)


# What a product card reads besides the product row: its images and its stock records with
# the shop, the shop's profile and province (``{% cards %}`` fetches them for the cards
# missing from the fragment cache only).
def card_prefetch():
    # product_class is usually joined already (select_related): then it costs nothing.
    return (
        "product_class",
        "images",
        Prefetch(
            "stockrecords",
            queryset=StockRecord.objects.select_related(
                "partner", "partner__profile", "partner__profile__province"
            ),
        ),
    )


def public_products(prefetch=True):
    """Products a visitor may see: public, canonical, sold by an active shop.

    ``prefetch=False`` leaves out the related rows, for listings rendered with
    ``{% cards %}`` (``core.fragments``), which fetch them only for cards not cached."""
    queryset = (
        Product.objects.browsable()
        .filter(Exists(_records(partner__is_active=True)))
        .select_related("product_class")
    )
    if prefetch:
        queryset = queryset.prefetch_related("categories", *card_prefetch())
    return queryset


def available_records():
    """Stock records that make their product orderable now (``OuterRef("pk")``): an active
    shop not on vacation, and a service or digital product (no stock tracked) or units left
    that are not allocated to orders. One ``EXISTS`` over them (rather than two joined by
    ``OR``) lets PostgreSQL check products one by one in index order and stop after a page."""
    return (
        _records(partner__is_active=True, partner__on_vacation=False)
        .annotate(net=F("num_in_stock") - Coalesce("num_allocated", 0))
        .filter(Q(product__product_class__track_stock=False) | Q(net__gt=0))
    )


class AvailableFirst:
    """``queryset`` in ``ordering``, what can be bought now first: what a paginator slices.

    Sorting on "available" first made the database check every public product (10,000) before
    it could return one page. Here a page is read from the orderable products alone, in the
    order asked, which PostgreSQL walks in index order (newest, title, price, rating indexes)
    and leaves after one page; only a page past the last orderable product reads the others
    (and then the number of orderable products, kept in the fragment cache like the total).
    ``count()`` is the queryset's; ``query`` lets ``CachedCountPaginator`` cache it."""

    def __init__(self, queryset, ordering):
        self.queryset = queryset
        self.ordering = ordering
        self.query = queryset.query
        self.ordered = True

    def _available(self):
        return self.queryset.filter(Exists(available_records())).order_by(*self.ordering)

    def _unavailable(self):
        return self.queryset.filter(~Exists(available_records())).order_by(*self.ordering)

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        rows = list(self._available()[start:stop])
        for row in rows:
            row.available = True
        if stop is not None and len(rows) == stop - start:
            return rows
        if rows:  # the orderable products end inside this page
            orderable = start + len(rows)
        else:
            orderable = cached_count(self._available())
        rest = list(
            self._unavailable()[
                max(0, start - orderable) : None if stop is None else stop - orderable
            ]
        )
        for row in rest:
            row.available = False
        return rows + rest


def filter_products(
    queryset,
    *,
    q="",
    category=None,
    sector=None,
    province=None,
    creator=None,
    kind="",
    price_min=None,
    price_max=None,
    karfour=False,
):
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(description__icontains=q))
    if category is not None:
        in_category = ProductCategory.objects.filter(
            product=OuterRef("pk"), category__in=category.get_descendants_and_self()
        )
        queryset = queryset.filter(Exists(in_category))
    if sector is not None:
        in_sector = ProductCategory.objects.filter(product=OuterRef("pk")).filter(
            Q(category__sector=sector) | Q(category__discipline__sector=sector)
        )
        queryset = queryset.filter(Exists(in_sector))
    if province is not None:
        queryset = queryset.filter(Exists(_records(partner__profile__province=province)))
    if creator is not None:
        queryset = queryset.filter(Exists(_records(partner=creator)))
    if kind:
        queryset = queryset.filter(product_class__slug=kind)
    if price_min is not None:
        queryset = queryset.filter(Exists(_records(price__gte=price_min)))
    if price_max is not None:
        queryset = queryset.filter(Exists(_records(price__lte=price_max)))
    if karfour:
        queryset = queryset.filter(available_at_karfour=True)
    return queryset
