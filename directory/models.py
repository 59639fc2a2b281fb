"""The shared taxonomy (sectors, disciplines, provinces) and the directory's profiles.

The taxonomy is defined once here and used everywhere: shop categories mirror sectors
and disciplines, directory filters and CMS sector pages point at these rows. Names are
stored in the three interface languages; ``label`` returns the visitor's one.
"""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.search import index


class TranslatedNameMixin(models.Model):
    """French name (the reference), with Arabic and English names beside it."""

    name = models.CharField(_("name (French)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    @property
    def label(self):
        language = (get_language() or "fr")[:2]
        return getattr(self, f"name_{language}", "") or self.name


class Sector(TranslatedNameMixin, index.Indexed):
    """One of the programme's three sectors: image, sound, light."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    colour = models.CharField(
        _("colour"), max_length=7, default="#b4472b", help_text=_("Accent colour, e.g. #b4472b")
    )

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_ar"),
        index.SearchField("name_en"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Discipline(TranslatedNameMixin, index.Indexed):
    """A discipline within a sector (photography, live sound, projection mapping…)."""

    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="disciplines", verbose_name=_("sector")
    )
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_ar"),
        index.SearchField("name_en"),
        index.FilterField("sector_id"),
    ]

    class Meta:
        ordering = ["sector__sort_order", "sort_order", "name"]
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")


class Province(TranslatedNameMixin, index.Indexed):
    """One of the eight provinces and prefectures of the Oriental region."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        PREFECTURE = "prefecture", _("prefecture")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.PROVINCE)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_ar"),
        index.SearchField("name_en"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class ProfileQuerySet(models.QuerySet):
    def public(self):
        """Profiles a visitor may see: approved ones."""
        return self.filter(status=Profile.Status.APPROVED)

    def for_listing(self):
        return self.select_related("province").prefetch_related("sectors", "disciplines")


class Profile(index.Indexed, models.Model):
    """A culture professional or organisation listed in the directory.

    New and changed profiles wait for staff approval before they are public.
    """

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association")
        VENUE = "venue", _("Venue")
        HUB = "hub", _("Hub / coworking")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    class Availability(models.TextChoices):
        AVAILABLE = "available", _("Available")
        BUSY = "busy", _("Busy")
        AWAY = "away", _("Away")

    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("owner"),
    )
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(
        _("slug"),
        max_length=180,
        unique=True,
        blank=True,
        help_text=_("Made from the name if empty."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.INDIVIDUAL)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    headline = models.CharField(
        _("headline"), max_length=160, blank=True, help_text=_("One line: what you do.")
    )
    bio = models.TextField(_("short bio"), blank=True)
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="profiles", verbose_name=_("sectors")
    )
    disciplines = models.ManyToManyField(
        Discipline, blank=True, related_name="profiles", verbose_name=_("disciplines")
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("province"),
    )
    city = models.CharField(_("city"), max_length=80, blank=True)
    photo = models.ImageField(_("photo"), upload_to="profiles/", blank=True)
    photo_alt = models.CharField(_("photo description (alt text)"), max_length=200, blank=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    whatsapp = PhoneNumberField(_("WhatsApp number"), blank=True)
    email = models.EmailField(_("public email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    availability = models.CharField(
        _("availability"), max_length=10, choices=Availability, default=Availability.AVAILABLE
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    is_accompanied = models.BooleanField(_("accompanied beneficiary"), default=False)
    cohort_year = models.PositiveSmallIntegerField(_("cohort year"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("headline", boost=2),
        index.SearchField("bio"),
        index.SearchField("city"),
        index.FilterField("status"),
        index.FilterField("kind"),
        index.FilterField("province_id"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:profile", kwargs={"slug": self.slug})

    def _unique_slug(self):
        base = slugify(self.name)[:170] or "profile"
        slug, n = base, 2
        while Profile.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED
