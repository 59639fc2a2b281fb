"""Oscar's analytics counters (``oscar.apps.analytics``), safe inside a request's transaction.

Every request runs in one transaction (``ATOMIC_REQUESTS``). Oscar counts a product's views,
basket additions and purchases (and a signed-in client's) by updating a ``ProductRecord``
(``UserRecord``) row, and creates the row on the first count. When two requests count for the
first time at once, one ``INSERT`` fails on the unique product (user), and Oscar's fallback
runs its next query in the failed transaction: a 500 on ``basket/add`` or the product page,
or the order not placed. Here the first ``INSERT`` runs in a savepoint, so the fallback
``UPDATE`` works; a checkout also counts its products in product order (the order its stock
records are locked in). Oscar's receivers are replaced by these, which count the same things.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from oscar.apps.analytics import receivers as oscar_receivers
from oscar.apps.basket.signals import basket_addition
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

ProductRecord = get_model("analytics", "ProductRecord")
UserProductView = get_model("analytics", "UserProductView")
UserRecord = get_model("analytics", "UserRecord")


def update_counters(model, lookup, **increments):
    """Add ``increments`` ({field: amount}) to the ``model`` row found by ``lookup``,
    creating it with those values when there is none yet; ``set_values`` are set either way."""
    set_values = increments.pop("set_values", {})
    rows = model.objects.filter(**lookup)
    changes = {name: F(name) + amount for name, amount in increments.items()}
    if rows.update(**changes, **set_values):
        return
    try:
        with transaction.atomic():  # a savepoint: a failed INSERT leaves the request usable
            model.objects.create(**lookup, **increments, **set_values)
    except IntegrityError:  # another transaction created it meanwhile (committed by now)
        rows.update(**changes, **set_values)


def _signed_in(user):
    return user is not None and user.is_authenticated


def on_product_viewed(sender, product, user, **kwargs):
    if kwargs.get("raw", False):
        return
    update_counters(ProductRecord, {"product": product}, num_views=1)
    if _signed_in(user):
        update_counters(UserRecord, {"user": user}, num_product_views=1)
        UserProductView.objects.create(product=product, user=user)


def on_basket_addition(sender, product, user, **kwargs):
    if kwargs.get("raw", False):
        return
    update_counters(ProductRecord, {"product": product}, num_basket_additions=1)
    if _signed_in(user):
        update_counters(UserRecord, {"user": user}, num_basket_additions=1)


def on_order_placed(sender, order, user, **kwargs):
    if kwargs.get("raw", False):
        return
    bought = {}
    for line in order.lines.all():
        if line.product_id is not None:
            bought[line.product_id] = bought.get(line.product_id, 0) + line.quantity
    for product_id in sorted(bought):
        update_counters(ProductRecord, {"product_id": product_id}, num_purchases=bought[product_id])
    if _signed_in(user):
        update_counters(
            UserRecord,
            {"user": user},
            num_orders=1,
            num_order_lines=order.num_lines,
            num_order_items=order.num_items,
            total_spent=order.total_incl_tax,
            set_values={"date_last_order": order.date_placed},
        )


def connect():
    for signal, theirs, ours in (
        (product_viewed, oscar_receivers.receive_product_view, on_product_viewed),
        (basket_addition, oscar_receivers.receive_basket_addition, on_basket_addition),
        (order_placed, oscar_receivers.receive_order_placed, on_order_placed),
    ):
        signal.disconnect(theirs)
        signal.connect(ours, dispatch_uid=f"shop_analytics_{ours.__name__}")
