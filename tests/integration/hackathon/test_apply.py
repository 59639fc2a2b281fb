"""Applying to the hackathon: the form, eligibility, deadline, privacy between applicants."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from hackathon.models import Application
from tests.factories import UserFactory, discipline, province, sector
from tests.factories.hackathon import ApplicationFactory, CallFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def form_data(members=(("Salma Benali", "2000"),), **overrides):
    data = {
        "project_name": "Lumières de l'Oriental",
        "sector": sector("lumiere").pk,
        "discipline": discipline("projection-mapping").pk,
        "description": "Du mapping vidéo sur les façades de la médina.",
        "stage": "prototype",
        "needs": "Un vidéoprojecteur et un lieu de répétition.",
        "holder_name": "Salma Benali",
        "email": "salma@example.ma",
        "phone": "+212612345678",
        "province": province("berkane").pk,
        "city": "Berkane",
        "website": "",
        "team-TOTAL_FORMS": "5",
        "team-INITIAL_FORMS": "0",
        "team-MIN_NUM_FORMS": "1",
        "team-MAX_NUM_FORMS": "5",
        "files-TOTAL_FORMS": "3",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "3",
    }
    for index, (name, year) in enumerate(members):
        data[f"team-{index}-name"] = name
        data[f"team-{index}-birth_year"] = year
    data.update(overrides)
    return data


@pytest.fixture
def call():
    return CallFactory()


@pytest.fixture
def applicant(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_the_call_page_shows_the_open_call(client, call):
    response = client.get(reverse("hackathon:call"))
    assert response.status_code == 200
    assert call.title in response.content.decode()
    assert reverse("hackathon:apply") in response.content.decode()


def test_applying_requires_an_account_and_comes_back_after_sign_in(client, call):
    response = client.get(reverse("hackathon:apply"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("customer:login"))
    assert response["Location"].endswith("?next=" + reverse("hackathon:apply"))
    # Oscar's sign-in page also holds the registration form, which keeps the same ``next``.
    assert client.get(response["Location"]).status_code == 200


def test_an_eligible_team_applies_with_an_attachment(client, call, applicant):
    data = form_data(members=[("Salma Benali", "2000"), ("Karim Ziani", "1996")])
    data["files-0-title"] = "Portfolio"
    data["files-0-file"] = SimpleUploadedFile("portfolio.pdf", PDF, "application/pdf")
    response = client.post(reverse("hackathon:apply"), data)
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("hackathon:application", args=[application.pk])
    assert application.applicant == applicant
    assert application.call == call
    assert application.province.slug == "berkane"
    assert [(m.name, m.birth_year) for m in application.members.all()] == [
        ("Salma Benali", 2000),
        ("Karim Ziani", 1996),
    ]
    attachment = application.attachments.get()
    download = client.get(reverse("hackathon:attachment", args=[application.pk, attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"


def test_a_member_over_30_at_the_start_is_refused_and_nothing_is_saved(client, call, applicant):
    data = form_data(members=[("Salma Benali", "2000"), ("Karim Ziani", "1995")])
    response = client.post(reverse("hackathon:apply"), data)
    assert response.status_code == 400
    assert not Application.objects.exists()
    content = response.content.decode()
    assert "Karim Ziani" in content  # what was typed is kept
    assert "1995" in content and "1996" in content and "2008" in content


def test_a_team_needs_at_least_one_member_and_at_most_five(client, call, applicant):
    response = client.post(reverse("hackathon:apply"), form_data(members=[]))
    assert response.status_code == 400
    too_many = form_data(members=[(f"Membre {i}", "2000") for i in range(6)])
    too_many["team-TOTAL_FORMS"] = "6"
    response = client.post(reverse("hackathon:apply"), too_many)
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_a_province_outside_the_oriental_is_refused(client, call, applicant):
    response = client.post(reverse("hackathon:apply"), form_data(province="999999"))
    assert response.status_code == 400
    assert not Application.objects.exists()
    with translation.override("fr"):
        expected = gettext(
            "Only young people from one of the Oriental's eight provinces and prefectures "
            "may apply."
        )
    assert expected in response.content.decode().replace("&#x27;", "'")


def test_an_attachment_that_is_not_a_document_is_refused(client, call, applicant):
    data = form_data()
    data["files-0-file"] = SimpleUploadedFile(
        "cv.pdf", b"<html>not a pdf</html>", "application/pdf"
    )
    response = client.post(reverse("hackathon:apply"), data)
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_a_closed_call_refuses_new_applications_with_a_clear_page(client, applicant):
    CallFactory(
        opens_at=timezone.now() - timedelta(days=20), closes_at=timezone.now() - timedelta(days=1)
    )
    response = client.get(reverse("hackathon:apply"))
    assert response.status_code == 200
    with translation.override("fr"):
        assert gettext("This call is closed") in response.content.decode().replace("&#x27;", "'")
    response = client.post(reverse("hackathon:apply"), form_data())
    assert not Application.objects.exists()


def test_the_applicant_edits_until_the_deadline_then_reads_only(client, call, applicant):
    application = ApplicationFactory(call=call, applicant=applicant)
    edit_url = reverse("hackathon:application-edit", args=[application.pk])
    assert client.get(edit_url).status_code == 200
    data = form_data(project_name="Nouveau nom")
    data["team-INITIAL_FORMS"] = "1"
    member = application.members.get()
    data["team-0-id"] = str(member.pk)
    data["team-0-application"] = str(application.pk)
    response = client.post(edit_url, data)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.project_name == "Nouveau nom"

    call.closes_at = timezone.now() - timedelta(minutes=1)
    call.save()
    response = client.post(edit_url, {**data, "project_name": "Trop tard"})
    assert response.status_code == 302
    assert response["Location"] == reverse("hackathon:application", args=[application.pk])
    application.refresh_from_db()
    assert application.project_name == "Nouveau nom"
    detail = client.get(reverse("hackathon:application", args=[application.pk]))
    assert detail.status_code == 200
    assert edit_url not in detail.content.decode()


def test_a_second_visit_to_apply_leads_to_the_existing_application(client, call, applicant):
    application = ApplicationFactory(call=call, applicant=applicant)
    response = client.get(reverse("hackathon:apply"))
    assert response.status_code == 302
    assert response["Location"] == reverse("hackathon:application-edit", args=[application.pk])


def test_another_applicants_application_and_attachment_answer_404(client, call, applicant):
    other = ApplicationFactory(call=call)
    attachment = other.attachments.create(
        title="Budget", file=SimpleUploadedFile("budget.pdf", PDF, "application/pdf")
    )
    for url in (
        reverse("hackathon:application", args=[other.pk]),
        reverse("hackathon:application-edit", args=[other.pk]),
        reverse("hackathon:attachment", args=[other.pk, attachment.pk]),
    ):
        assert client.get(url).status_code == 404
    assert (
        client.post(reverse("hackathon:application-edit", args=[other.pk]), form_data()).status_code
        == 404
    )


def test_the_honeypot_keeps_nothing(client, call, applicant):
    response = client.post(reverse("hackathon:apply"), form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not Application.objects.exists()


def test_too_many_posts_answer_429(client, call, applicant, settings):
    settings.RATELIMITS = {"hackathon.apply": [("user_or_ip", "2/h")]}
    for _ in range(2):
        client.post(reverse("hackathon:apply"), form_data(members=[]))

    response = client.post(reverse("hackathon:apply"), form_data())

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert not Application.objects.exists()


def test_the_form_page_renders(client, call, applicant):
    response = client.get(reverse("hackathon:apply"))
    assert response.status_code == 200
    assert 'name="team-0-birth_year"' in response.content.decode()
    assert 'name="files-0-file"' in response.content.decode()
