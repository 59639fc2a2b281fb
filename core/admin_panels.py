"""Small parts of the Wagtail admin shared by the apps.

A plain panel for the Wagtail admin's home page: a heading, a few lines (a text, an
optional link, an optional number) and a link to the full list. Apps build theirs in a
``construct_homepage_panels`` hook, each behind its permission (orders, quotes, profiles,
indicators)."""

from dataclasses import dataclass

from django.db import models
from django.utils.html import format_html
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column

from .money import format_money


@dataclass
class Line:
    text: str
    url: str = ""
    count: object = None


class SummaryPanel(Component):
    template_name = "includes/admin_home_panel.html"

    def __init__(self, name, heading, lines, *, order=150, more_url="", more_text="", empty=""):
        self.name = name
        self.heading = heading
        self.lines = lines
        self.order = order
        self.more_url = more_url
        self.more_text = more_text
        self.empty = empty

    def get_context_data(self, parent_context):
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "lines": self.lines,
            "more_url": self.more_url,
            "more_text": self.more_text,
            "empty": self.empty,
        }


class LeftToRightColumn(Column):
    """A list column whose values are always written left to right (a phone number, an
    email address), so the Arabic admin shows ``+212 6…`` and not ``…6 212+``."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value in (None, ""):
            return value
        return format_html('<span dir="ltr">{}</span>', value)


class ReadableInspectMixin:
    """An inspect view that reads well in every language: an empty value is a dash, not
    ``None``; the fields named in ``money_fields`` are amounts in the staff member's language
    (``1 500,00 MAD``, ``1.500,00 د.م.``); phone numbers and emails are written left to
    right, also in the Arabic admin."""

    money_fields = ()

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "—"
        if field_name in self.money_fields:
            return format_money(value)
        if isinstance(field, (models.EmailField, PhoneNumberField)):
            return format_html('<span dir="ltr">{}</span>', value)
        return value
