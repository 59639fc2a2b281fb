"""L'Karfour market editions and the stands staff assign to creators' shops."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import LocalizedMixin


class MarketEditionQuerySet(models.QuerySet):
    def running_on(self, day):
        return self.filter(starts_on__lte=day, ends_on__gte=day)

    def upcoming(self, day):
        return self.filter(starts_on__gt=day).order_by("starts_on", "pk")

    def past(self, day):
        return self.filter(ends_on__lt=day).order_by("-starts_on", "-pk")


class MarketEdition(LocalizedMixin, models.Model):
    """One edition of L'Karfour: its dates, venue and the hub that hosts it (name, venue and
    description in the three languages; ``edition.local.name`` is the visitor's)."""

    name = models.CharField(_("name (French)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.CharField(_("venue (French)"), max_length=300, blank=True)
    venue_ar = models.CharField(_("venue (Arabic)"), max_length=300, blank=True)
    venue_en = models.CharField(_("venue (English)"), max_length=300, blank=True)
    hub = models.ForeignKey(
        "directory.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="market_editions",
        limit_choices_to={"kind": "hub"},
        verbose_name=_("hub"),
    )
    description = models.TextField(_("description (French)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    objects = MarketEditionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("market edition")
        verbose_name_plural = _("market editions")
        indexes = [models.Index(fields=["starts_on", "ends_on"], name="market_edition_dates_idx")]

    def __str__(self):
        return self.local.name

    def get_absolute_url(self):
        return reverse("market:edition", kwargs={"slug": self.slug})

    @property
    def place(self):
        """Where it happens, in the visitor's language: the venue, else the host hub."""
        return self.local.venue or (self.hub.name if self.hub_id else "")

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})

    @classmethod
    def current(cls, today=None):
        """The edition running ``today`` (by default the local date), or ``None``."""
        today = today or timezone.localdate()
        return cls.objects.running_on(today).order_by("starts_on", "pk").first()

    @classmethod
    def featured(cls, today=None):
        """The edition to show on the market page: running, else the next, else the last."""
        today = today or timezone.localdate()
        return (
            cls.current(today)
            or cls.objects.upcoming(today).first()
            or cls.objects.past(today).first()
        )


class Stand(models.Model):
    """A creator's stand at one edition."""

    edition = models.ForeignKey(
        MarketEdition, on_delete=models.CASCADE, related_name="stands", verbose_name=_("edition")
    )
    partner = models.ForeignKey(
        "partner.Partner",
        on_delete=models.CASCADE,
        related_name="stands",
        verbose_name=_("shop"),
    )
    number = models.CharField(_("stand number"), max_length=20)

    class Meta:
        ordering = ["edition", "number", "pk"]
        verbose_name = _("stand")
        verbose_name_plural = _("stands")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "partner"], name="market_stand_one_per_shop"
            ),
            models.UniqueConstraint(
                fields=["edition", "number"], name="market_stand_unique_number"
            ),
        ]

    def __str__(self):
        return f"{self.edition} · {self.number} · {self.partner}"

    def get_qr_url(self):
        return reverse("market:stand-qr", kwargs={"slug": self.edition.slug, "pk": self.pk})
