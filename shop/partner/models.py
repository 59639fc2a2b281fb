"""Partner models: a Partner is a creator's shop, tied to the creator's directory profile."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord

from directory.models import validate_uploaded_image


class Partner(AbstractPartner):
    """One creator's shop. The creator's user is in ``users`` (Oscar's convention)."""

    profile = models.OneToOneField(
        "directory.Profile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shop",
        verbose_name=_("directory profile"),
    )
    slug = models.SlugField(_("slug"), max_length=128, unique=True, null=True, blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Suspended shops are hidden from the public.")
    )

    # Shop details, set by the creator in the creator space.
    banner = models.ImageField(
        _("banner"), upload_to="shops/", blank=True, validators=[validate_uploaded_image]
    )
    banner_alt = models.CharField(_("banner description (alt text)"), max_length=200, blank=True)
    description = models.TextField(_("shop description"), blank=True)
    policies = models.TextField(
        _("policies"), blank=True, help_text=_("Delivery, returns, cancellations, bookings.")
    )
    pickup_hub = models.ForeignKey(
        "directory.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "hub"},
        verbose_name=_("pickup hub"),
        help_text=_("Where clients can collect their orders."),
    )
    on_vacation = models.BooleanField(
        _("vacation mode"),
        default=False,
        help_text=_("While on, nothing can be added to a basket from this shop."),
    )
    vacation_message = models.CharField(_("vacation message"), max_length=300, blank=True)

    def get_absolute_url(self):
        """The creator's shop page; the directory profile for a shop without a slug."""
        if self.slug:
            return reverse("creators:shop", kwargs={"slug": self.slug})
        if self.profile_id:
            return self.profile.get_absolute_url()
        return ""


# A product's price: never negative (a basket mixing it with another creator's item would
# pay that creator less), never absurd. Enforced by the column's validators (every model
# form), by check constraints (every other path) and shown by the creator space's form.
MAX_PRICE = Decimal("1000000")


class StockRecord(AbstractStockRecord):
    """Oscar's stock record, indexed for the catalogue's price filter and sorts."""

    price = models.DecimalField(
        _("Price"),
        decimal_places=2,
        max_digits=12,
        blank=True,
        null=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_PRICE)],
    )

    class Meta(AbstractStockRecord.Meta):
        indexes = [models.Index(fields=["price"], name="partner_sr_price_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price__isnull=True)
                | models.Q(price__gte=0, price__lte=MAX_PRICE),
                name="partner_stockrecord_price_bounded",
                violation_error_message=_("A price is between 0 and 1,000,000 MAD."),
            ),
        ]


class PartnerDeliveryFee(models.Model):
    """A province the creator delivers to, and the delivery fee there (in MAD)."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="delivery_fees",
        verbose_name=_("shop"),
    )
    province = models.ForeignKey(
        "directory.Province",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("province"),
    )
    fee = models.DecimalField(
        _("delivery fee (MAD)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )

    class Meta:
        verbose_name = _("delivery fee")
        verbose_name_plural = _("delivery fees")
        ordering = ["partner", "province__sort_order", "province__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "province"], name="partner_delivery_fee_unique_province"
            )
        ]

    def __str__(self):
        return f"{self.partner} · {self.province}: {self.fee} MAD"


from oscar.apps.partner.models import *  # noqa: E402,F401,F403
