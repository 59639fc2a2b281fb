"""Which stock movements change what public pages show (the page cache's invalidation).

Every placed order allocates stock (Oscar's ``StockRecord.allocate``; shipping consumes it,
cancelling releases it), and each used to bump the page cache's generation, emptying every
stored page and fragment while orders came in. Public pages show a product's availability
(cards: "in stock" or "unavailable") and, on its own page, the number left. So a movement
bumps the generation only when the number left is, before or after it, at most
``PAGE_CACHE_EXACT_STOCK_BELOW`` (default 10): availability changes (crossing zero) and low
counts show at once; above that, a product page may show a count a few units high until its
stored copy expires (``PAGE_CACHE_SECONDS``), and adding more than is left to the basket is
still refused. Any other save of a stock record (price, stock set by the creator) or a new
or deleted one still bumps.
"""

from django.conf import settings
from django.db.models.signals import pre_save

DEFAULT_EXACT_BELOW = 10


def _exact_below():
    return getattr(settings, "PAGE_CACHE_EXACT_STOCK_BELOW", DEFAULT_EXACT_BELOW)


def is_movement(kwargs):
    # Oscar's stock methods send pre_save and post_save themselves, without update_fields;
    # Django's own save() always passes it (None when saving every field).
    return "update_fields" not in kwargs and not kwargs.get("created")


def remember_level(sender, instance, **kwargs):
    if is_movement(kwargs):
        instance._net_stock_before = instance.net_stock_level


def unseen_movement(instance, **kwargs):
    """Whether this save is a stock movement public pages do not show."""
    before = instance.__dict__.pop("_net_stock_before", None)
    if not is_movement(kwargs) or before is None or instance.num_in_stock is None:
        return False
    return min(before, instance.net_stock_level) > _exact_below()


def connect(stock_record_model):
    pre_save.connect(
        remember_level, sender=stock_record_model, dispatch_uid="pagecache_stock", weak=False
    )
