"""Card payments through CMI (Centre Monétique Interbancaire), Morocco's card gateway.

On only when ``CMI_CLIENT_ID``, ``CMI_STORE_KEY`` and ``CMI_GATEWAY_URL`` are set
(``shop.order.payment_methods.cmi_enabled()``). The flow:

1. the client picks "card" (CMI) at checkout; the order is placed unpaid with Oscar status
   ``Order.AWAITING_CARD_PAYMENT`` and the client lands on ``views.CmiPayView``, which asks
   ``start_payment(order)`` for an attempt (``CmiPayment``; its ``oid`` is the order number
   and the attempt's rank) and posts the signed form (``payment_form``) to the gateway;
2. the client pays on CMI's page (3-D Secure);
3. the gateway calls our ``callbackUrl`` server to server and sends the browser back to
   ``okUrl`` / ``failUrl`` with the same signed fields, in any order, maybe several times.
   Both go through ``handle_notification``: hash checked in constant time, attempt row locked
   (``select_for_update``; SQLite serialises writers), amount and order checked, then the
   first approved answer marks the order paid through ``shop.order.services.mark_order_paid``
   ("Paid" payment event) and every later one is a replay with no effect. Each call is kept
   as a ``CmiNotification``; a declined attempt is a "Declined" payment event.
4. We answer the callback in plain text: ``ACTION=POSTAUTH`` (capture an approved payment),
   ``APPROVED`` (acknowledged, nothing captured: a decline, or an approval for an order that
   expired or was already paid) or ``FAILURE`` (bad hash, unknown order, wrong amount: the
   gateway tries again).

An unpaid order releases its stock after ``CMI_PAYMENT_TIMEOUT_MINUTES``
(``release_expired_orders``, run by the ``release_unpaid_card_orders`` command). Refunds are
made in CMI's merchant back office and recorded here by staff (``record_refund``), which
reverses the creators' earnings like a Stripe refund.

Hash version 3 (``compute_hash``): every parameter except ``hash`` and ``encoding``, sorted by
name without regard to case; each value with ``\\`` escaped as ``\\\\`` and ``|`` as ``\\|``;
joined with ``|``; then ``|`` and the escaped store key; SHA-512; base64.
"""

import base64
import hashlib
import hmac
import logging
import secrets
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.order.models import Order, OrderPart, PaymentMethod
from shop.order.services import mark_order_paid, record_payment_event, set_part_status

from . import signals
from .models import CmiNotification, CmiPayment, CmiRefund

logger = logging.getLogger(__name__)

SOURCE_CODE = "cmi"
SOURCE_NAME = "CMI"
CURRENCY = "504"  # ISO 4217 numeric code of the Moroccan dirham
STORE_TYPE = "3D_PAY_HOSTING"
HASH_ALGORITHM = "ver3"
APPROVED_CODE = "00"
EXCLUDED_FROM_HASH = {"hash", "encoding"}

PAID_EVENT = "Paid"
DECLINED_EVENT = "Declined"
NOT_CAPTURED_EVENT = "Not captured"
REFUNDED_EVENT = "Refunded"

CAPTURE = "ACTION=POSTAUTH"
ACKNOWLEDGE = "APPROVED"
FAILURE = "FAILURE"

Status = CmiPayment.Status
Outcome = CmiNotification.Outcome
CENT = Decimal("0.01")


class PaymentError(Exception):
    """A refund that cannot be recorded; the message is safe to show."""


# --------------------------------------------------------------------------------------
# Hash (version 3)
# --------------------------------------------------------------------------------------
def escape(value):
    return str(value).replace("\\", "\\\\").replace("|", "\\|")


def hash_plaintext(fields, store_key):
    """The string hashed: the escaped values sorted by parameter name (case ignored)."""
    names = sorted(
        (name for name in fields if name.lower() not in EXCLUDED_FROM_HASH),
        key=lambda name: (name.lower(), name),
    )
    return "|".join([*(escape(fields[name]) for name in names), escape(store_key)])


def compute_hash(fields, store_key):
    digest = hashlib.sha512(hash_plaintext(fields, store_key).encode("utf-8")).digest()
    return base64.b64encode(digest).decode("ascii")


def verify_hash(fields, store_key):
    """Is the gateway's ``HASH`` (any case of the name) right? Compared in constant time."""
    received = next(
        (value for name, value in fields.items() if name.lower() == "hash" and value), ""
    )
    if not received or not store_key:
        return False
    expected = compute_hash(fields, store_key)
    return hmac.compare_digest(expected.encode("ascii"), str(received).encode("utf-8"))


# --------------------------------------------------------------------------------------
# The form sent to the gateway
# --------------------------------------------------------------------------------------
def gateway_url():
    return settings.CMI_GATEWAY_URL


def format_amount(amount):
    return f"{Decimal(amount).quantize(CENT)}"


def parse_amount(value):
    try:
        return Decimal(str(value).strip().replace(",", ".")).quantize(CENT)
    except (InvalidOperation, ValueError):
        return None


def payable(order):
    """May the client (still) pay this order through CMI?"""
    return (
        order.payment_method == PaymentMethod.CMI
        and order.paid_at is None
        and order.status != Order.CARD_PAYMENT_EXPIRED
        and order.total_incl_tax > 0
    )


def source_type():
    SourceType = get_model("payment", "SourceType")
    kind, _created = SourceType.objects.get_or_create(
        code=SOURCE_CODE, defaults={"name": SOURCE_NAME}
    )
    return kind


def cmi_source(order):
    return order.sources.filter(source_type__code=SOURCE_CODE).order_by("pk").first()


def latest_payment(order):
    return order.cmi_payments.order_by("-pk").first()


def start_payment(order, language="fr"):
    """The attempt to send to the gateway: the latest one while it waits for the bank, else
    a new one (after a decline or an abandon). ``None`` if the order cannot be paid."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if not payable(order):
            return None
        attempts = list(order.cmi_payments.order_by("pk"))
        if attempts and attempts[-1].status == Status.PENDING:
            attempt = attempts[-1]
            if attempt.amount == order.total_incl_tax:
                if attempt.language != language:
                    attempt.language = language
                    attempt.save(update_fields=["language", "updated_at"])
                return attempt
            attempt.status = Status.ABANDONED
            attempt.save(update_fields=["status", "updated_at"])
        attempt = CmiPayment.objects.create(
            order=order,
            oid=f"{order.number}-{len(attempts) + 1}",
            amount=order.total_incl_tax,
            language=language,
        )
        if cmi_source(order) is None:
            Source = get_model("payment", "Source")
            Source.objects.create(
                order=order,
                source_type=source_type(),
                currency=order.currency,
                amount_allocated=order.total_incl_tax,
                label=_("Card (CMI)"),
            )
        return attempt


def payment_form(attempt, *, ok_url, fail_url, callback_url, shop_url):
    """The fields of the form the client's browser posts to the gateway, signed."""
    order = attempt.order
    email = order.email or ""
    fields = {
        "clientid": settings.CMI_CLIENT_ID,
        "oid": attempt.oid,
        "amount": format_amount(attempt.amount),
        "currency": CURRENCY,
        "okUrl": ok_url,
        "failUrl": fail_url,
        "callbackUrl": callback_url,
        "shopurl": shop_url,
        "TranType": settings.CMI_TRAN_TYPE,
        "storetype": STORE_TYPE,
        "hashAlgorithm": HASH_ALGORITHM,
        "lang": attempt.language if attempt.language in ("fr", "ar", "en") else "fr",
        "rnd": secrets.token_hex(10),
        "BillToName": (order.contact_name or email)[:100],
        "email": email,
        "tel": str(order.contact_phone or ""),
        "encoding": "UTF-8",
    }
    fields["hash"] = compute_hash(fields, settings.CMI_STORE_KEY)
    return fields


# --------------------------------------------------------------------------------------
# Callback and browser return
# --------------------------------------------------------------------------------------
def _field(fields, name):
    value = fields.get(name)
    if value is None:  # the gateway's capitalisation varies between fields and versions
        value = next((v for k, v in fields.items() if k.lower() == name.lower()), "")
    return str(value or "")


def _order_note(order, message):
    OrderNote = get_model("order", "OrderNote")
    OrderNote.objects.create(order=order, note_type="System", message=message)


# The client's contact details echoed by the gateway are not kept with each call (law 09-08:
# the order already holds them).
PERSONAL_FIELDS = ("email", "tel", "billto", "shipto")


def _log(channel, fields, *, outcome, answer, hash_valid, payment=None):
    kept = {
        str(k)[:64]: str(v)[:255]
        for k, v in list(fields.items())[:80]
        if not str(k).lower().startswith(PERSONAL_FIELDS)
    }
    return CmiNotification.objects.create(
        payment=payment,
        channel=channel,
        oid=_field(fields, "oid")[:64],
        trans_id=_field(fields, "TransId")[:64],
        proc_return_code=_field(fields, "ProcReturnCode")[:8],
        hash_valid=hash_valid,
        outcome=outcome,
        answer=answer,
        fields=kept,
    )


def _fill(attempt, fields):
    attempt.trans_id = _field(fields, "TransId")[:64]
    attempt.auth_code = _field(fields, "AuthCode")[:32]
    attempt.proc_return_code = _field(fields, "ProcReturnCode")[:8]
    attempt.response = (_field(fields, "ErrMsg") or _field(fields, "Response"))[:255]
    attempt.card_brand = _field(fields, "EXTRA.CARDBRAND")[:32]
    attempt.masked_pan = _field(fields, "MaskedPan")[:32]
    attempt.settled_at = timezone.now()


def handle_notification(fields, channel):
    """Apply one call from the gateway; returns ``(notification, answer)``.

    ``fields`` is the form the gateway posted (callback) or the browser carried (return).
    Exactly once: the attempt row is locked, and only a still-open attempt changes.
    """
    fields = {str(k): str(v) for k, v in fields.items()}
    if not verify_hash(fields, settings.CMI_STORE_KEY):
        logger.warning("CMI %s refused: bad hash (oid %r)", channel, _field(fields, "oid"))
        return _log(channel, fields, outcome=Outcome.FORGED, answer=FAILURE, hash_valid=False), (
            FAILURE
        )
    with transaction.atomic():
        attempt = (
            CmiPayment.objects.select_for_update()
            .filter(oid=_field(fields, "oid"), oid__gt="")
            .first()
        )
        if attempt is None or _field(fields, "clientid") not in ("", settings.CMI_CLIENT_ID):
            logger.warning("CMI %s names no order of ours: %r", channel, _field(fields, "oid"))
            note = _log(
                channel, fields, outcome=Outcome.UNKNOWN_ORDER, answer=FAILURE, hash_valid=True
            )
            return note, FAILURE
        order = Order.objects.select_for_update().get(pk=attempt.order_id)
        outcome, answer = _apply(attempt, order, fields)
        note = _log(
            channel, fields, outcome=outcome, answer=answer, hash_valid=True, payment=attempt
        )
        return note, answer


def _apply(attempt, order, fields):
    amount = parse_amount(_field(fields, "amount"))
    currency = _field(fields, "currency")
    if amount != attempt.amount or (currency and currency != CURRENCY):
        logger.error(
            "CMI payment %s: amount %s %s instead of %s",
            attempt.oid,
            _field(fields, "amount"),
            currency,
            attempt.amount,
        )
        return Outcome.AMOUNT_MISMATCH, FAILURE

    approved = _field(fields, "ProcReturnCode") == APPROVED_CODE
    if attempt.status == Status.APPROVED:
        return (Outcome.REPLAY, CAPTURE) if approved else (Outcome.IGNORED, ACKNOWLEDGE)
    if attempt.status == Status.NOT_CAPTURED:
        return (Outcome.REPLAY if approved else Outcome.IGNORED), ACKNOWLEDGE
    if not approved:
        if attempt.status == Status.DECLINED:
            return Outcome.REPLAY, ACKNOWLEDGE
        _fill(attempt, fields)
        attempt.status = Status.DECLINED
        attempt.save()
        record_payment_event(order, DECLINED_EVENT, attempt.amount, attempt.trans_id or attempt.oid)
        _order_note(
            order,
            _("Card payment declined (CMI %(oid)s): %(reason)s")
            % {"oid": attempt.oid, "reason": attempt.response or attempt.proc_return_code},
        )
        return Outcome.DECLINED, ACKNOWLEDGE

    # Approved by the bank, first time we hear of it (a declined or abandoned attempt may
    # still turn out approved: the signed approval wins).
    _fill(attempt, fields)
    if (
        order.paid_at is not None
        or order.status == Order.CARD_PAYMENT_EXPIRED
        or attempt.amount != order.total_incl_tax
    ):
        attempt.status = Status.NOT_CAPTURED
        attempt.save()
        record_payment_event(order, NOT_CAPTURED_EVENT, attempt.amount, attempt.trans_id)
        _order_note(
            order,
            _(
                "CMI approved payment %(trans)s was not captured: the order was already paid "
                "or had expired."
            )
            % {"trans": attempt.trans_id},
        )
        logger.warning("CMI approval for order %s not captured", order.number)
        return Outcome.NOT_CAPTURED, ACKNOWLEDGE

    attempt.status = Status.APPROVED
    attempt.save()
    source = cmi_source(order)
    if source is not None:
        source.debit(attempt.amount, reference=attempt.trans_id, status="approved")
        if not source.reference:
            source.reference = attempt.trans_id
            source.save(update_fields=["reference"])
    mark_order_paid(
        order, method=PaymentMethod.CMI, amount=attempt.amount, reference=attempt.trans_id
    )
    order.refresh_from_db(fields=["status"])
    if order.status == Order.AWAITING_CARD_PAYMENT:
        order.status = ""
        order.save(update_fields=["status"])
    return Outcome.PAID, CAPTURE


# --------------------------------------------------------------------------------------
# Unpaid orders: switch to another method, or release after the time limit
# --------------------------------------------------------------------------------------
def switch_method(order, method):
    """The client gives up the card and pays cash or by transfer instead. False if the
    order is paid meanwhile (an approval arrived) or is no longer a card order."""
    with transaction.atomic():
        list(CmiPayment.objects.select_for_update().filter(order_id=order.pk))
        order = Order.objects.select_for_update().get(pk=order.pk)
        if not payable(order):
            return False
        order.cmi_payments.filter(status=Status.PENDING).update(status=Status.ABANDONED)
        order.payment_method = method
        order.status = ""
        order.save(update_fields=["payment_method", "status"])
        _order_note(
            order,
            _("The client switched from card to: %(method)s")
            % {"method": PaymentMethod(method).label},
        )
        return True


def expired_orders(now=None):
    limit = (now or timezone.now()) - timedelta(minutes=settings.CMI_PAYMENT_TIMEOUT_MINUTES)
    return Order.objects.filter(
        payment_method=PaymentMethod.CMI,
        paid_at__isnull=True,
        status=Order.AWAITING_CARD_PAYMENT,
        date_placed__lt=limit,
    ).order_by("pk")


def release_order(order):
    """Give an unpaid card order's stock back; True if it was released.

    Locks the order's attempts, then the order (the callback's order of locks), so an
    approval arriving at the same moment either pays the order first or finds it expired
    (and is then not captured)."""
    with transaction.atomic():
        attempts = list(CmiPayment.objects.select_for_update().filter(order_id=order.pk))
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.paid_at is not None or order.status != Order.AWAITING_CARD_PAYMENT:
            return False
        if any(attempt.status == Status.APPROVED for attempt in attempts):
            return False
        order.cmi_payments.filter(status=Status.PENDING).update(status=Status.ABANDONED)
        order.status = Order.CARD_PAYMENT_EXPIRED
        order.save(update_fields=["status"])
        reason = _("The card payment was not made in time.")
        for part in order.parts.exclude(
            status__in=[OrderPart.Status.CANCELLED, OrderPart.Status.COMPLETED]
        ):
            try:
                set_part_status(part, OrderPart.Status.CANCELLED, reason=reason)
            except ValidationError:
                logger.warning("Order %s: part %s could not be cancelled", order.number, part.pk)
        _order_note(order, reason)
        return True


def release_expired_orders(now=None):
    """Release every card order unpaid after the time limit; returns the order numbers."""
    released = []
    for order in expired_orders(now):
        if release_order(order):
            released.append(order.number)
    return released


# --------------------------------------------------------------------------------------
# Refunds (made in CMI's back office, recorded by staff)
# --------------------------------------------------------------------------------------
def record_refund(payment, *, amount, reference, by=None):
    """Record a refund staff made in CMI's merchant back office; returns the ``CmiRefund``.

    Raises ``PaymentError`` for an amount above what is left, a payment not approved, or a
    reference already recorded. Sends ``order_refunded`` (the payouts ledger reverses the
    creators' earnings on a full refund), like a Stripe refund."""
    reference = (reference or "").strip()[:64]
    if not reference:
        raise PaymentError(_("Give the refund's reference from the CMI back office."))
    try:
        amount = Decimal(amount).quantize(CENT)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise PaymentError(_("Enter a valid amount.")) from error
    Source = get_model("payment", "Source")
    with transaction.atomic():
        payment = CmiPayment.objects.select_for_update().select_related("order").get(pk=payment.pk)
        if payment.status != Status.APPROVED:
            raise PaymentError(_("Only an approved card payment can be refunded."))
        if amount <= 0 or amount > payment.amount - payment.amount_refunded:
            raise PaymentError(_("Nothing is left to refund on this payment."))
        try:
            with transaction.atomic():
                refund = CmiRefund.objects.create(
                    payment=payment, amount=amount, reference=reference, recorded_by=by
                )
        except IntegrityError as error:
            raise PaymentError(_("This refund reference is already recorded.")) from error
        payment.amount_refunded += amount
        payment.save(update_fields=["amount_refunded", "updated_at"])
        order = payment.order
        source = (
            Source.objects.select_for_update(of=("self",))
            .filter(order=order, source_type__code=SOURCE_CODE)
            .first()
        )
        if source is not None:
            source.refund(amount, reference=reference, status="refunded")
        record_payment_event(order, REFUNDED_EVENT, amount, reference)
        fully = payment.amount_refunded >= payment.amount
        transaction.on_commit(
            lambda: signals.order_refunded.send(
                sender=CmiPayment, order=order, amount=amount, fully=fully
            )
        )
        _order_note(
            order,
            _("Card payment refunded: %(amount)s MAD (%(reference)s).")
            % {"amount": amount, "reference": reference},
        )
        return refund
