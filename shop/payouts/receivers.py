"""Signal receivers: a paid order part becomes earnings in the ledger."""

from . import services


def record_earnings(sender, part, **kwargs):
    services.record_part_earnings(part)


def reverse_earnings(sender, order, fully, **kwargs):
    if fully:
        services.reverse_order_earnings(order)
