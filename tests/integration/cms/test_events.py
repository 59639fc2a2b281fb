"""Events: validation, upcoming and past lists, the .ics download, structured data."""

from datetime import timedelta

import icalendar
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import ProfileFactory, event_page, province
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

BASE = django_settings.BASE_URL.rstrip("/")


def test_an_event_that_ends_before_it_starts_is_refused_with_a_clear_message():
    event = event_page()
    event.end = event.start - timedelta(hours=1)

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "ne peut pas se terminer avant de commencer" in str(error.value.message_dict["end"])


def test_the_event_index_separates_upcoming_and_past_events(client):
    event_page(title="Hackathon à venir", days=5)
    event_page(title="Café-débat passé", days=-30)

    page = text_of(client.get("/fr/agenda/"))

    with translation.override("fr"):
        upcoming, past = page.split(gettext("Past events"))
    assert "Hackathon à venir" in upcoming
    assert "Café-débat passé" in past


def test_an_event_under_way_is_still_upcoming(client):
    event = event_page(title="Marché L'Karfour", days=-1)
    event.end = event.start + timedelta(days=3)
    event.save_revision().publish()

    with translation.override("fr"):
        upcoming = text_of(client.get("/fr/agenda/")).split(gettext("Past events"))[0]

    assert "Marché L'Karfour" in upcoming


def test_an_event_downloads_as_a_valid_icalendar_file(client):
    event = event_page(title="Hackathon Takafaship", venue="Centre culturel", days=7)
    event.province = province("oujda-angad")
    event.save_revision().publish()

    response = client.get(f"{event.url}ics/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar"
    assert "attachment" in response["Content-Disposition"]
    assert b"\r\n" in response.content
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Hackathon Takafaship"
    assert vevent.decoded("DTSTART") == event.start
    assert vevent.decoded("DTEND") == event.end
    assert "Centre culturel" in str(vevent["LOCATION"])
    assert str(vevent["URL"]) == f"{BASE}{event.url}"


def test_an_event_page_links_to_its_ics_file_and_its_hub(client):
    hub = ProfileFactory(name="Hub créatif de Nador", kind="hub")
    event = event_page(hub=hub)

    html = client.get(event.url).content.decode()

    assert f'href="{event.url}ics/"' in html
    assert f'href="{hub.get_absolute_url()}"' in html
    assert "Hub créatif de Nador" in html


def test_an_event_page_describes_itself_as_a_schema_org_event(client):
    event = event_page(title="Séance d'information")

    html = client.get(event.url).content.decode()

    assert '"@type": "Event"' in html
    assert f'"startDate": "{event.start.isoformat()}"' in html
