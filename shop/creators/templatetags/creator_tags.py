"""Template tags of the creator space."""

from django import template

from shop.catalogue.queries import public_products
from shop.partner.models import Partner

register = template.Library()


@register.simple_tag(takes_context=True)
def runs_a_shop(context):
    """Whether the signed-in user runs a shop (one query per request; none when anonymous)."""
    return bool(creator_shop_id(context))


@register.simple_tag(takes_context=True)
def creator_shop_id(context):
    """The signed-in user's shop id, or ``""`` (one query per request; none when anonymous).
    The installable app keys what it keeps on the phone by it (static/js/pwa.js)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or not user.is_authenticated:
        return ""
    cached = getattr(request, "_creator_shop_id", None)
    if cached is None:
        pk = Partner.objects.filter(users=user).order_by("pk").values_list("pk", flat=True).first()
        cached = str(pk) if pk else ""
        if request is not None:
            request._creator_shop_id = cached
    return cached


@register.simple_tag
def profile_products(profile, limit=8):
    """Public products of a directory profile's shop (fixed number of queries).

    Usage: ``{% load creator_tags %}{% profile_products profile as products %}``.
    """
    return list(public_products().filter(stockrecords__partner__profile=profile)[: int(limit)])
