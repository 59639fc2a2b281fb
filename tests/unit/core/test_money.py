"""Prices in Moroccan dirhams, formatted for the visitor's language."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from core.money import format_money
from tests.helpers import normalise_spaces


def test_french_groups_thousands_with_a_space_and_uses_a_decimal_comma():
    formatted = format_money(Decimal("1234.50"), language="fr")

    assert normalise_spaces(formatted) == "1 234,50 MAD"
    # Babel separates the thousands with a narrow no-break space, never a plain one
    # (a plain space would let the number wrap over two lines).
    assert " " not in formatted


def test_arabic_uses_the_moroccan_locale_with_the_dirham_sign():
    formatted = normalise_spaces(format_money(Decimal("1234.50"), language="ar"))

    assert formatted == "1.234,50 د.م."


def test_english_puts_the_currency_code_first():
    assert normalise_spaces(format_money(Decimal("1234.50"), language="en")) == "MAD 1,234.50"


def test_the_active_language_is_used_when_none_is_given():
    with translation.override("ar"):
        arabic = format_money(1234.5)
    with translation.override("fr"):
        french = format_money(1234.5)

    assert "د.م." in arabic
    assert normalise_spaces(french) == "1 234,50 MAD"


def test_amounts_always_show_two_decimals():
    assert normalise_spaces(format_money(250, language="fr")) == "250,00 MAD"


@pytest.mark.parametrize("value", ["", "abc", None, [], "1,5", float("nan"), "Infinity"])
def test_a_value_that_is_not_a_number_gives_an_empty_string(value):
    assert format_money(value, language="fr") == ""


def test_oscars_currency_filter_formats_the_same_way():
    # Oscar's own templates load ``currency_filters``; settings map it to ours.
    template = Template("{% load currency_filters %}{{ price|currency:'MAD' }}")

    with translation.override("fr"):
        rendered = template.render(Context({"price": Decimal("1234.5")}))

    assert normalise_spaces(rendered) == "1 234,50 MAD"
