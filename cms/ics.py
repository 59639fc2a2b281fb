"""An event as an iCalendar (RFC 5545) file, written with the ``icalendar`` package."""

from datetime import timedelta

import icalendar
from django.utils import timezone

from core.sites import absolute, domain


def absolute_url(page, request=None):
    """The page's URL on ``BASE_URL`` (feeds, calendar files and emails never trust the
    request's host)."""
    return absolute(page.get_url(request))


def event_to_ics(event, request=None):
    """The bytes of a VCALENDAR holding one VEVENT for ``event`` (an ``EventPage``)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Takafamap//Events//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")

    vevent = icalendar.Event()
    # The UID names the site, not the host a request came through, so it never changes.
    host = domain().split(":")[0] or "takafamap.ma"
    vevent.add("uid", f"event-{event.translation_key}@{host}")
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end or event.start + timedelta(hours=2))
    vevent.add("summary", event.title)
    if event.summary:
        vevent.add("description", event.summary)
    if event.place:
        vevent.add("location", event.place)
    url = absolute_url(event, request)
    if url:
        vevent.add("url", url)
    calendar.add_component(vevent)
    return calendar.to_ical()
