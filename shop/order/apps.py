import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    """Oscar's order app, with each creator's part of an order (``OrderPart``)."""

    name = "shop.order"

    def ready(self):
        super().ready()
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from core import health, metrics, requestlog

        from . import metrics as order_metrics
        from . import payment_methods

        health.register("payments", payment_methods.health)  # /healthz: methods on
        metrics.register_collector(order_metrics.collect)  # /ops/metrics: orders, payments
        requestlog.register_user_kind(order_metrics.creator_kind)  # request logs: "creator"
