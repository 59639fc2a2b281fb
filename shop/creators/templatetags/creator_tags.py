"""Template tags of the creator space."""

from django import template

from shop.catalogue.queries import public_products
from shop.partner.models import Partner

register = template.Library()


def _shop_ids(context):
    """The ids of the shops the signed-in user runs (one query per request; none when
    anonymous)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not user.is_authenticated:
        return ()
    cached = getattr(request, "_shop_ids", None)
    if cached is None:
        cached = tuple(Partner.objects.filter(users=user).values_list("pk", flat=True))
        if request is not None:
            request._shop_ids = cached
    return cached


@register.simple_tag(takes_context=True)
def runs_a_shop(context):
    """Whether the signed-in user runs a shop."""
    return bool(_shop_ids(context))


@register.simple_tag(takes_context=True)
def runs_shop(context, partner):
    """Whether the signed-in user runs ``partner`` (their "edit this product" link)."""
    return partner is not None and partner.pk in _shop_ids(context)


@register.simple_tag(takes_context=True)
def creator_shop_id(context):
    """The signed-in user's (first) shop id, or ``""``: the installable app keys what it keeps
    on the phone by it (static/js/pwa.js)."""
    ids = _shop_ids(context)
    return str(min(ids)) if ids else ""


@register.simple_tag
def profile_products(profile, limit=8):
    """Public products of a directory profile's shop (fixed number of queries).

    Usage: ``{% load creator_tags %}{% profile_products profile as products %}``.
    """
    return list(public_products().filter(stockrecords__partner__profile=profile)[: int(limit)])
