"""Site-wide template helpers: language links, initials, contact links, thumbnails."""

import logging

import phonenumbers
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from oscar.core.thumbnails import get_thumbnailer
from wagtail.models import Page

from core import fragments
from core.html import sanitize_html

register = template.Library()
logger = logging.getLogger(__name__)


def _swap_language_prefix(path, current, code):
    """``/fr/anything/`` → ``/ar/anything/``; a path without a prefix → ``/ar/``."""
    prefix = f"/{current}/"
    if path.startswith(prefix):
        return f"/{code}/{path[len(prefix) :]}"
    return f"/{code}/"


def _translation_urls(page, request):
    """``{language code: url}`` of ``page``'s live translations (itself included).

    Kept in the fragment cache per page and host under the page cache's generation, which
    publishing, unpublishing or moving any page bumps: a warm page runs no query for it."""

    def compute():
        return {
            translated.locale.language_code: translated.get_url(request)
            for translated in page.get_translations(inclusive=True).live().select_related("locale")
        }

    host = request.get_host() if request is not None else ""
    return fragments.get_or_set(f"translations|{page.pk}|{host}", compute)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language in ``settings.LANGUAGES`` for the language switcher.

    Usage: ``{% language_links as languages %}`` then, for each ``language``:
    ``language.code``, ``language.name``, ``language.url``, ``language.is_current`` and
    ``language.is_translation`` (False when the link falls back to that language's home,
    so it must not be announced as an ``hreflang`` alternate).

    On a Wagtail page the target is the page's live translation in that locale, else the
    language's home; on any other view, the current URL with its language prefix replaced.
    Costs one query on a Wagtail page (none once in the fragment cache), none elsewhere;
    the result is cached on the request.
    """
    request = context.get("request")
    cache_key = "_language_links"
    if request is not None and hasattr(request, cache_key):
        return getattr(request, cache_key)

    current = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    page = context.get("page")
    if not isinstance(page, Page):
        page = None

    full_path = request.get_full_path() if request is not None else f"/{current}/"
    translations = {}
    if page is not None and page.pk:
        translations = _translation_urls(page, request)

    links = []
    for code, name in settings.LANGUAGES:
        is_translation = True
        if code == current:
            url = full_path
        elif page is not None:
            if code in translations:
                url = translations[code]
            else:
                url, is_translation = f"/{code}/", False
        else:
            url = translate_url(full_path, code)
            if url == full_path:
                # Unresolvable paths (a 404, for example) keep their shape.
                url = _swap_language_prefix(full_path, current, code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url or f"/{code}/",
                "is_current": code == current,
                "is_translation": is_translation,
                "bidi": translation.get_language_info(code)["bidi"],
            }
        )
    if request is not None:
        setattr(request, cache_key, links)
    return links


@register.filter
def initials(name, count=2):
    """``"Salma El Idrissi"`` → ``"SE"``: the avatar shown when a profile has no photo."""
    words = [word for word in str(name or "").replace("-", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[: int(count)]).upper()


@register.filter
def whatsapp_url(number):
    """A ``https://wa.me/<digits>`` click-to-chat link for a phone number ('' if none)."""
    if not number:
        return ""
    value = getattr(number, "as_e164", None) or str(number)
    digits = "".join(ch for ch in value if ch.isdigit())
    return f"https://wa.me/{digits}" if digits else ""


@register.filter
def phone(number):
    """One display of a phone number everywhere (pages, receipts, emails): the international
    format, ``+212 6 12 34 56 78``, readable from abroad and in a right-to-left page (wrap
    it in ``dir="ltr"``). A number that cannot be read is shown as typed."""
    if not number:
        return ""
    try:
        parsed = phonenumbers.parse(str(number), settings.PHONENUMBER_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return str(number)
    if not phonenumbers.is_possible_number(parsed):
        return str(number)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@register.filter
def tel_url(number):
    """A ``tel:+212…`` link for a phone number ('' if none)."""
    if not number:
        return ""
    value = getattr(number, "as_e164", None) or str(number)
    return f"tel:{value}"


def _thumbnail(source, geometry):
    """``{url, width, height}`` of a cropped thumbnail made by Oscar's thumbnailer, or None."""
    if not source:
        return None

    try:
        thumbnail = get_thumbnailer().generate_thumbnail(source, size=geometry, crop="center")
        width, height = thumbnail.width, thumbnail.height
    except Exception:  # a missing or unreadable file must not break a listing
        logger.warning("No thumbnail for %s", getattr(source, "name", source), exc_info=True)
        return None
    if not width or not height:  # sorl returns an empty image when the source is missing
        return None
    return {"url": thumbnail.url, "width": width, "height": height}


@register.simple_tag
def card_thumbnail(image, geometry="600x450"):
    """A cropped thumbnail of an Oscar product image, for cards.

    Usage: ``{% card_thumbnail product.primary_image "600x450" as thumb %}`` then
    ``thumb.url``, ``thumb.width``, ``thumb.height``. ``None`` when the product has no
    image (Oscar's "missing image" dict) or its file cannot be read, so the template can
    show a placeholder instead of a broken picture.
    """
    if not image or (isinstance(image, dict) and image.get("is_missing")):
        return None
    return _thumbnail(getattr(image, "original", None), geometry)


@register.simple_tag
def photo_thumbnail(file, geometry="256x256"):
    """A cropped thumbnail of an uploaded photo (a profile's ``photo``), or None.

    Usage: ``{% photo_thumbnail profile.photo "256x256" as photo %}``.
    """
    return _thumbnail(file or None, geometry)


@register.filter(name="sanitize_html")
def sanitize_html_filter(value):
    """``{{ product.description|sanitize_html }}``: user HTML with only simple formatting."""
    return sanitize_html(value)
