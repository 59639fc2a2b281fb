"""Dates in the visitor's language: ``{{ event.start|when:"WEEKDAY_DATETIME_FORMAT" }}``.

Django's ``date`` filter knows only its own format names; the weekday formats live beside
them in ``config/formats/<language>/formats.py`` (FORMAT_MODULE_PATH), so every context
reads one format per language from one place.
"""

from django import template
from django.utils import dateformat, formats, timezone
from django.utils.translation import get_language

register = template.Library()


def format_named(value, name):
    """``value`` (a date or datetime) in the active language's format called ``name``."""
    if value in (None, ""):
        return ""
    for module in formats.get_format_modules(get_language()):
        pattern = getattr(module, name, None)
        if pattern:
            break
    else:
        pattern = formats.get_format(name)
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return dateformat.format(value, pattern)


@register.filter
def when(value, name="DATETIME_FORMAT"):
    return format_named(value, name)
