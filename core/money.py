"""Money in Moroccan dirhams, formatted for the visitor's language with Babel."""

from decimal import Decimal, InvalidOperation

from babel.numbers import format_currency, format_percent
from django.conf import settings
from django.utils.translation import get_language

# English has no Moroccan locale in CLDR; put the code first, as English readers expect.
_PATTERNS = {"en": "¤\xa0#,##0.00"}


def format_money(amount, currency=None, language=None):
    """``1234.5`` → ``1 234,50 MAD`` (fr), ``‏1.234,50 د.م.‏`` (ar), ``MAD 1,234.50`` (en).

    Returns an empty string for a value that is not a number (like Oscar's filter).
    """
    try:
        value = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
    except (InvalidOperation, TypeError, ValueError):
        return ""
    if not value.is_finite():  # NaN and infinities are not amounts either
        return ""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    locale = settings.MONEY_LOCALES.get(language, language)
    return format_currency(
        value,
        currency or settings.OSCAR_DEFAULT_CURRENCY,
        format=_PATTERNS.get(language),
        locale=locale,
        currency_digits=True,
    )


def format_percentage(value, language=None):
    """A percentage given in units (``30`` for 30 %) in the visitor's language (Babel)."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return ""
    if not number.is_finite():
        return ""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    locale = settings.MONEY_LOCALES.get(language, language)
    return format_percent(number / 100, locale=locale, decimal_quantization=False)
