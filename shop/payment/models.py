"""Payment models: Oscar's sources and transactions, and the Stripe webhook events we received.

A card order has one ``Source`` of type ``stripe`` whose ``reference`` is the PaymentIntent id
(see ``stripe_gateway``). Each webhook event is recorded once (``StripeEvent.event_id`` is
unique), so a replayed event has no effect.

A CMI card payment is a ``CmiPayment`` per attempt (``shop.payment.cmi``), every call from
the gateway a ``CmiNotification``, and a refund made in CMI's back office a ``CmiRefund``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StripeEvent(models.Model):
    """A Stripe webhook event, recorded once, with what we did with it."""

    PROCESSED = "processed"
    IGNORED = "ignored"
    UNKNOWN_ORDER = "unknown_order"
    AMOUNT_MISMATCH = "amount_mismatch"
    OUTCOMES = [
        (PROCESSED, _("processed")),
        (IGNORED, _("ignored")),
        (UNKNOWN_ORDER, _("unknown order")),
        (AMOUNT_MISMATCH, _("amount mismatch")),
    ]

    event_id = models.CharField(_("event id"), max_length=255, unique=True)
    event_type = models.CharField(_("type"), max_length=100)
    payment_intent_id = models.CharField(_("PaymentIntent"), max_length=255, blank=True)
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stripe_events",
        verbose_name=pgettext_lazy("purchase", "order"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=OUTCOMES, default=IGNORED)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.event_type} {self.event_id}"


class CmiPayment(models.Model):
    """One attempt to pay an order through CMI's hosted payment page (``shop.payment.cmi``).

    ``oid`` is the reference sent to the gateway (the order number and the attempt's rank);
    a retry after a declined or abandoned attempt is a new row. Only a callback or return
    whose hash verifies changes ``status``, under a row lock, once.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the bank")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        ABANDONED = "abandoned", _("Abandoned")
        NOT_CAPTURED = "not_captured", _("Approved, not captured (order expired or paid)")

    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        related_name="cmi_payments",
        verbose_name=pgettext_lazy("purchase", "order"),
    )
    oid = models.CharField(_("CMI order reference"), max_length=64, unique=True)
    amount = models.DecimalField(_("amount (MAD)"), max_digits=12, decimal_places=2)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    trans_id = models.CharField(_("TransId"), max_length=64, blank=True, db_index=True)
    auth_code = models.CharField(_("authorisation code"), max_length=32, blank=True)
    proc_return_code = models.CharField(_("return code"), max_length=8, blank=True)
    response = models.CharField(_("gateway response"), max_length=255, blank=True)
    card_brand = models.CharField(_("card brand"), max_length=32, blank=True)
    masked_pan = models.CharField(_("card number"), max_length=32, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    amount_refunded = models.DecimalField(
        _("refunded (MAD)"), max_digits=12, decimal_places=2, default=0
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    settled_at = models.DateTimeField(_("answered by the bank"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("CMI card payment")
        verbose_name_plural = _("CMI card payments")

    def __str__(self):
        return f"{self.oid} · {self.get_status_display()}"

    @property
    def refundable(self):
        if self.status != self.Status.APPROVED:
            return 0
        return self.amount - self.amount_refunded


class CmiNotification(models.Model):
    """Every call that reached us from the gateway (server callback or browser return),
    verified or not, with what we did and answered."""

    class Channel(models.TextChoices):
        CALLBACK = "callback", _("server callback")
        RETURN = "return", _("browser return")

    class Outcome(models.TextChoices):
        PAID = "paid", _("payment recorded")
        DECLINED = "declined", _("decline recorded")
        REPLAY = "replay", _("already handled")
        IGNORED = "ignored", _("ignored (payment already settled)")
        NOT_CAPTURED = "not_captured", _("approved, not captured")
        FORGED = "forged", _("invalid hash")
        UNKNOWN_ORDER = "unknown_order", _("unknown order")
        AMOUNT_MISMATCH = "amount_mismatch", _("amount mismatch")

    payment = models.ForeignKey(
        CmiPayment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("CMI card payment"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    oid = models.CharField(_("CMI order reference"), max_length=64, blank=True)
    trans_id = models.CharField(_("TransId"), max_length=64, blank=True)
    proc_return_code = models.CharField(_("return code"), max_length=8, blank=True)
    hash_valid = models.BooleanField(_("hash valid"), default=False)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    answer = models.CharField(_("answer"), max_length=32, blank=True)
    fields = models.JSONField(_("fields received"), default=dict, blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("CMI notification")
        verbose_name_plural = _("CMI notifications")

    def __str__(self):
        return f"{self.channel} {self.oid} {self.outcome}"


class CmiRefund(models.Model):
    """A refund staff made in CMI's merchant back office, recorded here once."""

    payment = models.ForeignKey(
        CmiPayment,
        on_delete=models.PROTECT,
        related_name="refunds",
        verbose_name=_("CMI card payment"),
    )
    amount = models.DecimalField(_("amount (MAD)"), max_digits=12, decimal_places=2)
    reference = models.CharField(_("refund reference"), max_length=64)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("CMI refund")
        verbose_name_plural = _("CMI refunds")
        constraints = [
            models.UniqueConstraint(
                fields=["payment", "reference"], name="cmi_refund_unique_reference"
            )
        ]

    def __str__(self):
        return f"{self.payment.oid} −{self.amount} ({self.reference})"


from oscar.apps.payment.models import *  # noqa: E402,F401,F403
