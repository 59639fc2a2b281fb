"""The contact form: messages reach the staff by email; robots and floods do not."""

import pytest
from django.core import mail
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from tests.factories.pages import contact_page

pytestmark = pytest.mark.django_db

MESSAGE = {"nom": "Salma", "email": "salma@example.ma", "message": "Je voudrais exposer."}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def test_a_message_is_saved_and_emailed_to_the_staff(client):
    page = contact_page()

    response = client.post(page.url, MESSAGE)

    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 1
    (email,) = mail.outbox
    assert email.to == ["staff@takafamap.ma"]
    assert "Je voudrais exposer." in email.body


def test_a_message_with_the_hidden_field_filled_is_dropped_silently(client):
    page = contact_page()

    response = client.post(page.url, {**MESSAGE, "website": "http://spam.example"})

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_the_form_refuses_a_sixth_message_within_the_hour_from_one_address(client):
    page = contact_page()
    for _ in range(5):
        assert client.post(page.url, MESSAGE).status_code == 200

    response = client.post(page.url, MESSAGE)

    assert response.status_code == 429
    assert "429.html" in [template.name for template in response.templates]
    assert response["Retry-After"] == "3600"
    assert FormSubmission.objects.count() == 5


def test_the_form_shows_its_fields_and_a_hidden_trap(client):
    page = contact_page()

    html = client.get(page.url).content.decode()

    assert 'name="message"' in html
    assert 'class="hp-field" aria-hidden="true"' in html
