"""The catalogue's part of a shared product page (``core.personal``): "write a review".

The stored page shows what an anonymous visitor sees ("sign in to review"); a signed-in
visitor gets the button to the review form (which says why when they may not review: not a
buyer, already reviewed), or, for the product's own creator, that they cannot review it.
"""

import functools

from django.apps import apps
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from core import fragments, personal

from .queries import card_prefetch, public_products


def review(persona, args, default):
    """``{% visitor "review" product_slug product_pk partner_pk %}``."""
    if not personal.signed_in(persona):
        return None
    try:
        slug, product_pk, partner_pk = args[0], int(args[1]), int(args[2])
    except (IndexError, ValueError):
        return None
    if partner_pk in persona.get("partners", ()):
        return format_html(
            '<p class="form-text review-refusal">{}</p>',
            gettext("You cannot review your own product."),
        )
    return _write_a_review(get_language(), slug, product_pk)


@functools.lru_cache(maxsize=2048)
def _write_a_review(language, slug, product_pk):
    """The button (the same for every signed-in visitor), built once per product and
    language: a hit then costs no URL reversing."""
    url = reverse("catalogue:reviews-add", kwargs={"product_slug": slug, "product_pk": product_pk})
    return format_html(
        '<p><a class="btn btn-outline-primary" href="{}#addreview">{}</a></p>',
        url,
        gettext("Write a review"),
    )


def wishlists(request, user):
    """Persona provider: the visitor's wish lists and the products in each (two queries)."""
    wishlist = apps.get_model("wishlists", "WishList")
    return {
        "wishlists": [
            {
                "key": item.key,
                "name": item.name,
                "products": [line.product_id for line in item.lines.all()],
            }
            for item in wishlist.objects.filter(owner=user)
            .prefetch_related("lines")
            .order_by("date_created", "pk")
        ]
    }


def wishlist(persona, args, default):
    """``{% visitor "wishlist" product_pk %}``: the visitor's wish-list controls."""
    if not personal.signed_in(persona) or not args or not args[0].isdigit():
        return None
    product_pk = int(args[0])
    lists = persona.get("wishlists") or []
    context = {
        "product": {"pk": product_pk, "id": product_pk},
        "csrf_token": personal.CSRF_PLACEHOLDER.decode(),
    }
    template = "oscar/catalogue/partials/wishlist_controls.html"
    if not lists:  # the same for everyone without a wish list: built once
        return personal.render_memo(template, wishlists=(), product_wishlists=(), **context)
    holding = [item for item in lists if product_pk in item["products"]]
    return render_to_string(
        template, {"wishlists": lists, "product_wishlists": holding, **context}
    ).strip()


RECENT = "oscar/customer/history/recently_viewed_products.html"
CARD = "oscar/catalogue/partials/product.html"
# The name {% cards products CARD heading_level=3 %} keeps those cards under.
CARD_NAME = f"{CARD}|heading_level=3"


def recent(persona, args, default):
    """``{% visitor "recent" product_pk %}``: the visitor's recently viewed products (the
    history cookie they sent, newest first, without this product), from the cached cards:
    one query for which are still public, the missing cards rendered."""
    history = persona.get("history")
    if history is None or not args or not args[0].isdigit():
        return None
    current = int(args[0])
    ids = [pk for pk in reversed(history) if pk != current]
    if not ids:
        return ""
    found = public_products(prefetch=False).in_bulk(ids[:20])
    products = [found[pk] for pk in ids if pk in found][:4]
    if not products:
        return ""
    request = personal.current_request.get()

    def render(product):
        return render_to_string(CARD, {"product": product, "heading_level": 3}, request=request)

    cards = fragments.render_many(products, CARD_NAME, render, card_prefetch())
    return render_to_string(RECENT, {"products": products, "cards_html": cards}).strip()


def connect():
    personal.register_provider(wishlists)
    personal.register_filler("recent", recent)
    personal.register_filler("review", review)
    personal.register_filler("wishlist", wishlist)
