from django import template

from shop.quotes.models import QuoteRequest
from shop.quotes.services import (
    QUOTE_OPTION_CODE,
    awaiting_answer,
    quotes_of_order,
    version_id_of_line,
)

register = template.Library()


@register.simple_tag
def quotes_awaiting(partner):
    """How many requests wait for ``partner``'s first quote (the creator-space badge)."""
    if partner is None:
        return 0
    return awaiting_answer(partner)


@register.inclusion_tag("quotes/order_balance_inner.html")
def quote_balance(order):
    return {"quotes": list(quotes_of_order(order)) if order and order.pk else []}


@register.simple_tag
def quote_of_line(line):
    """The quote request a basket or order line pays (``{% quote_of_line line as quote %}``)."""
    version_id = version_id_of_line(line) if hasattr(line, "basket_id") else None
    if version_id is None and hasattr(line, "order_id"):
        values = [a.value for a in line.attributes.all() if a.type == QUOTE_OPTION_CODE]
        version_id = int(values[0]) if values and str(values[0]).isdigit() else None
    if not version_id:
        return None
    return QuoteRequest.objects.filter(accepted_version_id=version_id).first()
