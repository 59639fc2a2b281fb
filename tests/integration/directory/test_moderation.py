"""Staff approve, reject with a reason, or suspend a profile; the owner is told by email."""

import pytest
from django.core import mail
from django.utils import translation

from directory.models import Profile
from tests.factories import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending():
    return ProfileFactory(
        name="Studio Atlas", status=Profile.Status.PENDING, user=UserFactory(email="o@example.org")
    )


def moderate(profile, status, reason=""):
    profile.status = status
    profile.rejection_reason = reason
    profile.save()
    profile.refresh_from_db()
    return profile


def test_approving_a_profile_publishes_it_and_tells_the_owner(client, pending):
    assert client.get(pending.get_absolute_url()).status_code == 404

    moderate(pending, Profile.Status.APPROVED)

    assert client.get(pending.get_absolute_url()).status_code == 200
    [email] = mail.outbox
    assert email.to == ["o@example.org"]
    with translation.override("fr"):  # emails are written in the site's default language
        assert pending.get_absolute_url() in email.body
    assert pending.reviewed_at is not None


def test_rejecting_a_profile_emails_the_reason(pending):
    moderate(pending, Profile.Status.REJECTED, "Ajoutez une photo de vos travaux.")

    [email] = mail.outbox
    assert email.to == ["o@example.org"]
    assert "Ajoutez une photo de vos travaux." in email.body


def test_suspending_a_profile_hides_it_and_tells_the_owner(client):
    profile = ProfileFactory(user=UserFactory(email="s@example.org"))

    moderate(profile, Profile.Status.SUSPENDED, "Signalements répétés.")

    assert client.get(profile.get_absolute_url()).status_code == 404
    [email] = mail.outbox
    assert "Signalements répétés." in email.body


def test_saving_without_a_status_change_sends_nothing(pending):
    pending.headline = "Nouveau titre"
    pending.save()

    assert mail.outbox == []


def test_a_profile_back_to_pending_records_when_it_was_submitted(pending):
    moderate(pending, Profile.Status.APPROVED)

    moderate(pending, Profile.Status.PENDING)

    assert pending.submitted_at is not None


def test_staff_see_the_moderation_fields_and_the_portfolio_in_the_wagtail_admin(client, pending):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    response = client.get(f"/admin/snippets/directory/profile/edit/{pending.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="rejection_reason"' in page
    assert 'name="status"' in page
    assert "portfolio-TOTAL_FORMS" in page
