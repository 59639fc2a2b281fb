"""Template filters for money. Registered as ``currency_filters`` too (settings), so
Oscar's own templates format prices the same way as ours."""

from django import template

from core.money import format_money, format_percentage

register = template.Library()


@register.filter(name="currency")
def currency(value, currency_code=None):
    return format_money(value, currency_code)


@register.filter(name="money")
def money(value, currency_code=None):
    return format_money(value, currency_code)


@register.filter(name="percent")
def percent(value):
    """``30`` → ``30 %`` (fr, with a narrow no-break space), ``30%`` (en), ``30‎%‎`` (ar):
    a percentage written per the visitor's language (Babel)."""
    return format_percentage(value)
