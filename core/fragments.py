"""Rendered fragments kept in the shared cache: product and profile cards, the main menu.

The page cache (``core.cache``) serves a whole page to everyone; these fragments make the
pages it cannot serve cheap too (a first visit to a new filter combination, staff, a page
rendered for one visitor). A card costs a thumbnail lookup, a price
formatted for the locale and a few prefetched rows; from the cache it costs nothing but its
share of one ``get_many``.

* **What is cached:** pieces that are the same for every visitor: a card depends on the
  product or profile, the language and the card template, never on the user (the pricing
  strategy, ``shop.partner.strategy``, does not look at who asks).
* **Key:** ``fragment:<generation>:<language>:<name>:<pk>``. The generation is the page
  cache's (``core.cache.generation``), bumped whenever public content changes (publish,
  product, stock, shop, profile, taxonomy, review…), so a changed product or a new price
  shows at once and stale fragments are never read again; they expire after
  ``FRAGMENT_CACHE_SECONDS`` (default 3,600).
* **Queries:** listings hand over their rows without prefetches; only the cards missing
  from the cache get their related rows (``prefetch_related_objects``, a fixed number of
  queries), so a warm page runs none for its cards and a cold one the same few as before.
* **Failure:** a cache outage renders everything, as without the cache.

``FRAGMENT_CACHE_ENABLED`` (default true, never with ``DEBUG``; false in the test settings,
where the fragment tests turn it on).
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import metrics
from .cache import generation

logger = logging.getLogger(__name__)

DEFAULT_SECONDS = 3600


def enabled():
    return getattr(settings, "FRAGMENT_CACHE_ENABLED", True) and not settings.DEBUG


def _seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", DEFAULT_SECONDS)


def key(name, pk, current_generation=None):
    if current_generation is None:
        current_generation = generation()
    return f"fragment:{current_generation}:{get_language() or ''}:{name}:{pk}"


def get_many(keys):
    if not enabled() or not keys:
        return {}
    try:
        found = cache.get_many(keys)
    except Exception:  # noqa: BLE001 - an outage means rendering, never an error
        logger.warning("fragment cache unavailable", exc_info=True)
        found = {}
    # A copy: during a Redis outage django-redis answers every get_many with one shared
    # dict object, which render_many fills; Wagtail's renditions then read our fragments.
    found = dict(found) if isinstance(found, dict) else {}
    hits = sum(1 for k in set(keys) if k in found)
    metrics.cache_lookup("fragment", hits, len(set(keys)) - hits)
    return found


def set_many(values, seconds=None):
    if not enabled() or not values:
        return
    try:
        cache.set_many(values, seconds or _seconds())
    except Exception:  # noqa: BLE001
        logger.warning("fragment cache unavailable", exc_info=True)


def render_many(objects, name, render, prefetch=()):
    """The HTML of ``render(obj)`` for each object, in order, from the cache when present.

    ``name`` identifies what is rendered (template and options); ``prefetch`` lists the
    lookups the rendering reads, fetched for the missing objects only."""
    objects = list(objects)
    if not objects:
        return []
    current = generation() if enabled() else 0
    keys = [key(name, obj.pk, current) for obj in objects]
    found = get_many(keys)
    missing = [obj for obj, k in zip(objects, keys, strict=True) if k not in found]
    if missing:
        if prefetch:
            prefetch_related_objects(missing, *prefetch)
        rendered = {}
        for obj in missing:
            rendered[key(name, obj.pk, current)] = str(render(obj))
        set_many(rendered)
        found.update(rendered)
    return [mark_safe(found[k]) for k in keys]  # noqa: S308 - our own rendered templates


def get_or_set(name, compute, seconds=None):
    """``compute()`` (any picklable value) from the cache under ``name``, computed when
    missing (or always, with the fragment cache off); kept ``seconds`` (default
    ``FRAGMENT_CACHE_SECONDS``)."""
    if not enabled():
        return compute()
    current = key(name, "")
    found = get_many([current])
    if current in found:
        return found[current]
    value = compute()
    set_many({current: value}, seconds)
    return value


def render_one(name, render):
    """``render()`` (a string) from the cache under ``name``, rendered when missing."""
    return mark_safe(get_or_set(name, lambda: str(render())))  # noqa: S308 - our own template
