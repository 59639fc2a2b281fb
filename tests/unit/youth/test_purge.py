"""``manage.py purge_contacts``: contacts past the retention period are erased."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import event_page
from tests.factories.youth import ContactFactory, RegistrationFactory
from youth.models import Contact, ErasedContact, Registration
from youth.services import retention_delta

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts():
    now = timezone.now()
    old = ContactFactory(last_activity_at=now - retention_delta() - timedelta(days=1))
    recent = ContactFactory(last_activity_at=now - retention_delta() + timedelta(days=5))
    RegistrationFactory(contact=old, event=event_page(days=-900))
    return old, recent


def test_dry_run_says_what_it_would_erase_and_changes_nothing(contacts):
    out = StringIO()

    call_command("purge_contacts", "--dry-run", stdout=out)

    assert "Would erase 1 contact" in out.getvalue()
    assert Contact.objects.count() == 2
    assert not ErasedContact.objects.exists()


def test_purge_erases_only_expired_contacts_and_keeps_anonymous_counts(contacts):
    old, recent = contacts
    out = StringIO()

    call_command("purge_contacts", stdout=out)

    assert "Erased 1 contact" in out.getvalue()
    assert list(Contact.objects.values_list("pk", flat=True)) == [recent.pk]
    registration = Registration.objects.get()
    assert registration.contact is None
    assert registration.province_id == old.province_id
    erased = ErasedContact.objects.get()
    assert erased.reason == ErasedContact.Reason.RETENTION
    assert erased.province_id == old.province_id


def test_erased_people_still_count_as_reached(contacts):
    old, _recent = contacts
    from youth.services import people_reached

    before = people_reached()
    call_command("purge_contacts", stdout=StringIO())

    assert people_reached() == before == 2
    assert people_reached(province=old.province) == 2
