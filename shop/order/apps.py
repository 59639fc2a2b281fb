import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    """Oscar's order app, with each creator's part of an order (``OrderPart``)."""

    name = "shop.order"
