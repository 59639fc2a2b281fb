"""The personal-data registry: every app holding people's data registers a provider.

A provider is any object with:

* ``label``: what it holds, for people (a lazy translatable string);
* ``export(email, phone) -> list[dict]``: every record held about the person with this email
  (lower-cased, may be "") or this phone (E.164, may be ""), as flat JSON-able dicts;
* ``erase(email, phone) -> int``: delete or anonymise those records, return how many.

Apps register theirs in ``AppConfig.ready()``::

    if apps.is_installed("youth"):
        from youth.privacy import register
        register(MyProvider())
"""

import json
import logging

import phonenumbers
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission

from core.spreadsheets import csv_text
from youth.models import AccessLog, DataRequest, ErasedContact
from youth.services import erase_contact, find_contacts

logger = logging.getLogger(__name__)

_providers = []


def register(provider):
    """Add a provider (once: registering the same label again replaces it)."""
    for index, existing in enumerate(_providers):
        if str(existing.label) == str(provider.label) and type(existing) is type(provider):
            _providers[index] = provider
            return provider
    _providers.append(provider)
    return provider


def providers():
    return list(_providers)


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def export_all(email="", phone=""):
    """``{provider label: [records]}`` for every provider holding something."""
    found = {}
    for provider in _providers:
        records = provider.export(email, phone)
        if records:
            found[str(provider.label)] = [
                {key: _plain(value) for key, value in record.items()} for record in records
            ]
    return found


def holds_anything(email="", phone=""):
    return any(provider.export(email, phone) for provider in _providers)


def erase_all(email="", phone=""):
    """Erase everything every provider holds; ``{provider label: count}``."""
    counts = {}
    with transaction.atomic():
        for provider in _providers:
            counts[str(provider.label)] = provider.erase(email, phone)
    logger.info("youth.privacy: erasure done, %s records", sum(counts.values()))
    return counts


def as_json(found):
    return json.dumps(found, ensure_ascii=False, indent=2, sort_keys=True)


def as_csv(found):
    """One CSV: a row per field of every record (source, record number, field, value)."""
    return csv_text(
        ["source", "record", "field", "value"],
        (
            [source, number, key, value]
            for source, records in found.items()
            for number, record in enumerate(records, start=1)
            for key, value in record.items()
        ),
    )


# --------------------------------------------------------------------------------------
# Providers of this app and of apps that cannot depend on it (cms contact form)
# --------------------------------------------------------------------------------------
class YouthProvider:
    """Youth contacts and their event registrations."""

    label = _("Youth contacts and event registrations")

    def _contacts(self, email, phone):
        return (
            find_contacts(email, phone)
            .select_related("province")
            .prefetch_related("interests", "registrations__event")
        )

    def export(self, email, phone):
        records = []
        for contact in self._contacts(email, phone):
            records.append(
                {
                    "type": "contact",
                    "first_name": contact.first_name,
                    "last_name": contact.last_name,
                    "birth_year": contact.birth_year,
                    "gender": contact.gender,
                    "province": contact.province.name if contact.province else "",
                    "city": contact.city,
                    "phone": str(contact.phone or ""),
                    "email": contact.email,
                    "interests": ", ".join(s.name for s in contact.interests.all()),
                    "heard_from": contact.heard_from,
                    "consent_version": contact.consent_version,
                    "consent_at": contact.consent_at.isoformat() if contact.consent_at else "",
                    "created_at": contact.created_at.isoformat(),
                    "last_activity_at": contact.last_activity_at.isoformat(),
                }
            )
            for registration in contact.registrations.all():
                records.append(
                    {
                        "type": "event registration",
                        "event": registration.event.title,
                        "event_start": registration.event.start.isoformat(),
                        "status": registration.status,
                        "consent_version": registration.consent_version,
                        "consent_at": registration.consent_at.isoformat(),
                        "registered_at": registration.created_at.isoformat(),
                    }
                )
        return records

    def erase(self, email, phone):
        count = 0
        for contact in list(self._contacts(email, phone)):
            count += 1 + contact.registrations.count()
            erase_contact(contact, ErasedContact.Reason.REQUEST)
        # Staff may have searched the list for this person: blank those searches.
        needles = [n for n in (email, phone, phone[4:] if phone.startswith("+212") else "") if n]
        query = Q(pk__in=[])
        for needle in needles:
            query |= Q(filters__icontains=needle)
        for log in AccessLog.objects.filter(query):
            log.filters = dict.fromkeys(log.filters, "[erased]")
            log.save(update_fields=["filters"])
        if phone:
            DataRequest.objects.filter(phone=phone).update(phone="")
        if email:
            DataRequest.objects.filter(email__iexact=email).update(email="")
        return count


def _submission_values(submission):
    data = submission.form_data if isinstance(submission.form_data, dict) else {}
    return data


def _matches(value, email, phone):
    if not isinstance(value, str) or not value.strip():
        return False
    text = value.strip()
    if email and text.lower() == email:
        return True
    if phone and any(ch.isdigit() for ch in text) and len(text) <= 32:
        try:
            number = phonenumbers.parse(text, "MA")
        except phonenumbers.NumberParseException:
            return False
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == phone
    return False


class ContactFormProvider:
    """Messages sent through the site's contact form (Wagtail form submissions)."""

    label = _("Messages sent through the contact form")

    def _submissions(self, email, phone):
        submissions = FormSubmission.objects.select_related("page")
        if email and not phone:
            submissions = submissions.filter(form_data__icontains=email)
        return [
            submission
            for submission in submissions.iterator()
            if any(_matches(v, email, phone) for v in _submission_values(submission).values())
        ]

    def export(self, email, phone):
        records = []
        for submission in self._submissions(email, phone):
            record = {"type": "contact form message", "page": submission.page.title}
            record["submitted_at"] = submission.submit_time.isoformat()
            record.update(_submission_values(submission))
            records.append(record)
        return records

    def erase(self, email, phone):
        submissions = self._submissions(email, phone)
        for submission in submissions:
            submission.delete()
        return len(submissions)
