"""Deciding on applications, and onboarding a selected project holder in one step.

``onboard(application)`` runs in one transaction and leaves the holder with:

- a user account: the applicant's own, else an existing account with the application's
  email, else a new one without a usable password (the outcome email then carries a
  password-set link made with Django's password-reset token);
- a directory profile marked accompanied (the beneficiary badge) with the call's cohort year,
  approved so that it is public right away;
- an Oscar partner (their shop) tied to that profile, with the user in ``partner.users``: the
  creator space works at once (no permission is needed; Oscar's dashboard is not theirs);
- an accompaniment follow-up with five monthly milestones from the programme start.

Running it again changes nothing and sends nothing: every piece is looked up before it is made.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from directory.models import Profile
from shop.partner.models import Partner

from .emails import send_outcome
from .models import ACCOMPANIMENT_MONTHS, Accompaniment, Application, Milestone


def _holder_names(application):
    parts = application.holder_name.split(None, 1)
    return (parts[0] if parts else "", parts[1] if len(parts) > 1 else "")


def _user_for(application):
    """(user, created): the holder's account."""
    if application.applicant_id:
        return application.applicant, False
    User = get_user_model()
    user = User.objects.filter(email__iexact=application.email).order_by("pk").first()
    if user is not None:
        return user, False
    first, last = _holder_names(application)
    user = User(
        email=application.email,
        first_name=first,
        last_name=last,
        phone=application.phone or "",
        preferred_language=application.language or "",
        is_active=True,
    )
    user.set_unusable_password()
    user.save()
    return user, True


def _profile_for(application, user):
    cohort = application.call.cohort_year
    profile = application.profile
    if profile is None:
        profile = (
            Profile.objects.filter(user=user)
            .exclude(kind=Profile.Kind.HUB)
            .order_by("-is_accompanied", "pk")
            .first()
        )
    if profile is None:
        profile = Profile.objects.create(
            user=user,
            name=application.holder_name or application.project_name,
            kind=Profile.Kind.INDIVIDUAL,
            status=Profile.Status.APPROVED,
            headline=application.project_name[:160],
            bio=application.description,
            province=application.province,
            city=application.city,
            email="",
            reviewed_at=timezone.now(),
        )
        profile.sectors.add(application.sector)
        profile.disciplines.add(application.discipline)
    changed = []
    if not profile.is_accompanied:
        profile.is_accompanied = True
        changed.append("is_accompanied")
    if profile.cohort_year is None:
        profile.cohort_year = cohort
        changed.append("cohort_year")
    if changed:
        profile.save(update_fields=changed)
    return profile


def _unique_partner_slug(base):
    base = slugify(base)[:110] or "shop"
    slug, n = base, 2
    while Partner.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _partner_for(profile, user):
    partner = Partner.objects.filter(profile=profile).first()
    if partner is None:
        partner = Partner.objects.create(
            name=profile.name,
            slug=_unique_partner_slug(profile.slug or profile.name),
            profile=profile,
            is_active=True,
        )
    partner.users.add(user)
    return partner


def _add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, 28))


DEFAULT_MILESTONES = [
    gettext_noop("Business model and pricing agreed with the coach"),
    gettext_noop("Portfolio and shop online with first products or services"),
    gettext_noop("First sale or first client contract"),
    gettext_noop("Presence at L'Karfour, the youth culture market"),
    gettext_noop("Closing review: results and next steps"),
]


def _accompaniment_for(profile, application):
    accompaniment, created = Accompaniment.objects.get_or_create(
        profile=profile,
        defaults={
            "application": application,
            "starts_on": application.call.programme_starts_on,
        },
    )
    if created:
        start = application.call.programme_starts_on
        Milestone.objects.bulk_create(
            Milestone(
                accompaniment=accompaniment,
                title=_(title),
                due_on=_add_months(start, month) - timedelta(days=1),
                sort_order=month,
            )
            for month, title in enumerate(DEFAULT_MILESTONES[:ACCOMPANIMENT_MONTHS], start=1)
        )
    return accompaniment


@transaction.atomic
def onboard(application, by=None):
    """Select ``application`` and onboard its holder (see the module's docstring).

    Returns ``(profile, partner)``. Emails the outcome the first time only.
    """
    application = (
        Application.objects.select_for_update().select_related("call").get(pk=application.pk)
    )
    user, created = _user_for(application)
    profile = _profile_for(application, user)
    partner = _partner_for(profile, user)
    _accompaniment_for(profile, application)

    first_time = application.onboarded_at is None
    now = timezone.now()
    application.applicant = user
    application.profile = profile
    if application.status != Application.Status.SELECTED:
        application.status = Application.Status.SELECTED
        application.decided_at = now
        application.decided_by = by
    if first_time:
        application.onboarded_at = now
    application.save()
    if first_time:
        needs_password = created or not user.has_usable_password()
        send_outcome(application, invite_user=user if needs_password else None)
    return profile, partner


@transaction.atomic
def decide(application, action, by=None):
    """Shortlist, select (and onboard) or reject; email the applicant when the status changes.

    Returns the application as it now is.
    """
    if action == "select":
        onboard(application, by=by)
        return Application.objects.get(pk=application.pk)
    status = {
        "shortlist": Application.Status.SHORTLISTED,
        "reject": Application.Status.REJECTED,
    }[action]
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status == Application.Status.SELECTED:
        raise ValueError("selected applications stay selected")
    if application.status != status:
        application.status = status
        application.decided_at = timezone.now()
        application.decided_by = by
        application.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
        send_outcome(application)
    return application
