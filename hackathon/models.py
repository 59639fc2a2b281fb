"""Hackathon calls, applications and the jury's scores; the beneficiaries' accompaniment.

A call opens and closes at given times; an applicant (a signed-in user) sends one
application per call with a team of 1 to 5 people and attachments. Jurors score each
application on four criteria; staff shortlist, select or reject. Selecting an application
onboards its holder (``hackathon.onboarding``) and opens their accompaniment follow-up.
"""

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField

from core.i18n import LocalizedMixin
from core.uploads import private_storage, validate_document

MIN_AGE = 18
MAX_AGE = 30
MAX_TEAM = 5
MAX_ATTACHMENTS = 3
ACCOMPANIMENT_MONTHS = 5


def age_in_year(birth_year, year):
    """The age someone born in ``birth_year`` reaches during ``year``.

    Only the birth year is asked, so the age at the programme start is taken as the age
    reached in the start's calendar year: 18 to 30 then means born between
    ``year - 30`` and ``year - 18`` inclusive (the benefit of the doubt at both edges).
    """
    return year - birth_year


class CallQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gt=moment)


class Call(LocalizedMixin, models.Model):
    """A call for hackathon applications (title and description in the three languages;
    ``call.local.title`` is the visitor's)."""

    title = models.CharField(_("title (French)"), max_length=160)
    title_ar = models.CharField(_("title (Arabic)"), max_length=160, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=160, blank=True)
    description = models.TextField(
        _("description (French)"),
        blank=True,
        help_text=_("Who may apply, how, and what happens next."),
    )
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(
        _("closes"), help_text=_("Applicants may edit their application until this moment.")
    )
    programme_starts_on = models.DateField(
        _("programme start"),
        help_text=_("Applicants must be aged 18 to 30 at this date (by birth year)."),
    )
    hackathon_on = models.DateField(_("hackathon day"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")

    def __str__(self):
        return self.local.title

    @property
    def cohort_year(self):
        return self.programme_starts_on.year

    @property
    def birth_years(self):
        """(earliest, latest) birth year accepted."""
        year = self.programme_starts_on.year
        return year - MAX_AGE, year - MIN_AGE

    def is_open(self, moment=None):
        moment = moment or timezone.now()
        return self.opens_at <= moment < self.closes_at

    def has_closed(self, moment=None):
        return (moment or timezone.now()) >= self.closes_at

    @classmethod
    def current(cls, moment=None):
        """The call open now; else the next one to open; else the last one that closed."""
        moment = moment or timezone.now()
        call = cls.objects.open_at(moment).order_by("closes_at").first()
        if call is None:
            call = cls.objects.filter(opens_at__gt=moment).order_by("opens_at").first()
        if call is None:
            call = cls.objects.filter(closes_at__lte=moment).order_by("-closes_at").first()
        return call


class Application(models.Model):
    """One project's application to a call, sent by its holder."""

    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        PROTOTYPE = "prototype", _("Prototype or first works")
        STARTED = "started", _("Activity started (first clients)")
        ESTABLISHED = "established", _("Established activity looking to grow")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        SELECTED = "selected", _("Selected")
        REJECTED = "rejected", _("Not selected")

    call = models.ForeignKey(
        Call, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call")
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hackathon_applications",
        verbose_name=_("applicant account"),
    )
    holder_name = models.CharField(_("project holder's full name"), max_length=160)
    email = models.EmailField(_("email"))
    phone = PhoneNumberField(_("phone"), blank=True)
    project_name = models.CharField(_("project name"), max_length=160)
    sector = models.ForeignKey(
        "directory.Sector", on_delete=models.PROTECT, related_name="+", verbose_name=_("sector")
    )
    discipline = models.ForeignKey(
        "directory.Discipline",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("discipline"),
    )
    description = models.TextField(_("project description"))
    stage = models.CharField(_("stage"), max_length=12, choices=Stage, default=Stage.IDEA)
    needs = models.TextField(
        _("needs"), help_text=_("Training, equipment, a workspace, clients, funding…")
    )
    province = models.ForeignKey(
        "directory.Province",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("province of residence"),
    )
    city = models.CharField(_("city"), max_length=80, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.SUBMITTED, db_index=True
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    profile = models.ForeignKey(
        "directory.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hackathon_applications",
        verbose_name=_("directory profile"),
        help_text=_("Set when the application is selected and its holder onboarded."),
    )
    onboarded_at = models.DateTimeField(_("onboarded"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "applicant"], name="hackathon_one_application_per_call"
            )
        ]
        permissions = [
            ("score_application", _("Can score hackathon applications (jury)")),
            ("decide_application", _("Can shortlist, select or reject applications")),
            ("view_indicators", _("Can view the programme indicators")),
        ]

    def __str__(self):
        return self.project_name

    def is_editable(self, moment=None):
        return self.status == self.Status.SUBMITTED and not self.call.has_closed(moment)


class TeamMember(models.Model):
    """A member of the project team; the first one is the holder."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="members", verbose_name=_("application")
    )
    name = models.CharField(_("full name"), max_length=160)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    role = models.CharField(_("role in the project"), max_length=120, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return self.name


def attachment_path(instance, filename):
    return f"hackathon/{instance.application.call_id}/{instance.application_id}/{filename}"


class Attachment(models.Model):
    """A document joined to an application (PDF or picture), kept in private storage."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("application"),
    )
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=attachment_path,
        validators=[validate_document],
        max_length=255,
    )
    title = models.CharField(_("what it is"), max_length=160, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.filename

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


def _criterion(label):
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class Score(models.Model):
    """One juror's score of one application: four criteria from 1 to 5."""

    CRITERIA = ("innovation", "feasibility", "impact", "team")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="scores", verbose_name=_("application")
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="hackathon_scores",
        verbose_name=_("juror"),
    )
    innovation = _criterion(_("innovation"))
    feasibility = _criterion(_("feasibility"))
    impact = _criterion(_("impact"))
    team = _criterion(_("team"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["application", "juror"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "juror"], name="hackathon_one_score_per_juror"
            )
        ]

    def __str__(self):
        return f"{self.application} — {self.juror}"

    @property
    def average(self):
        return sum(getattr(self, name) for name in self.CRITERIA) / len(self.CRITERIA)


class Accompaniment(ClusterableModel):
    """The five months' follow-up of one beneficiary (a directory profile)."""

    profile = models.OneToOneField(
        "directory.Profile",
        on_delete=models.CASCADE,
        related_name="accompaniment",
        verbose_name=_("beneficiary"),
        limit_choices_to={"is_accompanied": True},
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("application"),
    )
    hub = models.ForeignKey(
        "directory.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accompanied_beneficiaries",
        limit_choices_to={"kind": "hub"},
        verbose_name=_("assigned hub"),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    notes = models.TextField(_("staff notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["profile__name"]
        verbose_name = _("accompaniment")
        verbose_name_plural = _("accompaniments")

    def __str__(self):
        return str(self.profile)


class Milestone(models.Model):
    accompaniment = ParentalKey(Accompaniment, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due"))
    done = models.BooleanField(_("done"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["due_on", "sort_order", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title


class Session(models.Model):
    accompaniment = ParentalKey(Accompaniment, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"), default=date.today)
    topic = models.CharField(_("topic"), max_length=200)
    attended = models.BooleanField(_("attended"), default=True)

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.topic
