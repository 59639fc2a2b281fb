"""The pages group (news, events, sectors and other editorial pages), shared by every
backend: Wagtail's own search (``backend`` names a ``WAGTAILSEARCH_BACKENDS`` entry) finds
the pages of the active language, then a few fixed queries count the facets:

* ``page_type``: news, event, sector page or another page;
* ``sector``: the sectors a news article is tagged with, or a sector page's sector;
* ``province``: an event's province.

Filters that only concern creators or products (discipline, kind of profile, product type,
price, L'Karfour) leave the pages group empty. Without words, the filtered pages are
listed newest first.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cms.models import EventPage, NewsPage, SectorPage

from ..text import fold
from .base import FacetValue

MAX_MATCHES = 1000
PAGE_TYPES = {
    "news": _("News"),
    "event": _("Events"),
    "sector": _("Sectors"),
    "other": _("Other pages"),
}
PAGE_FILTERS = ("sector", "province", "page_type")
OTHER_FILTERS = ("discipline", "kind", "product_type", "price", "karfour")


def _models():
    return {"news": NewsPage, "event": EventPage, "sector": SectorPage}


def applies(filters):
    """Whether the pages group can answer with these filters."""
    return not any(getattr(filters, name) for name in OTHER_FILTERS)


def search_pages(group, query, filters, taxonomy, *, backend="default"):
    models = _models()
    content_types = ContentType.objects.get_for_models(*models.values())
    type_of = {content_types[model].pk: key for key, model in models.items()}

    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    if filters.page_type == "other":
        pages = pages.exclude(content_type_id__in=list(type_of))
    elif filters.page_type:
        pages = pages.filter(content_type_id=content_types[models[filters.page_type]].pk)
    if filters.sector:
        sector = taxonomy.by_slug(taxonomy.sectors, filters.sector)
        ids = [
            *models["news"].objects.filter(sectors=sector).values_list("pk", flat=True),
            *models["sector"].objects.filter(sector=sector).values_list("pk", flat=True),
        ]
        pages = pages.filter(id__in=ids)
    if filters.province:
        province = taxonomy.by_slug(taxonomy.provinces, filters.province)
        pages = pages.filter(
            id__in=list(
                models["event"].objects.filter(province=province).values_list("pk", flat=True)
            )
        )

    pages = pages.only("pk", "content_type_id")
    # SQLite's full-text syntax fails on an unbalanced double quote ("unterminated string"):
    # quotes add nothing to a plain-text search, so they are dropped (found by fuzzing).
    query = query.replace('"', " ")
    # Folded like the pages' folded text (sitesearch/wagtail_hooks.py): «اضاءة» finds «إضاءة».
    folded = fold(query).strip()
    if folded:
        matches = list(pages.search(folded, backend=backend)[:MAX_MATCHES])
    else:
        matches = list(pages.filter(depth__gt=2).order_by("-first_published_at")[:MAX_MATCHES])
    group.total = len(matches)
    start = (group.page - 1) * group.per_page
    shown = [page.pk for page in matches[start : start + group.per_page]]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=shown).specific()}
    group.items = [specific[pk] for pk in shown if pk in specific]
    group.facets = _facets(matches, type_of, models, taxonomy, filters)


def _facets(matches, type_of, models, taxonomy, filters):
    ids = [page.pk for page in matches]
    counts = defaultdict(set)
    for page in matches:
        counts["page_type", type_of.get(page.content_type_id, "other")].add(page.pk)
    if ids:
        news_sectors = models["news"].sectors.through.objects.filter(newspage_id__in=ids)
        for pk, sector in news_sectors.values_list("newspage_id", "sector_id"):
            counts["sector", sector].add(pk)
        for pk, sector in (
            models["sector"].objects.filter(pk__in=ids).values_list("pk", "sector_id")
        ):
            counts["sector", sector].add(pk)
        for pk, province in (
            models["event"].objects.filter(pk__in=ids).values_list("pk", "province_id")
        ):
            counts["province", province].add(pk)
    n = {key: len(pks) for key, pks in counts.items()}

    def facet(rows, name, selected):
        return [
            FacetValue(
                value=str(value),
                label=str(label),
                count=n.get((name, key), 0),
                selected=str(value) == selected,
            )
            for value, label, key in rows
            if n.get((name, key)) or str(value) == selected
        ]

    return {
        "sector": facet(
            [(s.slug, s.label, s.pk) for s in taxonomy.sectors], "sector", filters.sector
        ),
        "province": facet(
            [(p.slug, p.label, p.pk) for p in taxonomy.provinces], "province", filters.province
        ),
        "page_type": facet(
            [(key, label, key) for key, label in PAGE_TYPES.items()], "page_type", filters.page_type
        ),
    }
