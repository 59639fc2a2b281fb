"""The payouts ledger: what each creator earned on paid orders, and what the programme paid them.

Stripe Connect is not available to Moroccan businesses, so the programme collects card and
bank-transfer payments itself and pays creators by bank transfer; this ledger keeps count.

* ``Earning``: one row per paid order line (and one per delivery fee the creator charged),
  created when the creator's part of the order is paid. ``net = gross - commission``.
  ``collected_by`` says who holds the client's money: the programme (card, bank transfer) or
  the creator (cash on delivery or at pickup).
  A card payment refunded in full adds one ``refund`` row per part, with negative amounts.
* ``Payout``: a bank transfer from the programme to a creator, recorded by staff.

What the programme owes a creator (``balance``) = net earnings the programme collected
- commission on the cash the creator collected - payouts.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Earning(models.Model):
    class Kind(models.TextChoices):
        LINE = "line", _("Sale")
        DELIVERY = "delivery", _("Delivery fee")
        REFUND = "refund", _("Refund to the client")

    class CollectedBy(models.TextChoices):
        PROGRAMME = "programme", _("The programme (card or bank transfer)")
        CREATOR = "creator", _("The creator (cash)")

    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="earnings",
        verbose_name=_("shop"),
    )
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        related_name="earnings",
        verbose_name=pgettext_lazy("purchase", "order"),
    )
    line = models.OneToOneField(
        "order.Line",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="earning",
        verbose_name=_("order line"),
    )
    part = models.ForeignKey(
        "order.OrderPart",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="earnings",
        verbose_name=_("order part"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.LINE)
    description = models.CharField(_("description"), max_length=255, blank=True)
    gross = models.DecimalField(_("price paid (MAD)"), max_digits=12, decimal_places=2)
    commission_rate = models.DecimalField(
        _("commission rate"), max_digits=5, decimal_places=4, default=Decimal("0")
    )
    commission = models.DecimalField(
        _("commission (MAD)"), max_digits=12, decimal_places=2, default=Decimal("0")
    )
    net = models.DecimalField(_("earned (MAD)"), max_digits=12, decimal_places=2)
    collected_by = models.CharField(
        _("money collected by"),
        max_length=10,
        choices=CollectedBy.choices,
        default=CollectedBy.PROGRAMME,
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("earning")
        verbose_name_plural = _("earnings")
        constraints = [
            # One delivery-fee earning per order part (line earnings are one per line).
            models.UniqueConstraint(
                fields=["part"], condition=Q(kind="delivery"), name="payouts_one_delivery_fee"
            ),
            # A refunded part is reversed once.
            models.UniqueConstraint(
                fields=["part"], condition=Q(kind="refund"), name="payouts_one_refund_reversal"
            ),
        ]
        indexes = [models.Index(fields=["partner", "-created_at"], name="earning_partner_idx")]

    def __str__(self):
        return f"{self.partner} · {self.description} · {self.net}"

    @property
    def owed_by_programme(self):
        """What this earning adds to (or, for cash, takes from) the creator's balance."""
        if self.collected_by == self.CollectedBy.CREATOR:
            return -self.commission
        return self.net


class Payout(models.Model):
    """Money the programme transferred to a creator."""

    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="payouts",
        verbose_name=_("shop"),
    )
    date = models.DateField(_("date of the transfer"))
    amount = models.DecimalField(_("amount (MAD)"), max_digits=12, decimal_places=2)
    bank_reference = models.CharField(_("bank reference"), max_length=100)
    note = models.CharField(_("note"), max_length=255, blank=True)
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
        ordering = ["-date", "-pk"]
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payouts_payout_positive")
        ]

    def __str__(self):
        return f"{self.partner} · {self.date} · {self.amount}"
