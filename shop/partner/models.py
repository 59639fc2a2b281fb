"""Partner models: a Partner is a creator's shop, tied to the creator's directory profile."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner

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


from oscar.apps.partner.models import *  # noqa: E402,F401,F403
