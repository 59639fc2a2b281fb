"""The shared taxonomy (sectors, disciplines, provinces) and the directory's profiles.

The taxonomy is defined once here and used everywhere: shop categories mirror sectors
and disciplines, directory filters and CMS sector pages point at these rows. Names are
stored in the three interface languages; ``label`` returns the visitor's one.
"""

from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.search import index

from core.uploads import validate_image


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


# Uploads: what a profile photo or portfolio image may be (checked by content, not name).
validate_uploaded_image = validate_image


# The Oriental region's bounding box (WGS84): from Saïdia and Ras el Ma on the coast down to
# Figuig, from the Algerian border to Driouch and Guercif. Coordinates outside are refused.
ORIENTAL_BOUNDS = {"south": 31.2, "north": 35.35, "west": -4.1, "east": -1.0}


def validate_in_oriental(latitude, longitude):
    """Raise ``ValidationError`` unless the point lies in the Oriental's bounding box."""
    if latitude is None and longitude is None:
        return
    if latitude is None or longitude is None:
        raise ValidationError(_("Give both the latitude and the longitude, or neither."))
    b = ORIENTAL_BOUNDS
    if not (
        b["south"] <= float(latitude) <= b["north"] and b["west"] <= float(longitude) <= b["east"]
    ):
        raise ValidationError(
            _(
                "These coordinates are outside the Oriental region (latitude %(south)s to "
                "%(north)s, longitude %(west)s to %(east)s)."
            ),
            params=b,
            code="outside_oriental",
        )


RESERVED_SLUGS = {"account", "map-geojson"}


class ProfileQuerySet(models.QuerySet):
    def public(self):
        """Profiles a visitor may see: approved ones."""
        return self.filter(status=Profile.Status.APPROVED)

    def for_listing(self):
        return self.select_related("province").prefetch_related("sectors", "disciplines")


class Profile(index.Indexed, ClusterableModel):
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
    photo = models.ImageField(
        _("photo"), upload_to="profiles/", blank=True, validators=[validate_uploaded_image]
    )
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
    skills = models.TextField(
        _("skills"), blank=True, help_text=_("One per line, e.g. live mixing, colour grading.")
    )
    equipment = models.TextField(
        _("equipment"), blank=True, help_text=_("One per line, e.g. 16-channel console.")
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=160,
        blank=True,
        help_text=_("Separated by commas, e.g. Arabic, Tamazight, French."),
    )
    instagram = models.URLField(_("Instagram"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    youtube = models.URLField(_("YouTube channel"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    accepts_messages = models.BooleanField(
        _("accepts messages"),
        default=True,
        help_text=_("Visitors can write to you through the site (your email stays hidden)."),
    )
    rejection_reason = models.TextField(
        _("reason for rejection or suspension"),
        blank=True,
        help_text=_("Emailed to the owner when the profile is rejected or suspended."),
    )
    submitted_at = models.DateTimeField(_("submitted for approval"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("headline", boost=2),
        index.SearchField("bio"),
        index.SearchField("city"),
        index.SearchField("skills"),
        index.SearchField("equipment"),
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

    def clean(self):
        super().clean()
        try:
            validate_in_oriental(self.latitude, self.longitude)
        except ValidationError as error:
            raise ValidationError({"latitude": error}) from error

    def _unique_slug(self):
        base = slugify(self.name)[:170] or "profile"
        if base in RESERVED_SLUGS:  # paths of the directory itself
            base = f"{base}-profile"
        slug, n = base, 2
        while Profile.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

    @property
    def skill_list(self):
        return [line.strip() for line in self.skills.splitlines() if line.strip()]

    @property
    def equipment_list(self):
        return [line.strip() for line in self.equipment.splitlines() if line.strip()]

    @property
    def language_list(self):
        return [item.strip() for item in self.languages.split(",") if item.strip()]

    @property
    def social_links(self):
        """``[(label, url)]`` for the social networks the profile lists."""
        names = [
            ("instagram", "Instagram"),
            ("facebook", "Facebook"),
            ("youtube", "YouTube"),
            ("linkedin", "LinkedIn"),
        ]
        return [(label, getattr(self, field)) for field, label in names if getattr(self, field)]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


def video_embed_url(url):
    """A privacy-friendly embed URL for a YouTube or Vimeo link, or '' if not one of those.

    YouTube embeds go through ``youtube-nocookie.com``; Vimeo's through ``dnt=1``.
    """
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host == "youtu.be":
        video_id = parsed.path.lstrip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
        if video_id:
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
        return ""
    elif host in {"vimeo.com", "player.vimeo.com"}:
        digits = [part for part in parsed.path.split("/") if part.isdigit()]
        return f"https://player.vimeo.com/video/{digits[0]}?dnt=1" if digits else ""
    return f"https://www.youtube-nocookie.com/embed/{video_id}" if video_id else ""


def validate_video_url(url):
    if url and not video_embed_url(url):
        raise ValidationError(_("Give a YouTube or Vimeo link."), code="not_a_video")


class PortfolioItem(models.Model):
    """One work in a profile's portfolio: an image with its description, or a video link."""

    profile = ParentalKey(
        Profile, on_delete=models.CASCADE, related_name="portfolio", verbose_name=_("profile")
    )
    title = models.CharField(_("title"), max_length=160, blank=True)
    image = models.ImageField(
        _("image"), upload_to="portfolio/", blank=True, validators=[validate_uploaded_image]
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=200,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    video_url = models.URLField(
        _("video link (YouTube or Vimeo)"), blank=True, validators=[validate_video_url]
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("portfolio item")
        verbose_name_plural = _("portfolio items")

    def __str__(self):
        return self.title or self.image_alt or self.video_url

    def clean(self):
        super().clean()
        if not self.image and not self.video_url:
            raise ValidationError(_("Add an image or a video link."))
        if self.image and not self.image_alt:
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )

    @property
    def embed_url(self):
        return video_embed_url(self.video_url)


class VerifiedEmail(models.Model):
    """An account email address its owner proved to receive (a signed link was opened).

    A new directory profile is sent to staff only once its owner's email is verified;
    until then it stays a draft.
    """

    user = models.OneToOneField(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="verified_email",
        verbose_name=_("user"),
    )
    email = models.EmailField(_("email"))
    verified_at = models.DateTimeField(_("verified"), auto_now_add=True)

    class Meta:
        verbose_name = _("verified email")
        verbose_name_plural = _("verified emails")

    def __str__(self):
        return self.email

    @classmethod
    def is_verified(cls, user):
        return cls.objects.filter(user=user, email__iexact=user.email).exists()
