"""Catalogue models: Oscar's, with categories tied to the shared taxonomy."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractCategory, AbstractProduct


class Category(AbstractCategory):
    """A shop category mirrors one sector (top level) or one discipline (its children).

    Categories are kept in step with the taxonomy by ``shop.catalogue.sync``; staff
    edit names in the taxonomy snippets, not here.
    """

    sector = models.OneToOneField(
        "directory.Sector",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="category",
        verbose_name=_("sector"),
    )
    discipline = models.OneToOneField(
        "directory.Discipline",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="category",
        verbose_name=_("discipline"),
    )

    @property
    def label(self):
        """The category's name in the visitor's language, from the taxonomy."""
        source = self.discipline or self.sector
        return source.label if source else self.name


class Product(AbstractProduct):
    """A product or service sold by one creator (its stock record's partner).

    Services may show a "from" price or no price at all (price on quote: the stock record
    has no price, so the product cannot be bought directly).
    """

    class PriceKind(models.TextChoices):
        FIXED = "fixed", _("Fixed price")
        FROM = "from", _("“From” price")
        QUOTE = "quote", _("Price on quote")

    price_kind = models.CharField(
        _("kind of price"), max_length=10, choices=PriceKind.choices, default=PriceKind.FIXED
    )

    available_at_karfour = models.BooleanField(
        _("available at L'Karfour"),
        default=False,
        help_text=_("Shown and sold at the creator's stand during the youth culture market."),
    )


from oscar.apps.catalogue.models import *  # noqa: E402,F401,F403
