"""The youth database: contacts built from event registrations, and its safeguards.

Personal data (law 09-08): a ``Contact`` holds one young person's details, deduplicated on
the normalised phone (E.164) or the lower-cased email; each ``Registration`` ties a contact
to an event and records the consent given (version and time). When a person's data is
erased (on request or after the retention period) the registrations stay, without the
contact, so the counts for the indicators survive; an ``ErasedContact`` row keeps the
anonymous count of people reached.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

AGE_BANDS = [
    ("under-18", _("under 18")),
    ("18-24", _("18 to 24")),
    ("25-30", _("25 to 30")),
    ("over-30", _("over 30")),
]


def age_band(birth_year, today=None):
    """The age band (a key of ``AGE_BANDS``) of someone born in ``birth_year``."""
    if not birth_year:
        return ""
    age = (today or timezone.localdate()).year - birth_year
    if age < 18:
        return "under-18"
    if age <= 24:
        return "18-24"
    if age <= 30:
        return "25-30"
    return "over-30"


def birth_years_for_band(band, today=None):
    """``(lowest, highest)`` birth years of an age band, ``None`` for an open end."""
    year = (today or timezone.localdate()).year
    return {
        "under-18": (year - 17, None),
        "18-24": (year - 24, year - 18),
        "25-30": (year - 30, year - 25),
        "over-30": (None, year - 31),
    }.get(band)


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")


class HeardFrom(models.TextChoices):
    SOCIAL = "social", _("Social media")
    FRIENDS = "friends", _("Friends or family")
    SCHOOL = "school", _("School or university")
    ASSOCIATION = "association", _("An association or youth centre")
    PRESS = "press", _("Press, radio or TV")
    WEBSITE = "website", _("This website")
    OTHER = "other", _("Other")


class Contact(models.Model):
    """One young person in the programme's database (deduplicated on phone or email)."""

    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender, blank=True)
    province = models.ForeignKey(
        "directory.Province",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    city = models.CharField(_("city"), max_length=80, blank=True)
    phone = PhoneNumberField(_("phone"), blank=True, region="MA")
    email = models.EmailField(_("email"), blank=True)
    interests = models.ManyToManyField(
        "directory.Sector", blank=True, related_name="+", verbose_name=_("interests")
    )
    heard_from = models.CharField(
        _("heard of the programme through"), max_length=16, choices=HeardFrom, blank=True
    )
    consent_version = models.CharField(_("consent version"), max_length=64, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)

    class Meta:
        verbose_name = _("youth contact")
        verbose_name_plural = _("youth contacts")
        ordering = ["-last_activity_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["phone"], condition=~models.Q(phone=""), name="youth_contact_unique_phone"
            ),
            models.UniqueConstraint(
                fields=["email"], condition=~models.Q(email=""), name="youth_contact_unique_email"
            ),
        ]
        indexes = [models.Index(fields=["last_activity_at"])]

    def __str__(self):
        # No phone or email here: this label can end up in admin logs.
        return _("Contact #%(pk)s") % {"pk": self.pk}

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def age_band(self):
        return age_band(self.birth_year)

    def get_age_band_display(self):
        return dict(AGE_BANDS).get(self.age_band, "")

    def interests_display(self):
        return ", ".join(sector.label for sector in self.interests.all())

    def events_display(self):
        return ", ".join(r.event.title for r in self.registrations.all())

    def event_count(self):
        annotated = getattr(self, "n_events", None)
        return annotated if annotated is not None else self.registrations.count()

    interests_display.short_description = _("interests")
    events_display.short_description = _("events")
    event_count.short_description = _("events")


class Registration(models.Model):
    """A registration for an event; the contact is emptied if the person's data is erased."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    contact = models.ForeignKey(
        Contact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("contact"),
    )
    event = models.ForeignKey(
        "cms.EventPage",
        on_delete=models.CASCADE,
        related_name="youth_registrations",
        verbose_name=_("event"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.CONFIRMED)
    # Anonymous facts kept for the indicators after the contact is erased.
    province = models.ForeignKey(
        "directory.Province",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    age_band = models.CharField(_("age band"), max_length=10, choices=AGE_BANDS, blank=True)
    interests = models.ManyToManyField(
        "directory.Sector", blank=True, related_name="+", verbose_name=_("interests")
    )
    heard_from = models.CharField(
        _("heard of the programme through"), max_length=16, choices=HeardFrom, blank=True
    )
    consent_version = models.CharField(_("consent version"), max_length=64)
    consent_at = models.DateTimeField(_("consent given at"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "event"], name="youth_registration_once_per_event"
            )
        ]

    def __str__(self):
        return _("Registration #%(pk)s") % {"pk": self.pk}

    def person(self):
        return self.contact.full_name if self.contact_id else _("(erased)")

    def contact_phone(self):
        return str(self.contact.phone or "") if self.contact_id else ""

    def contact_email(self):
        return self.contact.email if self.contact_id else ""

    person.short_description = _("person")
    contact_phone.short_description = _("phone")
    contact_email.short_description = _("email")


class ErasedContact(models.Model):
    """An anonymous trace of a contact whose personal data was erased: kept for the counts."""

    class Reason(models.TextChoices):
        REQUEST = "request", _("At the person's request")
        RETENTION = "retention", _("Retention period over")

    province = models.ForeignKey(
        "directory.Province", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    age_band = models.CharField(max_length=10, choices=AGE_BANDS, blank=True)
    registered_year = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.CharField(max_length=10, choices=Reason)
    erased_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("erased contact (anonymous)")
        verbose_name_plural = _("erased contacts (anonymous)")

    def __str__(self):
        return f"{self.get_reason_display()} · {self.erased_at:%Y-%m-%d}"


class AccessLog(models.Model):
    """Who looked at or exported the youth database, when, and with which filters."""

    # A log line refers to nothing an editor would follow: keep it out of Wagtail's reference
    # index (otherwise every logged view of a list would also write index rows).
    wagtail_reference_index_ignore = True

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed the list")
        INSPECT = "inspect", _("Viewed one entry")
        EXPORT_CSV = "export_csv", _("Exported CSV")
        EXPORT_XLSX = "export_xlsx", _("Exported XLSX")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    user_label = models.CharField(_("who"), max_length=255)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=12, choices=Action)
    subject = models.CharField(_("list"), max_length=20, default="contacts")
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)

    class Meta:
        verbose_name = _("youth data access")
        verbose_name_plural = _("youth data accesses")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.user_label} · {self.get_action_display()} · {self.at:%Y-%m-%d %H:%M}"

    @property
    def is_export(self):
        return self.action in (self.Action.EXPORT_CSV, self.Action.EXPORT_XLSX)

    def filters_display(self):
        return ", ".join(f"{key}={value}" for key, value in sorted(self.filters.items()))

    filters_display.short_description = _("filters")


class DataRequest(models.Model):
    """A request about one's personal data (copy or deletion).

    Email requests wait (``pending``) until the person opens the link sent to the address;
    the link carries only this row's signed id, so no address shows in URLs or server logs.
    Phone-only requests cannot be confirmed by SMS: they wait, with the phone, for staff to
    call back. The address or phone is blanked once the request is done or expired.
    """

    class Kind(models.TextChoices):
        COPY = "copy", _("Copy of my data")
        DELETE = "delete", _("Deletion of my data")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the person's confirmation")
        CALL_BACK = "call_back", _("To call back")
        DONE = "done", _("Done")
        EXPIRED = "expired", _("Expired")

    kind = models.CharField(_("request"), max_length=8, choices=Kind)
    status = models.CharField(_("status"), max_length=10, choices=Status)
    email = models.EmailField(_("email"), blank=True)
    phone = PhoneNumberField(_("phone"), blank=True, region="MA")
    items = models.PositiveIntegerField(_("items concerned"), default=0)
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    staff_note = models.TextField(_("staff note"), blank=True)

    class Meta:
        verbose_name = _("personal-data request")
        verbose_name_plural = _("personal-data requests")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Request #%(pk)s") % {"pk": self.pk}

    def save(self, *args, **kwargs):
        # Once handled or expired, the address and phone are no longer needed: forget them.
        if self.status in (self.Status.DONE, self.Status.EXPIRED):
            self.phone = ""
            self.email = ""
            if self.status == self.Status.DONE:
                self.handled_at = self.handled_at or timezone.now()
        super().save(*args, **kwargs)
