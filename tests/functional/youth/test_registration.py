"""Registering for an event from its page: consent, capacity, duplicates, bad input."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.factories import event_page
from tests.factories.youth import registration_data
from tests.helpers import text_of
from youth.models import Contact, Registration
from youth.services import consent_version, personal_data_settings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def register_url(event):
    return event.url + "register/"


def fr(text):
    with translation.override("fr"):
        return gettext(text)


def test_the_event_page_shows_the_form_with_an_unticked_consent_box_and_its_text(client):
    event = event_page(registration_open=True, capacity=30)

    response = client.get(event.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="' + register_url(event) + '#registration"' in html
    assert 'name="consent"' in html
    consent_input = html[html.index('name="consent"') - 200 : html.index('name="consent"') + 300]
    assert "checked" not in consent_input
    page_text = text_of(response)
    values = personal_data_settings()
    assert values["cndp_declaration"] in page_text
    assert str(values["controller"]) in page_text
    assert values["contact_email"] in page_text


def test_a_closed_event_shows_no_form(client):
    event = event_page(registration_open=False)

    response = client.get(event.url)

    assert 'name="consent"' not in response.content.decode()


def test_registering_saves_a_contact_with_consent_and_emails_the_ics(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = event_page(registration_open=True, capacity=30)
    data = registration_data(email="Hajar.Bouzidi@Example.MA", phone="06 61 23 45 67")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), data)

    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.email == "hajar.bouzidi@example.ma"
    assert str(contact.phone) == "+212661234567"
    registration = contact.registrations.get()
    assert registration.event_id == event.pk
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.consent_version == consent_version()
    assert timezone.now() - registration.consent_at < timedelta(minutes=1)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["hajar.bouzidi@example.ma"]
    (name, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in (content.decode() if isinstance(content, bytes) else content)
    followed = client.get(response["Location"])
    assert fr("You are registered. See you at the event!") in text_of(followed)


def test_an_unticked_consent_box_refuses_and_keeps_what_was_typed(client):
    event = event_page(registration_open=True)
    data = registration_data(consent=None, city="Ahfir")

    response = client.post(register_url(event), data)

    assert response.status_code == 400
    assert not Contact.objects.exists()
    assert not Registration.objects.exists()
    html = response.content.decode()
    assert 'value="Ahfir"' in html
    assert 'value="' + data["last_name"] + '"' in html
    assert fr("Tick the box to agree, or we cannot register you: see the text above.") in text_of(
        response
    )


def test_a_full_event_puts_people_on_the_waiting_list(client):
    event = event_page(registration_open=True, capacity=1)
    client.post(register_url(event), registration_data())

    response = client.post(register_url(event), registration_data(), follow=True)

    statuses = list(Registration.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed", "waitlisted"]
    assert fr(
        "The event is full: you are on the waiting list. We will tell you if a place becomes free."
    ) in text_of(response)
    page = client.get(event.url)
    assert fr("Join the waiting list") in text_of(page)


def test_registering_twice_with_another_phone_format_saves_nothing_new(client):
    event = event_page(registration_open=True)
    client.post(register_url(event), registration_data(phone="0661234567", email=""))

    response = client.post(
        register_url(event), registration_data(phone="+212 6 61 23 45 67", email=""), follow=True
    )

    assert Registration.objects.count() == 1
    assert Contact.objects.count() == 1
    # The same answer as a first registration: no page tells whether a phone is on file.
    assert fr("You are registered. See you at the event!") in text_of(response)
    assert "already registered" not in text_of(response)


def test_a_known_and_an_unknown_person_get_the_same_answer(client):
    """Nobody can test whether a phone or an email is in the youth database."""
    event = event_page(registration_open=True)
    client.post(register_url(event), registration_data(phone="0661234567", email="a@example.ma"))

    known = Client().post(
        register_url(event), registration_data(phone="0661234567", email="a@example.ma")
    )
    unknown = Client().post(
        register_url(event), registration_data(phone="0662222222", email="b@example.ma")
    )

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [str(m) for m in get_messages(known.wsgi_request)] == [
        str(m) for m in get_messages(unknown.wsgi_request)
    ]


def test_the_same_email_in_capitals_is_a_duplicate(client):
    event = event_page(registration_open=True)
    client.post(register_url(event), registration_data(phone="", email="nour@example.ma"))

    response = client.post(
        register_url(event), registration_data(phone="", email="NOUR@example.ma")
    )

    assert response.status_code == 302
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "fields",
    [{"registration_open": False}, {"registration_closes_at": timezone.now() - timedelta(hours=1)}],
)
def test_a_closed_event_refuses_registrations(client, fields):
    event = event_page(**{"registration_open": True, **fields})

    response = client.post(register_url(event), registration_data())

    assert response.status_code == 409
    assert not Registration.objects.exists()
    assert fr("Registration for this event is closed.") in text_of(response)


def test_a_past_event_refuses_registrations(client):
    event = event_page(registration_open=True, days=-3)

    response = client.post(register_url(event), registration_data())

    assert response.status_code == 409
    assert not Registration.objects.exists()


@pytest.mark.parametrize("phone", ["12345", "06 61 23", "+33 6 12 34 56 78 99", "n/a"])
def test_a_malformed_phone_is_refused_with_a_message(client, phone):
    event = event_page(registration_open=True)

    response = client.post(register_url(event), registration_data(phone=phone, email=""))

    assert response.status_code == 400
    assert not Contact.objects.exists()
    assert fr("Enter a valid Moroccan phone number, e.g. 06 12 34 56 78 or +212…") in text_of(
        response
    )


def test_neither_phone_nor_email_is_refused(client):
    event = event_page(registration_open=True)

    response = client.post(register_url(event), registration_data(phone="", email=""))

    assert response.status_code == 400
    assert not Contact.objects.exists()


def test_a_filled_honeypot_looks_accepted_but_saves_and_sends_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    event = event_page(registration_open=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            register_url(event), registration_data(website="http://spam.example")
        )

    assert response.status_code == 302
    assert not Contact.objects.exists()
    assert mailoutbox == []


def test_too_many_registrations_from_one_connection_answer_429(client):
    event = event_page(registration_open=True)
    for _ in range(10):
        client.post(register_url(event), registration_data(consent=None))

    response = client.post(register_url(event), registration_data())

    assert response.status_code == 429
    assert not Registration.objects.exists()
    assert "<html" in response.content.decode()


def test_the_registration_limit_follows_the_ratelimits_setting(client, settings):
    settings.RATELIMITS = {"youth.register": [("ip", "1/m")]}
    event = event_page(registration_open=True)
    client.post(register_url(event), registration_data(consent=None))

    response = client.post(register_url(event), registration_data())

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert not Registration.objects.exists()


def test_get_on_the_register_url_goes_back_to_the_form(client):
    event = event_page(registration_open=True)

    response = client.get(register_url(event))

    assert response.status_code == 302
    assert response["Location"].startswith(event.url)


def test_the_event_page_costs_the_same_queries_with_few_or_many_registrations(client):
    from tests.factories.youth import RegistrationFactory
    from tests.helpers import count_queries

    event = event_page(registration_open=True, capacity=100)
    RegistrationFactory(event=event)
    client.get(event.url)  # warm the per-process caches (site, settings)
    few = count_queries(client, event.url)
    for _ in range(10):
        RegistrationFactory(event=event)

    assert count_queries(client, event.url) == few
