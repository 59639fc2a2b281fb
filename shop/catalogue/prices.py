"""The stored lowest price of a product (``Product.min_price``), kept right.

Sorting 10,000 products by price used to compute each product's lowest stock-record price
in a subquery before sorting; the stored column is read through an index instead. It is the
lowest non-empty price among the product's stock records whose shop is active, recomputed in
one ``UPDATE`` whenever a stock record is saved or deleted, a shop is saved, or the product
itself is saved (suspending a shop takes its prices out). Bulk writes that send no signal
(``seed_scale``) call ``refresh_min_prices`` themselves; migration 0041 fills existing rows
the same way.

A stock *movement* (Oscar's ``allocate``, ``consume_allocation``, ``cancel_allocation``:
checkout, shipping, cancelling) changes no price and does not rewrite the product. Checkout
holds the stock record's lock; writing the product row there too would take the two rows in
the opposite order to a creator saving the product, then its stock record (a deadlock), and
every order would rewrite a row all visitors read.
"""

from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save

from shop.partner import stock
from shop.partner.models import Partner, StockRecord

from .models import Product


def lowest_price():
    """The lowest price among a product's active stock records (``OuterRef("pk")``)."""
    return Subquery(
        StockRecord.objects.filter(
            product=OuterRef("pk"), partner__is_active=True, price__isnull=False
        )
        .order_by("price")
        .values("price")[:1]
    )


def refresh_min_prices(products=None):
    """Recompute ``min_price`` of ``products`` (a queryset or ids; all when ``None``): one
    ``UPDATE``, no ``save()`` (no signals, no search re-index: the text did not change)."""
    queryset = Product.objects.all()
    if products is not None:
        queryset = queryset.filter(pk__in=products)
    return queryset.update(min_price=lowest_price())


def _stock_record_changed(sender, instance, **kwargs):
    if instance.product_id:
        refresh_min_prices([instance.product_id])


def _stock_record_saved(sender, instance, **kwargs):
    if stock.is_movement(kwargs):  # allocate, consume, cancel: no price changed
        return
    _stock_record_changed(sender, instance, **kwargs)


def _product_saved(sender, instance, raw=False, **kwargs):
    # ``save()`` writes every column, ``min_price`` included, from the instance in memory,
    # which may predate a stock record's change: recompute it from the rows. A restore
    # (``raw``) keeps what was saved; its stock records may not be loaded yet.
    if not raw:
        refresh_min_prices([instance.pk])


def _partner_saved(sender, instance, created, **kwargs):
    if not created:
        refresh_min_prices(StockRecord.objects.filter(partner=instance).values("product_id"))


def connect():
    post_save.connect(_stock_record_saved, sender=StockRecord, dispatch_uid="min_price_save")
    post_delete.connect(_stock_record_changed, sender=StockRecord, dispatch_uid="min_price_del")
    post_save.connect(_partner_saved, sender=Partner, dispatch_uid="min_price_partner")
    post_save.connect(_product_saved, sender=Product, dispatch_uid="min_price_product")
