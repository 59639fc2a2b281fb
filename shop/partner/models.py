"""Partner models: a Partner is a creator's shop, tied to the creator's directory profile."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner


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

    def get_absolute_url(self):
        if self.profile_id:
            return self.profile.get_absolute_url()
        return ""


from oscar.apps.partner.models import *  # noqa: E402,F401,F403
