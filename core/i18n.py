"""Data written by staff in the three languages: a French reference field (``title``) with
its Arabic and English versions beside it (``title_ar``, ``title_en``).

``obj.local.title`` reads the version of the active language, and falls back to the French
reference when that version is empty, so a page never shows a blank where staff wrote only
French.
"""

from django.conf import settings
from django.utils.translation import get_language

TRANSLATED_LANGUAGES = ("ar", "en")


def localized(obj, name, language=None):
    """``obj.<name>`` in ``language`` (by default the active one), else the reference."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    if language in TRANSLATED_LANGUAGES:
        value = getattr(obj, f"{name}_{language}", "")
        if value:
            return value
    return getattr(obj, name)


class _Local:
    __slots__ = ("_obj",)

    def __init__(self, obj):
        self._obj = obj

    def __getattr__(self, name):
        return localized(self._obj, name)


class LocalizedMixin:
    """Adds ``local``: ``{{ call.local.title }}`` in a template."""

    @property
    def local(self):
        return _Local(self)


def translated_panels(name, panel_class):
    """The Arabic and English panels of a field, to put after the French one."""
    return [panel_class(f"{name}_{language}") for language in TRANSLATED_LANGUAGES]
