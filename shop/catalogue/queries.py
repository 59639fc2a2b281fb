"""Product querysets for public listings, with a fixed number of SQL queries.

Filters on related rows (the shop, its profile's province, the price, the categories) are
``EXISTS`` subqueries rather than joins: a product never appears twice, so no ``DISTINCT``
is needed and the database can walk the product table in index order (newest first) and
stop after one page, which keeps the catalogue fast at 10,000 products.
"""

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce

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


def with_availability(queryset):
    """Annotate ``available``: a visitor can order it now (a service or digital product, or
    a physical one with units left that are not allocated to orders, from a shop that is
    not on vacation). Listings put what cannot be bought after what can."""
    in_stock = (
        _records(partner__is_active=True, partner__on_vacation=False)
        .annotate(net=F("num_in_stock") - Coalesce("num_allocated", 0))
        .filter(net__gt=0)
    )
    open_shop = _records(partner__is_active=True, partner__on_vacation=False)
    return queryset.annotate(
        available=ExpressionWrapper(
            (Q(product_class__track_stock=False) & Exists(open_shop)) | Exists(in_stock),
            output_field=BooleanField(),
        )
    )


def with_min_price(queryset):
    """Annotate ``min_price``: the lowest price among the product's active stock records."""
    lowest = (
        _records(partner__is_active=True, price__isnull=False).order_by("price").values("price")
    )
    return queryset.annotate(min_price=Subquery(lowest[:1]))


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
