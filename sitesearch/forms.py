"""Reading the search page's query string: never trusts it, never fails on it."""

from django.utils.translation import gettext_lazy as _

from directory.filters import TAXONOMY, known_slug
from directory.models import Profile
from shop.catalogue.models import ProductClass

from .backends.base import GROUPS, PRICE_RANGES, Filters
from .backends.pages import PAGE_TYPES

MAX_QUERY_LENGTH = 200
MAX_PAGE = 500

FACET_LABELS = {
    **{name: label for name, (_model, label, _empty) in TAXONOMY.items()},
    "kind": _("Kind of profile"),
    "product_type": _("Product or service"),
    "price": _("Price"),
    "karfour": _("At L'Karfour"),
    "page_type": _("Kind of page"),
}


def parse(params):
    """``(query, filters, tab, page, notices)`` from ``request.GET``; bad values are dropped
    with a notice for the visitor."""
    notices = []
    query = " ".join(params.get("q", "").split())
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rstrip()
        notices.append(_("Your search was long: only its first 200 characters were used."))

    filters, unknown = Filters(), False
    checks = {
        **{name: (lambda v, name=name: known_slug(name, v)) for name in TAXONOMY},
        "kind": lambda v: v in Profile.Kind.values,
        "product_type": lambda v: ProductClass.objects.filter(slug=v).exists(),
        "price": lambda v: v in PRICE_RANGES,
        "page_type": lambda v: v in PAGE_TYPES,
    }
    for name, check in checks.items():
        value = params.get(name, "").strip()[:80]
        if value:
            if check(value):
                setattr(filters, name, value)
            else:
                unknown = True
    karfour = params.get("karfour", "")
    if karfour == "1":
        filters.karfour = True
    elif karfour:
        unknown = True
    if unknown:
        notices.append(_("A filter in this address is not recognised; it was ignored."))

    tab = params.get("type", "")
    if tab not in GROUPS:
        tab = ""
    try:
        page = int(params.get("page", "1"))
    except ValueError:
        page = 1
    page = min(max(page, 1), MAX_PAGE)
    return query, filters, tab, page, notices
