import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    """Oscar's order app, with each creator's part of an order (``OrderPart``)."""

    name = "shop.order"

    def ready(self):
        super().ready()
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from core import health

        from . import payment_methods

        health.register("payments", payment_methods.health)  # /healthz: methods on
