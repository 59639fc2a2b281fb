"""Catalogue models: Oscar's, with categories tied to the shared taxonomy."""

import copy

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import (
    AbstractCategory,
    AbstractProduct,
    AbstractProductImage,
)
from oscar.core.loading import get_model
from oscar.utils.models import get_image_upload_path

from core.uploads import private_storage, validate_image

from .validators import validate_digital_file


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


class SortIndex(models.Index):
    """An index in a listing's sort order, ``NULLS LAST`` included on PostgreSQL. SQLite
    accepts no ``NULLS FIRST/LAST`` in an index: there it is created without them."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql" and self.expressions:
            plain = copy.copy(self)
            plain.expressions = tuple(
                models.OrderBy(expression.expression, descending=expression.descending)
                if isinstance(expression, models.OrderBy)
                else expression
                for expression in self.expressions
            )
            return super(SortIndex, plain).create_sql(model, schema_editor, using, **kwargs)
        return super().create_sql(model, schema_editor, using, **kwargs)


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
        db_index=True,
    )
    digital_file = models.FileField(
        _("file sold"),
        storage=private_storage,
        upload_to="digital/%Y/%m/",
        max_length=255,
        blank=True,
        validators=[validate_digital_file],
        help_text=_("For digital products: the file buyers download after paying."),
    )

    # The lowest price among the stock records of active shops, stored so "price: low to
    # high" reads an index instead of computing a subquery for every product; kept right by
    # shop.catalogue.prices (stock record and shop changes), filled by migration 0041.
    min_price = models.DecimalField(
        _("lowest price"), max_digits=12, decimal_places=2, null=True, blank=True, editable=False
    )

    # Staff may hide any product; the reason is emailed to the creator and shown to them.
    staff_hidden_reason = models.TextField(_("reason for hiding (staff)"), blank=True)
    staff_hidden_at = models.DateTimeField(_("hidden by staff on"), null=True, blank=True)

    class Meta(AbstractProduct.Meta):
        # Hiding another creator's product is moderation: the programme staff's group has it
        # (demo/builders.py), communication staff and CMS moderators do not.
        permissions = [("hide_product", "Can hide a product from the shop, with a reason")]
        constraints = [
            # Hidden by staff stays hidden, whoever saves it and through whatever form:
            # only staff's "restore" (clearing staff_hidden_at) lets it be shown again.
            models.CheckConstraint(
                condition=models.Q(staff_hidden_at__isnull=True) | models.Q(is_public=False),
                name="product_staff_hidden_not_public",
                violation_error_message=_(
                    "The programme staff hid this product; contact them to show it again."
                ),
            ),
        ]
        indexes = [
            # The catalogue's default order (newest first) among canonical products.
            models.Index(
                fields=["parent", "date_created", "id"], name="catalogue_product_newest_idx"
            ),
            # "Title A to Z": read in order and stop after one page instead of sorting all.
            models.Index(fields=["title", "id"], name="catalogue_product_title_idx"),
            # "Price: low to high" and "high to low", cheapest/dearest first, no price last.
            SortIndex(
                models.F("min_price").asc(nulls_last=True),
                models.F("id").asc(),
                name="catalogue_price_asc_idx",
            ),
            SortIndex(
                models.F("min_price").desc(nulls_last=True),
                models.F("id").asc(),
                name="catalogue_price_desc_idx",
            ),
            # "Best rated": best first, unrated last, newest first among equals.
            SortIndex(
                models.F("rating").desc(nulls_last=True),
                models.F("date_created").desc(),
                models.F("id").desc(),
                name="catalogue_rating_sort_idx",
            ),
        ]

    def clean(self):
        super().clean()
        # Forms without staff_hidden_at (Oscar's dashboard, the admin) skip the constraint
        # in their validation: say it here, on the field they show.
        if self.is_public and self.staff_hidden_at is not None:
            raise ValidationError(
                {
                    "is_public": _(
                        "The programme staff hid this product; contact them to show it again."
                    )
                }
            )

    @property
    def digital_file_basename(self):
        return self.digital_file.name.rsplit("/", 1)[-1] if self.digital_file else ""

    @property
    def is_hidden_by_staff(self):
        return self.staff_hidden_at is not None

    # Reviews: only verified buyers, once each (staff moderate: OSCAR_MODERATE_REVIEWS).
    def has_been_bought_by(self, user):
        """Whether ``user`` has an order with a line for this product."""
        if not user.is_authenticated:
            return False
        line_model = get_model("order", "Line")
        return line_model.objects.filter(order__user=user, product=self).exists()

    def review_refusal(self, user):
        """Why ``user`` may not review this product (a code), or ``None`` when they may.

        Codes: ``"sign_in"`` (anonymous), ``"already_reviewed"``, ``"not_a_buyer"``,
        ``"own_product"`` (the creator of the product).
        """
        if not user.is_authenticated:
            return "sign_in"
        if self.has_review_by(user):
            return "already_reviewed"
        if self.stockrecords.filter(partner__users=user).exists():
            return "own_product"
        if not self.has_been_bought_by(user):
            return "not_a_buyer"
        return None

    def is_review_permitted(self, user):
        return self.review_refusal(user) is None


class ProductImage(AbstractProductImage):
    """Oscar's product picture, checked by content wherever it is saved: a real JPEG, PNG or
    WebP under the limits (``core.uploads.validate_image``), stored under its real extension."""

    original = models.ImageField(
        _("Original"),
        upload_to=get_image_upload_path,
        max_length=255,
        validators=[validate_image],
    )


from oscar.apps.catalogue.models import *  # noqa: E402,F401,F403
