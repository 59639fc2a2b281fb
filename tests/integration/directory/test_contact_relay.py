"""The contact relay: a visitor writes to a professional without seeing their address."""

import pytest
from django.core import mail
from django.core.cache import cache
from phonenumber_field.phonenumber import PhoneNumber

from tests.factories import ProfileFactory, UserFactory
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

MESSAGE = {
    "name": "Leila Festival",
    "email": "leila@festival.example",
    "phone": "0612345678",
    "message": "Bonjour, êtes-vous libre le 12 juillet pour un concert à Saïdia ?",
    "website": "",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def profile():
    return ProfileFactory(
        name="Hajar Son", email="hajar.secret@example.org", user=UserFactory(email="h@x.org")
    )


def contact_url(profile):
    return f"/fr/directory/{profile.slug}/contact/"


def test_a_message_is_emailed_to_the_professional_with_reply_to_the_visitor(client, profile):
    response = client.post(contact_url(profile), MESSAGE)

    assert response.status_code == 302
    [email] = mail.outbox
    assert email.to == ["hajar.secret@example.org"]
    assert email.reply_to == ["Leila Festival <leila@festival.example>"]
    assert "libre le 12 juillet" in email.body
    assert PhoneNumber.from_string("0612345678", region="MA").as_international in email.body
    assert "Votre message a été envoyé" in text_of(client.get(response["Location"]))


def test_the_profile_page_never_shows_the_professionals_email(client, profile):
    page = client.get(profile.get_absolute_url()).content.decode()

    assert "hajar.secret@example.org" not in page
    assert "h@x.org" not in page
    assert f'action="{contact_url(profile)}"' in page


def test_without_a_public_email_the_message_goes_to_the_owners_account(client):
    owner = UserFactory(email="owner@example.org")
    profile = ProfileFactory(email="", user=owner)

    client.post(contact_url(profile), MESSAGE)

    assert [email.to for email in mail.outbox] == [["owner@example.org"]]


def test_an_invalid_message_keeps_what_was_typed_and_sends_nothing(client, profile):
    response = client.post(contact_url(profile), {**MESSAGE, "email": "not-an-email"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "libre le 12 juillet" in page
    assert "Leila Festival" in page
    assert mail.outbox == []


def test_a_bot_filling_the_honeypot_sends_nothing(client, profile):
    response = client.post(contact_url(profile), {**MESSAGE, "website": "http://spam.example"})

    assert response.status_code == 302
    assert mail.outbox == []


def test_too_many_messages_from_one_address_answer_429(client, settings, profile):
    for _ in range(5):
        assert client.post(contact_url(profile), MESSAGE, REMOTE_ADDR="10.0.0.1").status_code == 302

    response = client.post(contact_url(profile), MESSAGE, REMOTE_ADDR="10.0.0.1")

    assert response.status_code == 429
    assert "Trop de messages" in text_of(response)
    assert len(mail.outbox) == 5


def test_one_sender_changing_address_is_still_limited_by_email(client, profile):
    for n in range(5):
        client.post(contact_url(profile), MESSAGE, REMOTE_ADDR=f"10.0.1.{n}")

    response = client.post(contact_url(profile), MESSAGE, REMOTE_ADDR="10.0.1.99")

    assert response.status_code == 429
    assert len(mail.outbox) == 5


def test_another_visitor_is_not_limited_by_someone_elses_messages(client, profile):
    for _ in range(6):
        client.post(contact_url(profile), MESSAGE, REMOTE_ADDR="10.0.2.1")

    response = client.post(
        contact_url(profile),
        {**MESSAGE, "email": "autre@example.org"},
        REMOTE_ADDR="10.0.2.2",
    )

    assert response.status_code == 302
    assert len(mail.outbox) == 6


def test_a_professional_can_turn_messages_off(client):
    profile = ProfileFactory(email="quiet@example.org", accepts_messages=False)

    page = client.get(profile.get_absolute_url()).content.decode()
    response = client.post(contact_url(profile), MESSAGE)

    assert 'id="contact-form"' not in page
    assert response.status_code == 404
    assert mail.outbox == []


def test_a_pending_profile_cannot_be_written_to(client):
    profile = ProfileFactory(status="pending", email="p@example.org")

    assert client.post(contact_url(profile), MESSAGE).status_code == 404
    assert mail.outbox == []


# ---- addresses built by the standard library; never "sent" when it was not (issue 20, 15) ----
def test_a_name_with_a_comma_and_an_accent_reaches_the_professional(client, settings, profile):
    from email import message_from_bytes
    from email.policy import default
    from email.utils import getaddresses

    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"  # as in production: through a task
    settings.TASK_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    response = client.post(contact_url(profile), {**MESSAGE, "name": "Benali, Hélène"})

    assert response.status_code == 302
    [email] = mail.outbox
    parsed = message_from_bytes(email.message().as_bytes(), policy=default)
    assert getaddresses([str(parsed["Reply-To"])]) == [("Benali, Hélène", "leila@festival.example")]


def test_a_name_on_two_lines_is_refused_with_a_clear_error(client, profile):
    response = client.post(contact_url(profile), {**MESSAGE, "name": "Leila\nBcc: x@evil.example"})

    assert response.status_code == 400
    assert mail.outbox == []
    assert response.context["contact_form"].errors["name"]


def test_a_message_that_cannot_leave_is_never_announced_as_sent(client, profile, monkeypatch):
    from django.core.mail import EmailMessage

    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("queue down")

    monkeypatch.setattr(EmailMessage, "send", refuse)

    response = client.post(contact_url(profile), MESSAGE)

    assert response.status_code == 503
    page = text_of(response)
    assert "Votre message a été envoyé" not in page
    assert "Votre message n’a pas pu être envoyé" in page
    assert MESSAGE["message"] in response.content.decode()  # nothing typed is lost
