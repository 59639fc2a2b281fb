"""Payment models: Oscar's sources and transactions, and the Stripe webhook events we received.

A card order has one ``Source`` of type ``stripe`` whose ``reference`` is the PaymentIntent id
(see ``stripe_gateway``). Each webhook event is recorded once (``StripeEvent.event_id`` is
unique), so a replayed event has no effect.
"""

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


from oscar.apps.payment.models import *  # noqa: E402,F401,F403
