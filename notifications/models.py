"""A device's push subscription and a person's choice per kind of notice."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import notify


class PushSubscription(models.Model):
    """One browser on one device, as the push service identifies it (``endpoint``).

    ``session_key`` ties it to the sign-in that created it: signing out of that session
    deletes it, so a signed-out device receives nothing more. ``language`` is the language
    of the page where push was turned on; every notice to this device is written in it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="push_subscriptions",
        verbose_name=_("user"),
    )
    endpoint = models.URLField(_("endpoint"), max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    language = models.CharField(_("language"), max_length=10)
    user_agent = models.CharField(_("device"), max_length=200, blank=True)
    session_key = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("push subscription")
        verbose_name_plural = _("push subscriptions")

    def __str__(self):
        return f"{self.user_id} · {self.user_agent or self.endpoint[:40]}"

    def as_subscription_info(self):
        """The dict ``pywebpush.webpush`` expects."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class NotificationPreference(models.Model):
    """One person's choice for one kind; without a row, both push and email are on."""

    class Kind(models.TextChoices):
        NEW_ORDER = notify.NEW_ORDER, _("New order")
        QUOTE_REQUEST = notify.QUOTE_REQUEST, _("Quote request")
        CLIENT_MESSAGE = notify.CLIENT_MESSAGE, _("Message from a client")
        ORDER_CANCELLED = notify.ORDER_CANCELLED, _("Order cancelled")
        PAYOUT_SENT = notify.PAYOUT_SENT, _("Payout sent")
        QUOTE_ANSWERED = notify.QUOTE_ANSWERED, _("Quote answered")
        ORDER_STATUS = notify.ORDER_STATUS, _("Order status changed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    push = models.BooleanField(_("push"), default=True)
    email = models.BooleanField(_("email"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notifications_pref_user_kind")
        ]

    def __str__(self):
        return f"{self.user_id} · {self.kind}"
