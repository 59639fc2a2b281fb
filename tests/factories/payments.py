"""Placed orders for the payment, payouts and downloads tests, and a fake Stripe API.

``placed_order`` writes an order as checkout leaves it (unpaid, one part per creator, lines
carrying their creator) without going through the basket. ``FakeStripe`` is a
``stripe.HTTPClient`` answering with Stripe-shaped JSON and recording what we sent.
"""

import itertools
import json
from decimal import Decimal
from urllib.parse import parse_qs

import stripe
from django.utils import timezone

from shop.order.models import Line, Order, OrderPart

from .catalogue import ProductFactory

_numbers = itertools.count(100_001)


def placed_order(
    items=None,
    *,
    user=None,
    guest_email="client@example.ma",
    payment_method="card",
    fulfilment=OrderPart.Fulfilment.HUB_PICKUP,
    delivery_fee=Decimal("0"),
):
    """An unpaid order of ``items`` — ``[(product, quantity)]``, one new product by default.

    Prices come from each product's stock record; one ``OrderPart`` per creator.
    """
    if items is None:
        items = [(ProductFactory(price=Decimal("250.00")), 1)]
    number = str(next(_numbers))
    lines_total = Decimal("0")
    rows = []
    for product, quantity in items:
        record = product.stockrecords.first()
        price = record.price * quantity
        lines_total += price
        rows.append((product, quantity, record, price))
    partners = {record.partner for _product, _quantity, record, _price in rows}
    total = lines_total + delivery_fee * len(partners)
    order = Order.objects.create(
        number=number,
        user=user,
        guest_email="" if user else guest_email,
        currency="MAD",
        total_incl_tax=total,
        total_excl_tax=total,
        shipping_incl_tax=Decimal("0"),
        shipping_excl_tax=Decimal("0"),
        date_placed=timezone.now(),
        payment_method=payment_method,
    )
    for product, quantity, record, price in rows:
        Line.objects.create(
            order=order,
            partner=record.partner,
            partner_name=record.partner.name,
            partner_sku=record.partner_sku,
            stockrecord=record,
            product=product,
            title=product.title,
            upc=product.upc or "",
            quantity=quantity,
            line_price_incl_tax=price,
            line_price_excl_tax=price,
            line_price_before_discounts_incl_tax=price,
            line_price_before_discounts_excl_tax=price,
            unit_price_incl_tax=record.price,
            unit_price_excl_tax=record.price,
            num_allocated=quantity,
        )
    for partner in sorted(partners, key=lambda p: p.pk):
        subtotal = sum(price for _p, _q, record, price in rows if record.partner == partner)
        OrderPart.objects.create(
            order=order,
            partner=partner,
            fulfilment=fulfilment,
            subtotal=subtotal,
            delivery_fee=delivery_fee,
        )
    return order


class FakeStripe(stripe.HTTPClient):
    """Stripe's API at the HTTP boundary: PaymentIntents (create, retrieve) and Refunds.

    Every request is kept in ``requests`` as ``(method, path, headers, params)``. Like
    Stripe, a repeated idempotency key returns the first answer. ``fail_with`` makes the
    next calls answer that HTTP status with a Stripe error body.
    """

    name = "fake"

    def __init__(self):
        super().__init__()
        self.requests = []
        self.intents = {}
        self.refunds = {}
        self.by_key = {}
        self.fail_with = None

    # --- helpers for tests ---------------------------------------------------------
    def posts(self, path_prefix):
        return [r for r in self.requests if r[0] == "post" and r[1].startswith(path_prefix)]

    def intent(self, intent_id):
        return self.intents[intent_id]

    # --- stripe.HTTPClient ---------------------------------------------------------
    def request(self, method, url, headers, post_data=None, *, _usage=None):
        path = url.split("api.stripe.com", 1)[-1].split("?", 1)[0]
        params = {k: v[0] for k, v in parse_qs(post_data or "").items()}
        self.requests.append((method, path, dict(headers or {}), params))
        if self.fail_with:
            body = {"error": {"type": "api_error", "message": "Something went wrong"}}
            return json.dumps(body), self.fail_with, {}
        key = (headers or {}).get("Idempotency-Key")
        if method == "post" and key and key in self.by_key:
            return self.by_key[key], 200, {"idempotent-replayed": "true"}
        status, body = self._answer(method, path, params)
        if method == "post" and key and status == 200:
            self.by_key[key] = body
        return body, status, {"request-id": f"req_{len(self.requests)}"}

    def _answer(self, method, path, params):
        if method == "post" and path == "/v1/payment_intents":
            intent_id = f"pi_test_{len(self.intents) + 1:04d}"
            intent = {
                "id": intent_id,
                "object": "payment_intent",
                "amount": int(params["amount"]),
                "amount_received": 0,
                "currency": params["currency"],
                "status": "requires_payment_method",
                "client_secret": f"{intent_id}_secret_abc",
                "metadata": {
                    k[len("metadata[") : -1]: v
                    for k, v in params.items()
                    if k.startswith("metadata[")
                },
                "livemode": False,
            }
            self.intents[intent_id] = intent
            return 200, json.dumps(intent)
        if method == "get" and path.startswith("/v1/payment_intents/"):
            intent_id = path.rsplit("/", 1)[-1]
            if intent_id not in self.intents:
                error = {"error": {"type": "invalid_request_error", "code": "resource_missing"}}
                return 404, json.dumps(error)
            return 200, json.dumps(self.intents[intent_id])
        if method == "post" and path == "/v1/refunds":
            refund_id = f"re_test_{len(self.refunds) + 1:04d}"
            refund = {
                "id": refund_id,
                "object": "refund",
                "amount": int(params["amount"]),
                "currency": "mad",
                "payment_intent": params["payment_intent"],
                "status": "succeeded",
            }
            self.refunds[refund_id] = refund
            return 200, json.dumps(refund)
        return 404, json.dumps({"error": {"type": "invalid_request_error"}})


def intent_event(intent, event_type="payment_intent.succeeded", *, event_id=None, **changes):
    """A Stripe event (dict) about ``intent`` (the fake's intent dict), as Stripe sends it."""
    obj = {**intent, **changes}
    if event_type == "payment_intent.succeeded":
        obj.setdefault("status", "succeeded")
        obj["status"] = changes.get("status", "succeeded")
        obj["amount_received"] = changes.get("amount_received", obj["amount"])
    return {
        "id": event_id or f"evt_{next(_numbers)}",
        "object": "event",
        "api_version": "2025-01-27.acacia",
        "created": int(timezone.now().timestamp()),
        "livemode": False,
        "type": event_type,
        "data": {"object": obj},
    }
