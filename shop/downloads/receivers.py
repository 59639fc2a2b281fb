"""Signal receivers: a paid order part with digital products gets its download links."""

from . import services


def grant_downloads(sender, part, **kwargs):
    services.grant_part_downloads(part)


def revoke_downloads(sender, order, fully, **kwargs):
    if fully:
        services.revoke_order_downloads(order)
