"""Orders: Oscar's, plus how the client pays and each creator's part of the order.

One checkout places one ``Order``; every line carries its creator (``Line.partner``). An
``OrderPart`` groups one creator's lines with how they reach the client (pickup at the hub,
at the L'Karfour stand, delivery to a province, digital, or arranged for a service) and the
part's own status, which the creator moves in the creator space.
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from oscar.apps.order.abstract_models import AbstractOrder
from phonenumber_field.modelfields import PhoneNumberField

from core.uploads import private_storage, validate_document


class PaymentMethod(models.TextChoices):
    CASH = "cash", _("Cash on delivery or at pickup")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    CARD = "card", _("Card")
    CMI = "cmi", _("Card (CMI)")


class Order(AbstractOrder):
    # Oscar's free-text ``status``: a CMI card order waits for its payment, then is released.
    AWAITING_CARD_PAYMENT = "Awaiting card payment"
    CARD_PAYMENT_EXPIRED = "Card payment expired"

    contact_name = models.CharField(_("name"), max_length=150, blank=True)
    contact_phone = PhoneNumberField(_("phone"), blank=True)
    payment_method = models.CharField(
        _("payment method"), max_length=20, choices=PaymentMethod.choices, blank=True
    )
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=128, blank=True)
    bank_receipt = models.FileField(
        _("bank transfer receipt"),
        storage=private_storage,
        upload_to="receipts/%Y/%m/",
        blank=True,
        validators=[validate_document],
    )

    @property
    def transfer_reference(self):
        """What the client writes on a bank transfer so staff can match it to the order."""
        return f"TKF-{self.number}"

    @property
    def is_paid(self):
        return self.paid_at is not None


class OrderPart(models.Model):
    """One creator's part of an order: its lines are ``order.lines.filter(partner=...)``."""

    class Fulfilment(models.TextChoices):
        HUB_PICKUP = "hub_pickup", _("Pickup at the creator's hub")
        STAND_PICKUP = "stand_pickup", _("Pickup at the L'Karfour stand")
        DELIVERY = "delivery", _("Delivery")
        DIGITAL = "digital", _("Digital delivery")
        ARRANGED = "arranged", _("Arranged with the creator")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        CONFIRMED = "confirmed", _("Confirmed")
        READY = "ready", _("Ready")
        HANDED_OVER = "handed_over", _("Handed over")
        SHIPPED = "shipped", _("Shipped")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    # Where each status may go next.
    TRANSITIONS = {
        Status.PENDING: [Status.CONFIRMED, Status.CANCELLED],
        Status.CONFIRMED: [Status.READY, Status.CANCELLED],
        Status.READY: [Status.HANDED_OVER, Status.SHIPPED, Status.CANCELLED],
        Status.HANDED_OVER: [Status.COMPLETED],
        Status.SHIPPED: [Status.COMPLETED],
        Status.COMPLETED: [],
        Status.CANCELLED: [],
    }

    order = models.ForeignKey(
        "order.Order",
        on_delete=models.CASCADE,
        related_name="parts",
        verbose_name=pgettext_lazy("purchase", "order"),
    )
    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="order_parts",
        verbose_name=_("shop"),
    )
    fulfilment = models.CharField(_("fulfilment"), max_length=20, choices=Fulfilment.choices)
    pickup_hub = models.ForeignKey(
        "directory.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pickup hub"),
    )
    stand_number = models.CharField(_("stand"), max_length=32, blank=True)
    stand_edition = models.ForeignKey(
        "market.MarketEdition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("L'Karfour edition"),
        help_text=_("The market where the stand is: its dates and place go on the receipt."),
    )
    province = models.ForeignKey(
        "directory.Province",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delivery province"),
    )
    subtotal = models.DecimalField(
        _("items total (MAD)"), max_digits=12, decimal_places=2, default=Decimal("0")
    )
    delivery_fee = models.DecimalField(
        _("delivery fee (MAD)"), max_digits=10, decimal_places=2, default=Decimal("0")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("order part")
        verbose_name_plural = _("order parts")
        constraints = [
            models.UniqueConstraint(fields=["order", "partner"], name="order_part_unique_partner")
        ]
        indexes = [models.Index(fields=["partner", "-created_at"], name="order_part_partner_idx")]

    def __str__(self):
        return f"{self.order.number} · {self.partner}"

    @property
    def total(self):
        return self.subtotal + self.delivery_fee

    @property
    def is_paid(self):
        return self.paid_at is not None

    @property
    def lines(self):
        return self.order.lines.filter(partner_id=self.partner_id)

    def next_statuses(self):
        return list(self.TRANSITIONS.get(self.status, []))

    def can_move_to(self, status):
        return status in self.TRANSITIONS.get(self.status, [])

    @property
    def is_open(self):
        return self.status not in (self.Status.COMPLETED, self.Status.CANCELLED)


class MarketSale(models.Model):
    """A cash sale a creator recorded at their L'Karfour stand, from the stand screen.

    The phone gives each sale its own id (``uuid``) before it is sent: the server records a
    sale once whatever the retries (unique ``uuid``). A market sale is never refused (the
    cash is already taken): when online orders had already been allocated the last items,
    ``shortfall`` says how many were missing and ``conflict_orders`` which online orders to
    contact (``shop.order.market_sales``)."""

    uuid = models.UUIDField(_("sale id"), unique=True, editable=False)
    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="market_sales",
        verbose_name=_("shop"),
    )
    stand = models.ForeignKey(
        "market.Stand",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sales",
        verbose_name=_("stand"),
    )
    edition = models.ForeignKey(
        "market.MarketEdition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sales",
        verbose_name=_("L'Karfour edition"),
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.SET_NULL,
        null=True,
        related_name="market_sales",
        verbose_name=_("product"),
    )
    stockrecord = models.ForeignKey(
        "partner.StockRecord",
        on_delete=models.SET_NULL,
        null=True,
        related_name="market_sales",
        verbose_name=_("stock record"),
    )
    title = models.CharField(_("product"), max_length=255)
    quantity = models.PositiveIntegerField(_("quantity"))
    cash_received = models.DecimalField(_("cash received (MAD)"), max_digits=12, decimal_places=2)
    client_phone = PhoneNumberField(_("client's phone"), blank=True)
    recorded_at = models.DateTimeField(_("recorded on the phone at"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    recorded_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    shortfall = models.PositiveIntegerField(
        _("missing items"),
        default=0,
        help_text=_("Items sold at the stand that online orders had already taken."),
    )
    conflict_orders = models.ManyToManyField(
        "order.Order",
        blank=True,
        related_name="market_conflicts",
        verbose_name=_("online orders to contact"),
    )

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("market sale")
        verbose_name_plural = _("market sales")
        indexes = [
            models.Index(fields=["partner", "-recorded_at"], name="market_sale_partner_idx"),
            models.Index(fields=["edition", "recorded_at"], name="market_sale_edition_idx"),
        ]

    def __str__(self):
        return f"{self.title} × {self.quantity}"

    @property
    def has_conflict(self):
        return self.shortfall > 0


from oscar.apps.order.models import *  # noqa: E402,F401,F403
