"""The catalogue's part of a shared product page (``core.personal``): "write a review".

The stored page shows what an anonymous visitor sees ("sign in to review"); a signed-in
visitor gets the button to the review form (which says why when they may not review: not a
buyer, already reviewed), or, for the product's own creator, that they cannot review it.
"""

import functools

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from core import personal


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


def connect():
    personal.register_filler("review", review)
