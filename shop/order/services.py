"""What happens to orders after placement: status of each creator's part, payment.

Every function locks the row it changes, is idempotent where a retry is likely (a webhook
sent twice, a double click) and sends its signals and emails after the commit.
"""

import logging
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import emails, signals
from .models import Order, OrderPart, PaymentEventType

logger = logging.getLogger(__name__)
Status = OrderPart.Status

# Stock leaves the shelf when the part is handed over or shipped.
_CONSUMING = {Status.HANDED_OVER, Status.SHIPPED}


def _can_act(user, part):
    if user is None:
        return True  # the system (webhook, management command)
    return user.has_perm("order.change_orderpart") or part.partner.users.filter(pk=user.pk).exists()


def set_part_status(part, new, *, by=None, reason=""):
    """Move ``part`` to ``new``; ``ValidationError`` if the pipeline does not allow it."""
    with transaction.atomic():
        part = OrderPart.objects.select_for_update().select_related("partner").get(pk=part.pk)
        if not _can_act(by, part):
            raise PermissionDenied
        if not part.can_move_to(new):
            raise ValidationError(
                _("This part cannot go from “%(old)s” to “%(new)s”.")
                % {"old": part.get_status_display(), "new": Status(new).label}
            )
        reason = (reason or "").strip()
        if new == Status.CANCELLED and not reason:
            raise ValidationError(_("Say why the part is cancelled."))
        old = part.status
        part.status = new
        part.status_changed_at = timezone.now()
        if new == Status.CANCELLED:
            part.cancel_reason = reason[:300]
        part.save(update_fields=["status", "status_changed_at", "cancel_reason"])
        _move_stock(part, new)
        transaction.on_commit(
            lambda: signals.part_status_changed.send(
                sender=OrderPart, part=part, old=old, new=new, by=by
            )
        )
        transaction.on_commit(lambda: emails.send_status_changed(part, old, new))
    return part


def _move_stock(part, new):
    lines = part.order.lines.filter(partner_id=part.partner_id).select_related(
        "stockrecord", "product__product_class"
    )
    for line in lines:
        record = line.stockrecord
        if record is None or not record.can_track_allocations:
            continue
        if new == Status.CANCELLED and line.num_allocated:
            record.cancel_allocation(line.num_allocated)
            line.num_allocated = 0
            line.allocation_cancelled = True
            line.save(update_fields=["num_allocated", "allocation_cancelled"])
        elif new in _CONSUMING and record.is_allocation_consumption_possible(line.quantity):
            record.consume_allocation(line.quantity)


def mark_part_paid(part, *, by):
    """The creator got the cash for their part. Returns True if it was not paid yet."""
    with transaction.atomic():
        part = OrderPart.objects.select_for_update().select_related("partner").get(pk=part.pk)
        if not _can_act(by, part):
            raise PermissionDenied
        if part.paid_at is not None:
            return False
        if part.status == Status.CANCELLED:
            raise ValidationError(_("A cancelled part cannot be marked paid."))
        part.paid_at = timezone.now()
        part.save(update_fields=["paid_at"])
        order = Order.objects.select_for_update().get(pk=part.order_id)
        if (
            order.paid_at is None
            and not order.parts.filter(paid_at__isnull=True)
            .exclude(status=Status.CANCELLED)
            .exists()
        ):
            order.paid_at = part.paid_at
            order.save(update_fields=["paid_at"])
        transaction.on_commit(lambda: signals.part_paid.send(sender=OrderPart, part=part))
    return True


def mark_order_paid(order, *, method, amount, reference=""):
    """The whole order is paid (card webhook, bank transfer confirmed by staff).

    Idempotent: an order already paid is left alone and False is returned.
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.paid_at is not None:
            return False
        now = timezone.now()
        amount = Decimal(str(amount))
        if amount != order.total_incl_tax:
            logger.warning(
                "Order %s marked paid with %s instead of %s",
                order.number,
                amount,
                order.total_incl_tax,
            )
        order.paid_at = now
        order.payment_reference = (reference or "")[:128]
        if method:
            order.payment_method = method
        order.save(update_fields=["paid_at", "payment_reference", "payment_method"])
        record_payment_event(order, "Paid", amount, reference)
        parts = list(
            OrderPart.objects.select_for_update()
            .filter(order=order, paid_at__isnull=True)
            .exclude(status=Status.CANCELLED)
        )
        for part in parts:
            part.paid_at = now
            part.save(update_fields=["paid_at"])
        for part in parts:
            transaction.on_commit(
                lambda part=part: signals.part_paid.send(sender=OrderPart, part=part)
            )
        transaction.on_commit(lambda: emails.send_order_paid(order))
    return True


def record_payment_event(order, name, amount, reference=""):
    """Write an Oscar ``PaymentEvent`` (``"Paid"``, ``"Refunded"``, ``"Declined"``, ``"Not
    captured"``) on ``order``.

    The only writer of payment events: the order paid (here), a card refund
    (``shop.payment.stripe_gateway.refund``, ``shop.payment.cmi.record_refund``) and each CMI
    card attempt the bank declined or that was approved too late (``shop.payment.cmi``)."""
    event_type, _created = PaymentEventType.objects.get_or_create(name=name)
    return order.payment_events.create(event_type=event_type, amount=amount, reference=reference)


def creator_summary(partner):
    """Numbers for the creator-space summary."""
    return {"new_orders": OrderPart.objects.filter(partner=partner, status=Status.PENDING).count()}
