"""Product querysets for public listings, with a fixed number of SQL queries."""

from django.db.models import Prefetch, Q

from shop.partner.models import StockRecord

from .models import Product


def public_products():
    """Products a visitor may see: public, canonical, sold by an active shop."""
    return (
        Product.objects.browsable()
        .filter(stockrecords__partner__is_active=True)
        .distinct()
        .select_related("product_class")
        .prefetch_related(
            "images",
            "categories",
            Prefetch(
                "stockrecords",
                queryset=StockRecord.objects.select_related(
                    "partner", "partner__profile", "partner__profile__province"
                ),
            ),
        )
    )


def filter_products(queryset, *, q="", category=None, sector=None, province=None, creator=None):
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(description__icontains=q))
    if category is not None:
        queryset = queryset.filter(categories__in=category.get_descendants_and_self())
    if sector is not None:
        queryset = queryset.filter(
            Q(categories__sector=sector) | Q(categories__discipline__sector=sector)
        )
    if province is not None:
        queryset = queryset.filter(stockrecords__partner__profile__province=province)
    if creator is not None:
        queryset = queryset.filter(stockrecords__partner=creator)
    return queryset.distinct()
