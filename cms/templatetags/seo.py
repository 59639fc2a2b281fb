"""Structured data (schema.org JSON-LD) for news articles and events."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from cms.ics import absolute_url
from cms.models import EventPage, NewsPage
from core.sites import absolute

register = template.Library()

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _image_url(request, image):
    if image is None:
        return None
    rendition = image.get_rendition("fill-1200x630")
    return absolute(rendition.url)


def news_article(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "datePublished": page.date.isoformat(),
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": absolute_url(page, request),
        "publisher": {"@type": "Organization", "name": "Takafamap"},
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.summary:
        data["description"] = page.summary
    if page.author:
        data["author"] = {"@type": "Person", "name": page.author}
    image = _image_url(request, page.image)
    if image:
        data["image"] = [image]
    return data


def event(page, request):
    place = {"@type": "Place", "name": page.venue_name}
    if page.province_id:
        place["address"] = {
            "@type": "PostalAddress",
            "addressRegion": page.province.label,
            "addressCountry": "MA",
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "startDate": page.start.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "inLanguage": page.locale.language_code,
        "url": absolute_url(page, request),
        "location": place,
        "organizer": {"@type": "Organization", "name": "Takafamap"},
    }
    if page.end:
        data["endDate"] = page.end.isoformat()
    if page.summary:
        data["description"] = page.summary
    if page.capacity:
        data["maximumAttendeeCapacity"] = page.capacity
    image = _image_url(request, page.image)
    if image:
        data["image"] = [image]
    return data


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """``<script type="application/ld+json">`` for a news or event page ('' otherwise)."""
    request = context["request"]
    if isinstance(page, NewsPage):
        data = news_article(page, request)
    elif isinstance(page, EventPage):
        data = event(page, request)
    else:
        return ""
    payload = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def share_image_url(context, page):
    """Absolute URL of a Wagtail page's share image (1200×630), or ''."""
    request = context.get("request")
    if request is None or not isinstance(page, Page):
        return ""
    getter = getattr(page, "get_share_image", None)
    image = getter() if getter else None
    return _image_url(request, image) or ""
