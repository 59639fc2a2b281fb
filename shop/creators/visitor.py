"""The creator's part of a shared page (``core.personal``): which shops a visitor runs, the
"edit this product" link only the product's creator sees, and the app's scripts keyed by
their shop (unsent stand sales)."""

from django.urls import reverse
from django.utils.translation import gettext

from core import personal
from shop.partner.models import Partner


def shops(request, user):
    """Persona provider: the ids of the shops ``user`` runs (one query)."""
    return {"partners": list(Partner.objects.filter(users=user).values_list("pk", flat=True))}


def product_owner(persona, args, default):
    """``{% visitor "product-owner" partner_pk product_pk %}``: the creator's edit link."""
    try:
        partner_pk, product_pk = (int(arg) for arg in args)
    except ValueError:
        return ""
    if partner_pk not in persona.get("partners", ()):
        return ""
    url = reverse("creators:product-edit", args=[product_pk])
    return personal.owner_link(url, gettext("Edit this product"), "product-main__edit")


def pwa(persona, args, default):
    """``{% visitor "pwa" %}``: the app's scripts with the creator's shop id, so a creator on a
    shared page is warned of unsent stand sales before signing out (static/js/pwa.js)."""
    partners = persona.get("partners") or ()
    if not partners:
        return None
    return personal.render_memo(
        "includes/pwa_scripts.html", pwa_creator=str(min(partners)), register_worker=""
    )


def connect():
    personal.register_provider(shops)
    personal.register_filler("product-owner", product_owner)
    personal.register_filler("pwa", pwa)
