"""Checkout's signals → quote states (see ``services``).

Oscar's ``order_placed`` links the order to its quotes. ``shop.order.signals`` (the checkout
fork) sends ``part_paid`` and ``part_status_changed`` after commit; until that module exists
those two are simply not connected.
"""

import importlib

from oscar.apps.order.signals import order_placed

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
    try:
        signals = importlib.import_module("shop.order.signals")
    except ImportError:
        return
    if hasattr(signals, "part_paid"):
        signals.part_paid.connect(on_part_paid, dispatch_uid="quotes.part_paid")
    if hasattr(signals, "part_status_changed"):
        signals.part_status_changed.connect(
            on_part_status_changed, dispatch_uid="quotes.part_status_changed"
        )
