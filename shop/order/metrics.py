"""The shop's figures for ``/ops/metrics`` (``core.metrics``), read at each scrape, and the
"creator" kind of user for the request logs (``core.requestlog``)."""

from django.db.models import Count, Q
from prometheus_client.core import GaugeMetricFamily

from shop.order.models import Order
from shop.partner.models import Partner


def collect():
    """Orders placed and orders paid, by payment method (totals since the start)."""
    rows = (
        Order.objects.values("payment_method")
        .annotate(placed=Count("id"), paid=Count("id", filter=Q(paid_at__isnull=False)))
        .order_by("payment_method")
    )
    orders = GaugeMetricFamily(
        "takafamap_orders", "Orders placed, by payment method.", labels=["method"]
    )
    payments = GaugeMetricFamily(
        "takafamap_payments", "Orders paid, by payment method.", labels=["method"]
    )
    for row in rows:
        method = row["payment_method"] or "none"
        orders.add_metric([method], row["placed"])
        payments.add_metric([method], row["paid"])
    yield orders
    yield payments


def creator_kind(user):
    """ "creator" for a user with a shop (one query, at the end of a signed-in request)."""
    return "creator" if Partner.objects.filter(users=user).exists() else None
