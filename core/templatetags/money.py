"""Template filters for money. Registered as ``currency_filters`` too (settings), so
Oscar's own templates format prices the same way as ours."""

from django import template

from core.money import format_money

register = template.Library()


@register.filter(name="currency")
def currency(value, currency_code=None):
    return format_money(value, currency_code)


@register.filter(name="money")
def money(value, currency_code=None):
    return format_money(value, currency_code)
