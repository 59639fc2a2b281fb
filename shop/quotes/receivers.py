"""Checkout's signals → quote states (see ``services``).

Oscar's ``order_placed`` links the order to its quotes. ``shop.order.signals`` sends
``part_paid`` and ``part_status_changed`` after commit.
"""

from oscar.apps.order.signals import order_placed

from shop.order import signals

from . import services


def on_order_placed(sender, order, **kwargs):
    services.link_order(order)


def on_part_paid(sender, part, **kwargs):
    services.mark_part_paid(part)


def on_part_status_changed(sender, part, old=None, new=None, **kwargs):
    if new == "completed":
        services.mark_part_completed(part)
    elif new == "cancelled":
        services.release_cancelled_part(part)


def connect():
    order_placed.connect(on_order_placed, dispatch_uid="quotes.order_placed")
    signals.part_paid.connect(on_part_paid, dispatch_uid="quotes.part_paid")
    signals.part_status_changed.connect(
        on_part_status_changed, dispatch_uid="quotes.part_status_changed"
    )
