"""Personal-data rights: a copy or the deletion of everything held, confirmed by email."""

import csv
import io
import json
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import UserFactory, event_page
from tests.factories.pages import contact_page
from tests.factories.youth import registration_data
from tests.helpers import text_of
from youth import privacy
from youth.models import AccessLog, Contact, DataRequest, ErasedContact, Registration

pytestmark = pytest.mark.django_db

EMAIL = "hajar.bouzidi@example.ma"
PHONE = "+212661234567"
MY_DATA = "youth:my-data"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def person(client):
    """Hajar registered for two events and wrote through the contact form."""
    for event in (event_page(registration_open=True), event_page(registration_open=True)):
        response = client.post(
            event.url + "register/",
            registration_data(email="Hajar.Bouzidi@example.ma", phone="06 61 23 45 67"),
        )
        assert response.status_code == 302
    page = contact_page()
    FormSubmission.objects.create(
        page=page, form_data={"nom": "Hajar Bouzidi", "email": EMAIL, "message": "Bonjour"}
    )
    FormSubmission.objects.create(
        page=page, form_data={"nom": "Autre", "email": "autre@example.ma", "message": "Salut"}
    )
    # A staff member once searched the contact list for her.
    AccessLog.objects.create(user_label="staff", action="view", filters={"q": EMAIL})
    return Contact.objects.get()


def fr(text):
    with translation.override("fr"):
        return gettext(text)


def answer(response):
    """The answer panel of the page (the rest holds per-request tokens)."""
    html = response.content.decode()
    return re.search(r'<div class="panel" role="status">(.*?)</div>', html, re.S).group(1)


def link_from(message):
    return re.search(r"https?://\S+", message.body).group(0)


def ask(client, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse(MY_DATA), {"email": "", "phone": "", "kind": "copy", **data})


def test_the_page_answers_the_same_whether_or_not_data_exists(
    client, person, mailoutbox, django_capture_on_commit_callbacks
):
    known = ask(client, django_capture_on_commit_callbacks, email=EMAIL)
    unknown = ask(client, django_capture_on_commit_callbacks, email="nobody@example.ma")

    assert known.status_code == unknown.status_code == 200
    assert answer(known) == answer(unknown)
    assert [m.to for m in mailoutbox] == [[EMAIL]]


def test_a_copy_holds_everything_in_json_and_csv(
    client, person, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    class ApplicationsProvider:  # another app's provider (the hackathon's, say)
        label = "Hackathon applications"

        def export(self, email, phone):
            return [{"project": "Son du désert"}] if email == EMAIL else []

        def erase(self, email, phone):
            return 0

    monkeypatch.setattr(privacy, "_providers", [*privacy._providers, ApplicationsProvider()])
    ask(client, django_capture_on_commit_callbacks, email=EMAIL.upper(), kind="copy")
    confirm = client.get(link_from(mailoutbox[0]))
    assert confirm.status_code == 200

    data = json.loads(
        client.get(
            reverse("youth:my-data-download", args=[confirm.context["token"], "json"])
        ).content
    )

    youth_records = data[str(privacy.YouthProvider.label)]
    assert [r["type"] for r in youth_records] == [
        "contact",
        "event registration",
        "event registration",
    ]
    assert youth_records[0]["email"] == EMAIL
    assert youth_records[0]["phone"] == PHONE
    assert all(r["consent_version"] for r in youth_records)
    messages = data[str(privacy.ContactFormProvider.label)]
    assert [m["message"] for m in messages] == ["Bonjour"]
    assert data["Hackathon applications"] == [{"project": "Son du désert"}]
    response = client.get(reverse("youth:my-data-download", args=[confirm.context["token"], "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["source", "record", "field", "value"]
    assert [EMAIL] == [
        row[3] for row in rows if row[2] == "email" and row[0].startswith(rows[1][0][:5])
    ][:1]
    assert response["Content-Disposition"].startswith("attachment")
    request = DataRequest.objects.get(kind="copy")
    assert request.items == 5 and request.handled_at is not None
    assert EMAIL not in link_from(mailoutbox[0])  # nor, so, in any server log


def _database_mentions(*needles):
    """Every (table, row) of the database whose text holds one of ``needles``."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row).lower()
                if any(needle.lower() in text for needle in needles):
                    found.append((table, row))
    return found


def test_deletion_leaves_nothing_behind_but_anonymous_counts(
    client, person, mailoutbox, django_capture_on_commit_callbacks
):
    assert _database_mentions(EMAIL, PHONE, "661234567")  # the search does find her before
    ask(client, django_capture_on_commit_callbacks, email=EMAIL, kind="delete")
    confirm_url = link_from(mailoutbox[0])
    assert client.get(confirm_url).status_code == 200
    assert Contact.objects.exists()  # opening the link alone changes nothing

    response = client.post(confirm_url)

    assert response.status_code == 200
    assert _database_mentions(EMAIL, PHONE, "661234567", person.last_name) == []
    assert not Contact.objects.exists()
    assert Registration.objects.filter(contact__isnull=True).count() == 2
    assert ErasedContact.objects.get().reason == "request"
    assert FormSubmission.objects.count() == 1  # someone else's message stays
    assert DataRequest.objects.get(kind="delete").items == 4
    assert privacy.export_all(EMAIL, "") == {}


def test_a_phone_only_request_waits_for_a_staff_call_back(
    client, person, mailoutbox, django_capture_on_commit_callbacks
):
    known = ask(client, django_capture_on_commit_callbacks, phone="06 61 23 45 67", kind="delete")
    unknown = ask(client, django_capture_on_commit_callbacks, phone="06 99 88 77 66", kind="delete")

    assert answer(known) == answer(unknown)
    request = DataRequest.objects.get()
    assert (request.kind, request.status, str(request.phone)) == ("delete", "call_back", PHONE)
    assert mailoutbox == []
    assert Contact.objects.exists()


def test_a_handled_call_back_forgets_the_phone(person):
    request = DataRequest.objects.create(kind="copy", status="call_back", phone=PHONE)

    request.status = DataRequest.Status.DONE
    request.save()

    request.refresh_from_db()
    assert request.phone == ""
    assert request.handled_at is not None


@pytest.mark.parametrize("token", ["nonsense", "a:b:c"])
def test_a_forged_link_is_refused(client, person, token):
    response = client.get(reverse("youth:my-data-confirm", args=[token]))

    assert response.status_code == 400
    assert client.post(reverse("youth:my-data-confirm", args=[token])).status_code == 400
    assert Contact.objects.exists()


def test_an_expired_link_is_refused_and_its_address_forgotten(client, person):
    from youth.services import expire_data_requests
    from youth.views import make_token

    request = DataRequest.objects.create(
        kind="delete",
        status="pending",
        email=EMAIL,
        created_at=timezone.now() - timedelta(hours=49),
    )

    response = client.post(reverse("youth:my-data-confirm", args=[make_token(request)]))

    assert response.status_code == 400
    assert Contact.objects.exists()
    assert expire_data_requests() == 1
    request.refresh_from_db()
    assert (request.status, request.email) == ("expired", "")


def test_a_used_deletion_link_cannot_be_used_again(client, person):
    from youth.views import make_token

    request = DataRequest.objects.create(kind="delete", status="pending", email=EMAIL)
    url = reverse("youth:my-data-confirm", args=[make_token(request)])
    assert client.post(url).status_code == 200

    assert client.get(url).status_code == 400


def test_a_copy_link_cannot_delete(client, person):
    from youth.views import make_token

    request = DataRequest.objects.create(kind="copy", status="pending", email=EMAIL)

    response = client.post(reverse("youth:my-data-confirm", args=[make_token(request)]))

    assert response.status_code == 404
    assert Contact.objects.exists()


def test_requests_are_rate_limited(client, django_capture_on_commit_callbacks):
    for _ in range(5):
        ask(client, django_capture_on_commit_callbacks, email="x@example.ma")

    response = ask(client, django_capture_on_commit_callbacks, email="x@example.ma")

    assert response.status_code == 429


def test_the_form_needs_an_email_or_a_phone(client):
    response = client.post(reverse(MY_DATA), {"kind": "copy"})

    assert response.status_code == 400
    assert fr(
        "Give a phone number or an email address (or both) so that we can reach you."
    ) in text_of(response)


def test_a_signed_in_staff_member_gets_no_shortcut(client, person):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(reverse("youth:my-data-download", args=["forged", "json"]))

    assert response.status_code == 404
