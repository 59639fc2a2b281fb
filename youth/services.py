"""Registering for events, deduplicating contacts and erasing them.

Log messages name contacts and registrations by their id only, never by their personal data.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from cms.models import EventPage
from youth.models import Contact, DataRequest, ErasedContact, Registration, age_band

logger = logging.getLogger(__name__)


# --------------------------------------------------------------------------------------
# Settings and consent
# --------------------------------------------------------------------------------------
def personal_data_settings():
    """``settings.PERSONAL_DATA`` with every key present (lazy texts left lazy)."""
    values = {
        "controller": "",
        "contact_email": "",
        "cndp_declaration": "",
        "retention_months": 36,
        "consent_version": "1",
        "purpose": "",
        "recipients": "",
        "request_link_hours": 48,
    }
    values.update(getattr(settings, "PERSONAL_DATA", {}))
    return values


# Raise when the consent paragraph (templates/youth/includes/consent_text.html) changes meaning.
CONSENT_TEMPLATE_REVISION = 1


def consent_version():
    """The consent wording's version: the configured version plus a digest of every value
    the consent text shows, so that any change of controller, purpose, recipients,
    retention or CNDP number gives a new version."""
    values = personal_data_settings()
    with translation.override(settings.LANGUAGE_CODE):
        shown = {
            key: str(values[key])
            for key in (
                "controller",
                "contact_email",
                "cndp_declaration",
                "retention_months",
                "purpose",
                "recipients",
            )
        }
    shown["template"] = CONSENT_TEMPLATE_REVISION
    digest = hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()[:10]
    return f"{values['consent_version']}-{digest}"


def retention_delta():
    return timedelta(days=round(30.44 * int(personal_data_settings()["retention_months"])))


# --------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------
def event_registrations(event):
    """Registrations of an event, whatever the language version it was made on."""
    return Registration.objects.filter(event__translation_key=event.translation_key)


def confirmed_count(event):
    return event_registrations(event).filter(status=Registration.Status.CONFIRMED).count()


def registration_state(event, now=None):
    """``"open"``, ``"full"`` (open, new people go to the waiting list), ``"closed"``
    (closed by staff or past the closing time) or ``"past"``."""
    now = now or timezone.now()
    if event.is_past:
        return "past"
    closes_at = getattr(event, "registration_closes_at", None)
    if not event.registration_open or (closes_at and closes_at <= now):
        return "closed"
    if event.capacity is not None and confirmed_count(event) >= event.capacity:
        return "full"
    return "open"


# --------------------------------------------------------------------------------------
# Contacts
# --------------------------------------------------------------------------------------
def find_contacts(email="", phone=""):
    """Contacts holding this email (case-insensitive) or this E.164 phone."""
    query = Q(pk__in=[])
    if email:
        query |= Q(email__iexact=email.strip())
    if phone:
        query |= Q(phone=str(phone))
    return Contact.objects.filter(query)


def _merge(keep, other):
    """Move ``other``'s registrations and interests to ``keep`` and delete ``other``."""
    events = set(keep.registrations.values_list("event__translation_key", flat=True))
    for registration in other.registrations.select_related("event"):
        if registration.event.translation_key in events:
            registration.delete()
        else:
            registration.contact = keep
            registration.save(update_fields=["contact"])
    keep.interests.add(*other.interests.all())
    logger.info("youth: contact %s merged into contact %s", other.pk, keep.pk)
    other.delete()


class DuplicateRegistration(Exception):
    """This person (same phone or email) is already registered for the event."""


class RegistrationClosed(Exception):
    """The event does not take registrations (closed, past)."""


@dataclass
class RegistrationResult:
    registration: Registration
    contact: Contact
    created_contact: bool

    @property
    def waitlisted(self):
        return self.registration.status == Registration.Status.WAITLISTED


def _same_name(contact, data):
    """Whether ``contact`` bears the first and last names typed in ``data`` (letter case
    and spacing aside)."""

    def norm(value):
        return " ".join((value or "").split()).casefold()

    return norm(contact.first_name) == norm(data["first_name"]) and norm(contact.last_name) == norm(
        data["last_name"]
    )


def _contact_for(existing, data, email, phone):
    """The contact a public registration belongs to, and whether the form may update it.

    The form is public: anyone can type someone else's phone or email. So a registration
    only updates a contact (or merges two) when the names typed are the ones on file; it
    otherwise attaches to the contact holding that phone or email and changes nothing of
    theirs (the confirmation goes to the email on file, which tells its owner)."""
    if not existing:
        return Contact(), True

    def holds_both(contact):
        return bool(email and phone) and contact.email == email and str(contact.phone) == phone

    ranked = sorted(existing, key=lambda c: (not holds_both(c), not _same_name(c, data)))
    contact = ranked[0]
    return contact, _same_name(contact, data)


def _update_contact(contact, data, email, phone, language, now):
    """Write the form's details on ``contact`` (new, or the same person on file)."""
    contact.first_name = data["first_name"].strip()
    contact.last_name = data["last_name"].strip()
    contact.birth_year = data["birth_year"]
    contact.gender = data.get("gender") or contact.gender
    contact.province = data["province"]
    contact.city = data["city"].strip()
    # A phone or email another contact holds stays theirs (their names differ).
    taken = Contact.objects.exclude(pk=contact.pk) if contact.pk else Contact.objects.all()
    if phone and not taken.filter(phone=phone).exists():
        contact.phone = phone
    if email and not taken.filter(email__iexact=email).exists():
        contact.email = email
    contact.heard_from = contact.heard_from or data.get("heard_from") or ""
    contact.consent_version = consent_version()
    contact.consent_at = now
    contact.language = language or contact.language
    contact.last_activity_at = now


def register(event, data, *, language=""):
    """Register the person described by ``data`` (a RegistrationForm's cleaned data) for
    ``event``: create or update their contact, add a confirmed or waiting-list
    registration. Raises ``RegistrationClosed`` or ``DuplicateRegistration`` (then nothing
    is saved)."""
    now = timezone.now()
    email = (data.get("email") or "").strip().lower()
    phone = str(data.get("phone") or "")
    with transaction.atomic():
        # Lock the event row so that two last-place registrations cannot both be confirmed.
        event = EventPage.objects.select_for_update().get(pk=event.pk)
        state = registration_state(event, now)
        if state in ("closed", "past"):
            raise RegistrationClosed(state)
        existing = list(find_contacts(email, phone).order_by("created_at", "pk"))
        if existing and event_registrations(event).filter(contact__in=existing).exists():
            raise DuplicateRegistration
        contact, same_person = _contact_for(existing, data, email, phone)
        created = contact.pk is None
        if same_person:
            for other in existing:
                if other.pk != contact.pk and _same_name(other, data):
                    _merge(contact, other)
            _update_contact(contact, data, email, phone, language, now)
            contact.save()
        interests = list(data.get("interests") or [])
        if interests and same_person:
            contact.interests.add(*interests)
        status = (
            Registration.Status.WAITLISTED if state == "full" else Registration.Status.CONFIRMED
        )
        # The registration keeps what was declared for it (the indicators count these).
        registration = Registration.objects.create(
            contact=contact,
            event=event,
            status=status,
            province=data["province"],
            age_band=age_band(data["birth_year"]),
            heard_from=data.get("heard_from") or "",
            consent_version=consent_version(),
            consent_at=now,
            language=language,
        )
        if interests:
            registration.interests.set(interests)
    logger.info(
        "youth: registration %s (%s) for event %s, contact %s%s",
        registration.pk,
        status,
        event.pk,
        contact.pk,
        " (new)" if created else "",
    )
    return RegistrationResult(registration, contact, created)


# --------------------------------------------------------------------------------------
# Erasure
# --------------------------------------------------------------------------------------
def erase_contact(contact, reason):
    """Delete a contact's personal data; keep its registrations, anonymous, and a count."""
    first_registration = contact.registrations.order_by("created_at").first()
    ErasedContact.objects.create(
        province=contact.province,
        age_band=age_band(contact.birth_year),
        registered_year=(
            first_registration.created_at.year if first_registration else contact.created_at.year
        ),
        reason=reason,
    )
    contact.registrations.update(contact=None)
    ModelLogEntry.objects.filter(
        content_type__app_label="youth",
        content_type__model="contact",
        object_id=str(contact.pk),
    ).delete()
    pk = contact.pk
    contact.delete()
    logger.info("youth: contact %s erased (%s)", pk, reason)


def expire_data_requests(now=None):
    """Close email requests whose link expired, forgetting their address; return how many."""
    hours = int(personal_data_settings()["request_link_hours"])
    expired = DataRequest.objects.filter(
        status=DataRequest.Status.PENDING,
        created_at__lte=(now or timezone.now()) - timedelta(hours=hours),
    )
    count = 0
    for data_request in expired:
        data_request.status = (
            DataRequest.Status.DONE if data_request.handled_at else DataRequest.Status.EXPIRED
        )
        data_request.save()
        count += 1
    return count


def purge_expired(now=None, dry_run=False):
    """Erase contacts whose last activity is older than the retention period; return them
    (their ids) in a list."""
    cutoff = (now or timezone.now()) - retention_delta()
    expired = list(Contact.objects.filter(last_activity_at__lt=cutoff).order_by("pk"))
    if not dry_run:
        with transaction.atomic():
            for contact in expired:
                erase_contact(contact, ErasedContact.Reason.RETENTION)
    return [contact.pk for contact in expired], cutoff


# --------------------------------------------------------------------------------------
# Counts for the indicators (erased people still count, anonymously)
# --------------------------------------------------------------------------------------
def people_reached(province=None):
    """Young people in the database, plus those whose data was erased since."""
    contacts = Contact.objects.all()
    erased = ErasedContact.objects.all()
    if province is not None:
        contacts = contacts.filter(province=province)
        erased = erased.filter(province=province)
    return contacts.count() + erased.count()
