"""Selecting an application onboards its holder in one step, once."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from directory.models import Profile
from hackathon.models import Accompaniment, Application
from hackathon.onboarding import onboard
from shop.partner.models import Partner
from tests.factories import PartnerFactory, UserFactory
from tests.factories.hackathon import ApplicationFactory, CallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="hackathon",
            codename__in=["view_application", "decide_application", "view_indicators"],
        ),
    )
    return user


def select(client, staff, application, capture):
    client.force_login(staff)
    with capture(execute=True):
        response = client.post(
            reverse("hackathon_admin:decision", args=[application.pk]), {"action": "select"}
        )
    assert response.status_code == 302
    application.refresh_from_db()
    return application


def test_selecting_onboards_the_applicant_in_one_step(
    client, staff, django_capture_on_commit_callbacks
):
    application = select(client, staff, ApplicationFactory(), django_capture_on_commit_callbacks)
    user = application.applicant
    assert application.status == Application.Status.SELECTED
    assert application.onboarded_at is not None

    profile = application.profile
    assert profile.user == user
    assert profile.is_accompanied is True  # the beneficiary badge
    assert profile.cohort_year == 2026  # the programme starts on 1 March 2026
    assert profile.status == Profile.Status.APPROVED
    assert profile.province.slug == "oujda-angad"
    assert list(profile.disciplines.values_list("slug", flat=True)) == ["photographie"]

    partner = Partner.objects.get(profile=profile)
    assert list(partner.users.all()) == [user]
    assert not user.has_perm("partner.dashboard_access")  # Oscar's dashboard: superusers

    accompaniment = Accompaniment.objects.get(profile=profile)
    assert accompaniment.milestones.count() == 5
    assert accompaniment.starts_on == application.call.programme_starts_on

    # The creator space works right away.
    client.force_login(user)
    assert client.get(reverse("creators:summary")).status_code == 200
    # And the badge shows on the public profile.
    page = client.get(profile.get_absolute_url())
    assert page.status_code == 200
    assert "badge-accompanied" in page.content.decode()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [application.email]


def test_a_holder_without_an_account_gets_one_and_a_password_link(
    client, staff, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(
        applicant=None, email="nouvelle@example.ma", holder_name="Nadia Ouali"
    )
    application = select(client, staff, application, django_capture_on_commit_callbacks)
    user = User.objects.get(email="nouvelle@example.ma")
    assert (user.first_name, user.last_name) == ("Nadia", "Ouali")
    assert not user.has_usable_password()
    assert application.applicant == user

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    match = re.search(r"https?://\S+/password-reset/confirm/\S+/", body)
    assert match, body
    client.logout()
    response = client.get(urlsplit(match.group(0)).path)
    # Django redirects a valid token to the "set-password" form of the same view.
    assert response.status_code == 302
    form = client.get(response["Location"])
    assert form.status_code == 200
    assert form.context["validlink"] is True


def test_an_existing_creator_keeps_their_profile_and_shop(
    client, staff, django_capture_on_commit_callbacks
):
    shop = PartnerFactory()
    user = shop.profile.user
    application = ApplicationFactory(applicant=user)
    application = select(client, staff, application, django_capture_on_commit_callbacks)
    assert application.profile == shop.profile
    assert Partner.objects.filter(profile=shop.profile).count() == 1
    shop.profile.refresh_from_db()
    assert shop.profile.is_accompanied and shop.profile.cohort_year == 2026
    assert Profile.objects.filter(user=user).count() == 1


def test_onboarding_twice_changes_nothing_and_emails_once(
    client, staff, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(applicant=None, email="deux@example.ma")
    select(client, staff, application, django_capture_on_commit_callbacks)
    counts = (
        User.objects.count(),
        Profile.objects.count(),
        Partner.objects.count(),
        Accompaniment.objects.count(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        onboard(application)
        onboard(application)
    assert (
        User.objects.count(),
        Profile.objects.count(),
        Partner.objects.count(),
        Accompaniment.objects.count(),
    ) == counts
    assert len(mail.outbox) == 1


def test_a_selected_application_cannot_be_rejected_afterwards(
    client, staff, django_capture_on_commit_callbacks
):
    application = select(client, staff, ApplicationFactory(), django_capture_on_commit_callbacks)
    client.post(reverse("hackathon_admin:decision", args=[application.pk]), {"action": "reject"})
    application.refresh_from_db()
    assert application.status == Application.Status.SELECTED


def test_a_selected_applicant_sees_the_outcome_and_no_edit_link(
    client, staff, django_capture_on_commit_callbacks
):
    call = CallFactory()
    application = select(
        client, staff, ApplicationFactory(call=call), django_capture_on_commit_callbacks
    )
    client.force_login(application.applicant)
    response = client.get(reverse("hackathon:application", args=[application.pk]))
    assert response.status_code == 200
    assert (
        reverse("hackathon:application-edit", args=[application.pk])
        not in response.content.decode()
    )


def test_staff_follow_the_accompaniment_in_the_admin(
    client, staff, django_capture_on_commit_callbacks
):
    application = select(client, staff, ApplicationFactory(), django_capture_on_commit_callbacks)
    accompaniment = Accompaniment.objects.get(profile=application.profile)
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("wagtailsnippets_hackathon_accompaniment:edit", args=[accompaniment.pk])
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="milestones-TOTAL_FORMS" value="5"' in content
    assert 'name="sessions-TOTAL_FORMS"' in content
    assert 'name="hub"' in content and 'name="notes"' in content
    listing = client.get(reverse("wagtailsnippets_hackathon_accompaniment:list"))
    assert listing.status_code == 200
    assert application.profile.name in listing.content.decode()
