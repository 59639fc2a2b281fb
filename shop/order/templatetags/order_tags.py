from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from shop.order import payment_methods
from shop.order.delivery_plan import basket_groups
from shop.order.forms import BankReceiptForm

register = template.Library()


@register.simple_tag(takes_context=True)
def optional_include(context, name):
    """Include ``name`` if it exists (templates another app provides, e.g. downloads)."""
    try:
        included = get_template(name)
    except template.TemplateDoesNotExist:
        return ""
    return mark_safe(included.render(context.flatten(), context.get("request")))


@register.filter
def part_lines(lines, part):
    """The lines of ``lines`` that belong to ``part``'s creator."""
    return [line for line in lines if line.partner_id == part.partner_id]


@register.simple_tag
def bank_details():
    return payment_methods.bank_details()


@register.simple_tag
def receipt_form():
    return BankReceiptForm()


@register.simple_tag
def creator_parts(basket):
    """The basket's lines grouped by creator, with each creator's subtotal."""
    return basket_groups(basket)


@register.simple_tag
def unavailable_lines(basket):
    """The basket's lines that cannot be bought in their quantity now (checkout refuses
    them): the basket page then explains instead of offering checkout."""
    blocked = []
    for line in basket.all_lines():
        permitted, _reason = line.purchase_info.availability.is_purchase_permitted(line.quantity)
        if not permitted:
            blocked.append(line)
    return blocked
