"""Quote requests, the quotes a creator sends back (immutable versions), the thread.

A ``QuoteRequest`` goes through the states of ``STATUS_FLOW`` (see ``services.transition``);
every change is a ``QuoteEvent``. A quote is a ``QuoteVersion`` with its ``QuoteLine`` rows:
once sent (saved), neither changes; a revision is a new version.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from phonenumber_field.modelfields import PhoneNumberField

from core.uploads import private_storage, validate_document

CENTS = Decimal("0.01")
# Bounds on every amount of a quote: far above any real quote here, well inside the
# columns (a total has 12 digits), so no product of quantity × price overflows them.
MAX_QUANTITY = Decimal("10000")
MAX_UNIT_PRICE = Decimal("1000000")
MAX_TOTAL = Decimal("10000000")


class Status(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    QUOTED = "quoted", _("Quoted")
    ACCEPTED = "accepted", _("Accepted")
    DEPOSIT_PAID = "deposit_paid", _("Deposit paid")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = (Status.REQUESTED, Status.QUOTED, Status.ACCEPTED, Status.DEPOSIT_PAID)


class QuoteRequest(models.Model):
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="quote_requests",
        verbose_name=_("client"),
    )
    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.CASCADE,
        related_name="quote_requests",
        verbose_name=_("creator's shop"),
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quote_requests",
        verbose_name=_("service"),
    )
    description = models.CharField(
        _("what you need"),
        max_length=200,
        blank=True,
        help_text=_("For custom work that is not one of the creator's services."),
    )
    starts_on = models.DateField(_("date (or first day)"))
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    province = models.ForeignKey(
        "directory.Province",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("province"),
    )
    audience_size = models.PositiveIntegerField(_("audience size"), null=True, blank=True)
    budget_min = models.DecimalField(
        _("budget from (MAD)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    budget_max = models.DecimalField(
        _("budget up to (MAD)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    brief = models.TextField(_("brief"))
    phone = PhoneNumberField(_("contact phone"), region="MA")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    accepted_version = models.ForeignKey(
        "QuoteVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted version"),
    )
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quote_requests",
        verbose_name=pgettext_lazy("purchase", "order"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("quote request")
        verbose_name_plural = _("quote requests")
        indexes = [models.Index(fields=["partner", "status"], name="quote_partner_status_idx")]

    def __str__(self):
        return f"#{self.pk} {self.subject}"

    def get_absolute_url(self):
        return reverse("quotes:detail", kwargs={"pk": self.pk})

    @property
    def subject(self):
        return self.product.get_title() if self.product_id else self.description

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def get_creator_url(self):
        return reverse("quotes:creator-detail", kwargs={"pk": self.pk})

    def latest_version(self):
        return self.versions.order_by("-number").first()


class ImmutableError(ValueError):
    pass


class QuoteVersion(models.Model):
    """One quote the creator sent: immutable once saved (a revision is a new version)."""

    request = models.ForeignKey(
        QuoteRequest, on_delete=models.CASCADE, related_name="versions", verbose_name=_("request")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    total = models.DecimalField(
        _("total (MAD)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_TOTAL)],
    )
    deposit_percent = models.PositiveSmallIntegerField(
        _("deposit (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    valid_until = models.DateField(_("valid until"))
    terms = models.TextField(_("terms"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["request", "number"]
        verbose_name = pgettext_lazy("price", "quote")
        verbose_name_plural = _("quotes")
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="quote_version_unique"),
            models.CheckConstraint(
                condition=models.Q(deposit_percent__lte=100), name="quote_deposit_lte_100"
            ),
            models.CheckConstraint(condition=models.Q(total__gte=0), name="quote_total_gte_0"),
            models.CheckConstraint(
                condition=models.Q(total__lte=MAX_TOTAL), name="quote_total_bounded"
            ),
        ]

    def __str__(self):
        return f"#{self.request_id} v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("A quote version cannot change once sent.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("A quote version cannot be deleted.")

    @property
    def deposit_amount(self):
        return (self.total * self.deposit_percent / 100).quantize(CENTS, ROUND_HALF_UP)

    @property
    def upfront_amount(self):
        """What the client pays through checkout: the deposit, or the total without one."""
        return self.deposit_amount if self.deposit_percent else self.total

    @property
    def balance_due(self):
        return self.total - self.upfront_amount

    def is_expired(self, today=None):
        return self.valid_until < (today or timezone.localdate())


class QuoteLine(models.Model):
    version = models.ForeignKey(
        QuoteVersion,
        on_delete=models.CASCADE,
        related_name="lines",
        verbose_name=pgettext_lazy("price", "quote"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = models.CharField(_("item"), max_length=200)
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(CENTS), MaxValueValidator(MAX_QUANTITY)],
    )
    unit_price = models.DecimalField(
        _("unit price (MAD)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_UNIT_PRICE)],
    )

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("quote line")
        verbose_name_plural = _("quote lines")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0, quantity__lte=MAX_QUANTITY),
                name="quote_line_quantity_bounded",
            ),
            models.CheckConstraint(
                condition=models.Q(unit_price__gte=0, unit_price__lte=MAX_UNIT_PRICE),
                name="quote_line_unit_price_bounded",
            ),
        ]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("A quote line cannot change once sent.")
        super().save(*args, **kwargs)

    @property
    def amount(self):
        return (self.quantity * self.unit_price).quantize(CENTS, ROUND_HALF_UP)


class QuoteMessage(models.Model):
    request = models.ForeignKey(
        QuoteRequest, on_delete=models.CASCADE, related_name="messages", verbose_name=_("request")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return self.body[:60]


def _attachment_path(instance, filename):
    return f"quotes/{instance.request_id}/{filename}"


class QuoteAttachment(models.Model):
    """A file of the request (``message`` empty) or of a message; private."""

    request = models.ForeignKey(
        QuoteRequest,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("request"),
    )
    message = models.ForeignKey(
        QuoteMessage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("message"),
    )
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=_attachment_path,
        max_length=255,
        validators=[validate_document],
    )
    name = models.CharField(_("name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class QuoteEvent(models.Model):
    """One state change: who (empty for the system), when, from which state to which."""

    request = models.ForeignKey(
        QuoteRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("request")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    version = models.ForeignKey(
        QuoteVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("quote event")
        verbose_name_plural = _("quote events")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


def validate_not_past(value):
    if value < timezone.localdate():
        raise ValidationError(_("This date is in the past."), code="past")
