"""The site's main menu, resolved from the page tree in the visitor's language.

The editorial entries (Programme, Sectors, News, Events) are the live children of the
HomePage of the active locale; a section not yet translated links to the default
language's page, and a missing section is left out. Shop and Directory always follow.
Two queries when built; the built menu (plain strings, without the visitor's position)
is kept in the shared cache per host and language, under the page cache's generation
(``core.fragments``), so a publish or a move shows at once; the result is also cached on
the request.
"""

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.models import (
    EventIndexPage,
    HomePage,
    NewsIndexPage,
    ProgrammePage,
    SectorIndexPage,
    StandardPage,
)
from core import fragments

register = template.Library()

# Slugs an editor is likely to give the programme page, per language.
PROGRAMME_SLUGS = ("programme", "program", "takafaship", "البرنامج")
# Slugs of the personal-data notice (law 09-08), per language.
PRIVACY_SLUGS = (
    "donnees-personnelles",
    "protection-des-donnees",
    "confidentialite",
    "vie-privee",
    "personal-data",
    "privacy",
    "data-protection",
    "البيانات-الشخصية",
)


def _find_homes(language_code):
    """The HomePage in ``language_code`` (or the best fallback) and the default one."""
    homes = list(HomePage.objects.live().select_related("locale").order_by("path"))
    by_language = {home.locale.language_code: home for home in homes}
    default_home = by_language.get(settings.LANGUAGE_CODE) or (homes[0] if homes else None)
    home = by_language.get(language_code) or default_home
    return home, (default_home if default_home is not home else None)


def _build_menu(request):

    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    home, default_home = _find_homes(language)
    # Sections not yet translated fall back to the default language's page.
    parents = [parent for parent in (home, default_home) if parent is not None]
    children = []
    if parents:
        queryset = Page.objects.none()
        for parent in parents:
            queryset |= Page.objects.child_of(parent)
        children = list(queryset.live().order_by("path"))
    home_children = [page for page in children if home and page.path.startswith(home.path)]
    fallback_children = [page for page in children if page not in home_children]

    def of_type(model):
        content_type_id = ContentType.objects.get_for_model(model).id
        own = [page for page in home_children if page.content_type_id == content_type_id]
        return own or [p for p in fallback_children if p.content_type_id == content_type_id]

    standard_pages = of_type(StandardPage)
    programme = next(iter(of_type(ProgrammePage)), None)
    if programme is None:
        programme = next((p for p in standard_pages if p.slug in PROGRAMME_SLUGS), None)
    if programme is None:
        programme = next((p for p in standard_pages if p.show_in_menus), None)
    privacy = next((p for p in standard_pages if p.slug in PRIVACY_SLUGS), None)

    def first(model):
        pages = of_type(model)
        return pages[0] if pages else None

    items = []
    editorial = [
        ("programme", _("Programme"), programme),
        ("sectors", _("Sectors"), first(SectorIndexPage)),
        ("news", _("News"), first(NewsIndexPage)),
        ("events", _("Events"), first(EventIndexPage)),
    ]
    for key, label, page in editorial:
        if page is None:
            continue
        url = page.get_url(request)
        if url:
            items.append({"key": key, "label": str(label), "url": url})
    for key, label, url_name in (
        ("shop", _("Shop"), "catalogue:index"),
        ("directory", _("Directory"), "directory:index"),
    ):
        try:
            items.append({"key": key, "label": str(label), "url": reverse(url_name)})
        except NoReverseMatch:
            continue
    others = [
        {"title": page.title, "url": page.get_url(request)}
        for page in standard_pages
        if page is not programme and page is not privacy and page.show_in_menus
    ]
    return {
        "urls": {item["key"]: item["url"] for item in items},
        "home_url": (home.get_url(request) if home else None) or f"/{language}/",
        "items": items,
        "privacy_url": privacy.get_url(request) if privacy else "",
        "pages": others,
    }


def _cached_menu(request):
    """The built menu from the shared cache (per host and language), built when missing.

    The host (one of ``ALLOWED_HOSTS``) stands for the Wagtail site without a query."""
    key = fragments.key("main_menu", request.get_host() if request is not None else "")
    menu = fragments.get_many([key]).get(key)
    if menu is None:
        menu = _build_menu(request)
        fragments.set_many({key: menu})
    return menu


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu: ``{% main_menu as menu %}``.

    ``menu.items`` lists dicts with ``key``, ``label``, ``url``, ``is_current`` (this very
    page) and ``is_active`` (inside that section); ``menu.urls.news`` (etc.) gives one
    section's URL by key; ``menu.home_url``; ``menu.privacy_url`` (the personal-data
    notice, '' if no such page); ``menu.pages`` (``title`` and ``url`` of the other
    standard pages shown in menus, for the footer). Cached on the request: header and
    footer share it.
    """
    request = context.get("request")
    if request is not None and hasattr(request, "_main_menu"):
        return request._main_menu
    menu = _cached_menu(request)
    path = request.path if request is not None else ""
    menu = {
        **menu,
        "items": [
            {
                **item,
                "is_current": path == item["url"],
                "is_active": bool(item["url"]) and path.startswith(item["url"]),
            }
            for item in menu["items"]
        ],
    }
    if request is not None:
        request._main_menu = menu
    return menu
