"""The hackathon's personal-data provider: export and anonymising erasure."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hackathon import indicators
from hackathon.models import Application, TeamMember
from hackathon.privacy import provider
from tests.factories.hackathon import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    item = ApplicationFactory(
        email="salma@example.ma",
        phone="+212612345678",
        members=[("Salma Benali", 2000), ("Karim Ziani", 1999)],
    )
    item.attachments.create(
        title="Budget", file=SimpleUploadedFile("budget.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    return item


def test_export_finds_the_application_by_email_or_phone(application):
    ApplicationFactory(email="autre@example.ma")
    for email, phone in (("SALMA@example.ma", ""), ("", "+212612345678")):
        records = provider.export(email, phone)
        kinds = [r["type"] for r in records]
        assert kinds == ["hackathon_application", "hackathon_team_member", "hackathon_team_member"]
        assert records[0]["project_name"] == application.project_name
        assert records[0]["attachments"].startswith("budget")
        assert {r["name"] for r in records[1:]} == {"Salma Benali", "Karim Ziani"}
        assert all(not isinstance(v, (list, dict)) for r in records for v in r.values())
    assert provider.export("nobody@example.ma", "") == []


def test_erase_leaves_nothing_personal_but_keeps_the_count(application):
    path = application.attachments.get().file.path
    assert provider.erase("salma@example.ma", "") == 1
    application.refresh_from_db()
    assert "Salma" not in application.holder_name
    assert application.email != "salma@example.ma"
    assert not application.phone and not application.description and not application.needs
    assert application.applicant is None
    assert not TeamMember.objects.filter(application=application).exists()
    assert not application.attachments.exists()
    import os

    assert not os.path.exists(path)
    assert provider.export("salma@example.ma", "+212612345678") == []
    # The anonymous row still counts in the indicators.
    figures = {i.key: i for i in indicators.compute()["indicators"]}
    assert figures["applications"].total == Application.objects.count() == 1


def test_the_provider_is_registered_with_the_youth_registry():
    from youth import privacy

    assert provider in privacy.providers()
