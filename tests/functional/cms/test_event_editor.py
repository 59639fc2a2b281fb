"""An editor who gives an event an end before its start is told so, in the editor."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories import UserFactory, event_page
from tests.helpers import text_of

pytestmark = pytest.mark.django_db


def _event_form(event, **changes):
    data = {
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "start": timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M"),
        "end": timezone.localtime(event.end).strftime("%Y-%m-%d %H:%M"),
        "venue": "",
        "hub": "",
        "province": "",
        "capacity": "",
        "summary": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "og_image": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(changes)
    return nested_form_data(data)


def test_an_event_ending_before_it_starts_is_refused_in_the_editor(client):
    event = event_page(title="Hackathon")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    before_start = timezone.localtime(event.start - timedelta(days=1)).strftime("%Y-%m-%d %H:%M")

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[event.pk]),
        {**_event_form(event, title="Hackathon modifié", end=before_start), "action-publish": "1"},
    )

    assert response.status_code == 200  # the form again, not a redirect
    with translation.override(settings.LANGUAGE_CODE):  # the admin's language
        message = gettext("The event cannot end before it starts: check the end date and time.")
    assert message in text_of(response)
    event.refresh_from_db()
    assert event.title == "Hackathon"


def test_a_valid_event_is_saved_from_the_editor(client):
    event = event_page(title="Hackathon")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[event.pk]),
        {**_event_form(event, title="Hackathon modifié"), "action-publish": "1"},
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Hackathon modifié"
