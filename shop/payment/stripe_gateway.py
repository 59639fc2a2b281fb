"""Card payments through Stripe: PaymentIntents, refunds and the webhook's event handling.

Card payments are on only when both ``STRIPE_SECRET_KEY`` and ``STRIPE_PUBLISHABLE_KEY`` are
set (``shop.order.payment_methods.card_enabled()``). The flow:

1. the client picks "card" at checkout; the order is placed unpaid and the client lands on
   the card page, which calls ``get_or_create_payment_intent(order)``: one PaymentIntent per
   order (idempotency key derived from the order number and amount; its id is kept as the
   ``reference`` of the order's ``stripe`` payment source, so a reload, a retry or a double
   submit gets the same PaymentIntent back);
2. Stripe's Payment Element confirms the payment in the browser;
3. Stripe calls our webhook; ``handle_event`` records the event once and, for
   ``payment_intent.succeeded`` with the right amount, calls
   ``shop.order.services.mark_order_paid``: the webhook is the only thing that marks a card
   order paid.

The HTTP client is injectable (``HTTP_CLIENT``): tests put a fake ``stripe.HTTPClient`` there
and check the requests we send; nothing here talks to Stripe in tests.
"""

import logging
from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.order.services import mark_order_paid, record_payment_event

from . import signals

logger = logging.getLogger(__name__)

SOURCE_CODE = "stripe"
SOURCE_NAME = "Stripe"
CURRENCY = "mad"  # lowercase ISO code; the Moroccan dirham is a two-decimal currency at Stripe
REFUNDED_EVENT = "Refunded"
PAID_EVENT = "Paid"

# A ``stripe.HTTPClient`` instance to use instead of the library's default (tests set it).
HTTP_CLIENT = None


class PaymentError(Exception):
    """Stripe refused or could not be reached; the message is safe to show."""


def get_client(http_client=None):
    """A ``stripe.StripeClient`` on our secret key; no automatic network retries (our own
    idempotency keys make a manual retry safe)."""
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        http_client=http_client or HTTP_CLIENT,
        max_network_retries=0,
    )


def to_minor_units(amount):
    """MAD amount → centimes (Stripe's ``amount``): ``Decimal("250.50")`` → ``25050``."""
    return int((Decimal(amount) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def from_minor_units(amount):
    return (Decimal(int(amount)) / 100).quantize(Decimal("0.01"))


def intent_idempotency_key(order):
    """The same order at the same amount always asks Stripe for the same PaymentIntent."""
    return f"takafamap-order-{order.number}-{to_minor_units(order.total_incl_tax)}-{CURRENCY}"


def refund_idempotency_key(source, amount):
    """One key per refund step: the same click twice refunds once."""
    already = to_minor_units(source.amount_refunded or 0)
    return f"takafamap-refund-{source.order.number}-{already}-{to_minor_units(amount)}"


def source_type():
    SourceType = get_model("payment", "SourceType")
    kind, _created = SourceType.objects.get_or_create(
        code=SOURCE_CODE, defaults={"name": SOURCE_NAME}
    )
    return kind


def stripe_source(order):
    """The order's Stripe payment source, or ``None``."""
    return order.sources.filter(source_type__code=SOURCE_CODE).order_by("pk").first()


def is_paid(order):
    """Has the webhook confirmed this order's card payment?"""
    source = stripe_source(order)
    return bool(source and source.amount_debited >= order.total_incl_tax > 0)


def get_or_create_payment_intent(order, client=None):
    """The order's PaymentIntent (a ``stripe.PaymentIntent``), created the first time.

    The order row is locked while we look for the stored intent, so two concurrent submits
    cannot both create one; Stripe's idempotency key covers a retry after a lost answer.
    Raises ``PaymentError`` when Stripe refuses or cannot be reached.
    """
    Order = get_model("order", "Order")
    Source = get_model("payment", "Source")
    client = client or get_client()
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        source = stripe_source(order)
        try:
            if source is not None and source.reference:
                return client.v1.payment_intents.retrieve(source.reference)
            intent = client.v1.payment_intents.create(
                params={
                    "amount": to_minor_units(order.total_incl_tax),
                    "currency": CURRENCY,
                    "payment_method_types": ["card"],
                    "description": f"Takafamap {order.number}",
                    "metadata": {"order_number": order.number},
                    **({"receipt_email": order.email} if order.email else {}),
                },
                options={"idempotency_key": intent_idempotency_key(order)},
            )
        except stripe.StripeError as error:
            logger.warning("Stripe refused a PaymentIntent for order %s: %s", order.number, error)
            raise PaymentError(
                _("The card payment service is not available right now. Try again later.")
            ) from error
        Source.objects.create(
            order=order,
            source_type=source_type(),
            currency=order.currency,
            amount_allocated=order.total_incl_tax,
            reference=intent.id,
            label=_("Card"),
        )
        return intent


# --------------------------------------------------------------------------------------
# Webhook events
# --------------------------------------------------------------------------------------
def _order_note(order, message):
    OrderNote = get_model("order", "OrderNote")
    OrderNote.objects.create(order=order, note_type="System", message=message)


def _mark_order_paid(order, *, amount, reference):
    return mark_order_paid(order, method="card", amount=amount, reference=reference)


def handle_event(event):
    """Apply one verified webhook event (a dict) once; returns the recorded ``StripeEvent``.

    The event row is inserted first: if that id was already recorded (a replay, or Stripe
    delivering twice), nothing else happens. Only ``payment_intent.succeeded`` with the
    order's exact amount and currency marks an order paid; a ``payment_failed`` arriving
    after the payment succeeded changes nothing.
    """
    StripeEvent = get_model("payment", "StripeEvent")
    Source = get_model("payment", "Source")
    obj = (event.get("data") or {}).get("object") or {}
    intent_id = obj.get("id", "") if obj.get("object") == "payment_intent" else ""
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = StripeEvent.objects.create(
                    event_id=event["id"],
                    event_type=event.get("type", "")[:100],
                    payment_intent_id=intent_id[:255],
                )
        except IntegrityError:
            return None  # already recorded: a replay has no effect

        if event.get("type") not in ("payment_intent.succeeded", "payment_intent.payment_failed"):
            record.detail = "not handled"
            record.save(update_fields=["detail"])
            return record

        source = (
            Source.objects.select_for_update(of=("self",))
            .select_related("order")
            .filter(source_type__code=SOURCE_CODE, reference=intent_id)
            .first()
            if intent_id
            else None
        )
        metadata_number = (obj.get("metadata") or {}).get("order_number")
        if source is None or (metadata_number and metadata_number != source.order.number):
            record.outcome = StripeEvent.UNKNOWN_ORDER
            record.save(update_fields=["outcome"])
            logger.warning("Stripe event %s names no order of ours", event["id"])
            return record

        order = source.order
        record.order = order
        if event["type"] == "payment_intent.succeeded":
            _apply_success(record, source, order, obj)
        else:
            _apply_failure(record, source, order, obj)
        record.save()
        return record


def _apply_success(record, source, order, intent):
    StripeEvent = type(record)
    expected = to_minor_units(order.total_incl_tax)
    received = intent.get("amount_received") or intent.get("amount")
    if received != expected or (intent.get("currency") or "").lower() != CURRENCY:
        record.outcome = StripeEvent.AMOUNT_MISMATCH
        record.detail = f"expected {expected} {CURRENCY}, got {received} {intent.get('currency')}"
        logger.error("Stripe payment for order %s: %s", order.number, record.detail)
        return
    if source.amount_debited >= order.total_incl_tax:
        record.outcome = StripeEvent.IGNORED
        record.detail = "already paid"
        return
    amount = from_minor_units(received)
    source.debit(amount, reference=intent["id"], status="succeeded")
    if not _mark_order_paid(order, amount=amount, reference=intent["id"]):
        # Paid another way meanwhile (a bank transfer confirmed by staff): the card payment
        # is recorded on the source so staff can see it and refund it.
        record.detail = "order was already paid"
        logger.warning("Card payment for order %s, already paid", order.number)
    record.outcome = StripeEvent.PROCESSED


def _apply_failure(record, source, order, intent):
    StripeEvent = type(record)
    if source.amount_debited > 0:
        record.outcome = StripeEvent.IGNORED
        record.detail = "already paid"
        return
    error = intent.get("last_payment_error") or {}
    reason = (error.get("message") or error.get("code") or "")[:200]
    _order_note(order, _("Card payment failed. %(reason)s") % {"reason": reason})
    record.outcome = StripeEvent.PROCESSED
    record.detail = reason


# --------------------------------------------------------------------------------------
# Refunds (staff)
# --------------------------------------------------------------------------------------
def refund(source, amount=None, client=None):
    """Refund ``amount`` (default: all that is left) of a card payment through Stripe.

    Records the refund on the source and as a "Refunded" payment event of the order.
    Raises ``PaymentError`` when there is nothing to refund or Stripe refuses.
    """
    Source = get_model("payment", "Source")
    client = client or get_client()
    with transaction.atomic():
        source = (
            Source.objects.select_for_update(of=("self",))
            .select_related("order", "source_type")
            .get(pk=source.pk)
        )
        refundable = source.amount_debited - source.amount_refunded
        amount = refundable if amount is None else Decimal(amount)
        if source.source_type.code != SOURCE_CODE or not source.reference:
            raise PaymentError(_("This is not a card payment."))
        if amount <= 0 or amount > refundable:
            raise PaymentError(_("Nothing is left to refund on this payment."))
        try:
            stripe_refund = client.v1.refunds.create(
                params={
                    "payment_intent": source.reference,
                    "amount": to_minor_units(amount),
                    "metadata": {"order_number": source.order.number},
                },
                options={"idempotency_key": refund_idempotency_key(source, amount)},
            )
        except stripe.StripeError as error:
            logger.warning("Stripe refused a refund for order %s: %s", source.order.number, error)
            raise PaymentError(
                _("Stripe refused the refund: %(message)s")
                % {"message": getattr(error, "user_message", None) or str(error)}
            ) from error
        source.refund(amount, reference=stripe_refund.id, status=stripe_refund.status or "")
        record_payment_event(source.order, REFUNDED_EVENT, amount, stripe_refund.id)
        fully = source.amount_refunded >= source.amount_debited
        order = source.order
        transaction.on_commit(
            lambda: signals.order_refunded.send(
                sender=type(source), order=order, amount=amount, fully=fully
            )
        )
        _order_note(
            source.order,
            _("Card payment refunded: %(amount)s MAD (%(reference)s).")
            % {"amount": amount, "reference": stripe_refund.id},
        )
        return stripe_refund
