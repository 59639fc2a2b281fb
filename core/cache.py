"""Whole-page cache for anonymous visitors, in the shared cache (Redis when ``REDIS_URL`` is
set, local memory otherwise).

``PageCacheMiddleware`` (last in ``MIDDLEWARE``) answers a GET or HEAD from the cache when
the visitor is anonymous, and stores what the site answered when it is safe to share:

* **Who gets cached pages:** only requests without a session, basket or messages cookie.
  Signed-in users always carry a session cookie, and so does anyone with a basket or a
  guest order, so they neither receive a cached page nor populate one.
* **What is stored:** a 200 answer to a GET, not streamed, not marked private or
  ``no-store``, that did not change the session and queued no message. A page holding the
  request's CSP nonce (Oscar's layout) is stored with it, and a hit swaps in the new
  request's nonce, so the header and the inline script still agree. Paths under
  ``PAGE_CACHE_EXCLUDE`` (admin, basket, checkout, accounts, creator space, health
  check…) are never stored.
* **Pages with a POST form** (a product's "add to basket", a profile's contact form): the
  CSRF tokens of the ``csrfmiddlewaretoken`` fields are stored as a placeholder, and a hit
  fills in tokens of the new visitor's own CSRF cookie (set on the answer as Django would),
  so a form posted from a cached page passes the CSRF check and no visitor ever receives
  another's token. A page holding anything else that looks like a token (64 letters and
  digits) is not stored.
* **Cookies:** an answer that sets a cookie is stored only when every such cookie is the
  same for all first-time visitors: Oscar's recently-viewed history (``[<product id>]``
  on a product page visited without history). A hit sets it again; a visitor who already
  sends that cookie gets the page rendered (their "recently viewed" list is their own).
  Oscar's view counters (``analytics``) do not count hits.
* **Key:** scheme, host, language, path and the full query string, plus the current
  *generation*.
* **Invalidation:** a generation counter kept in the same cache is bumped (immediately and
  again after the transaction commits) whenever content shown on public pages changes:
  Wagtail publish, unpublish, delete or move; product, stock record, product image,
  category, shop or profile saved or deleted; taxonomy; site settings; Wagtail images. Old
  entries are simply never read again and expire after ``PAGE_CACHE_SECONDS`` (default 300),
  which also bounds staleness for anything time-based ("upcoming" events) or changed
  without a signal (bulk ``update()``). This module names no model of ours: each app calls
  ``watch(Model, …)`` from its own ``AppConfig.ready()`` for what its public pages show, and
  can call ``bump_generation()`` after a bulk change.

With the local-memory cache each server process has its own pages and its own counter, so
a change seen by one process leaves the others stale until their entries expire: production
with several workers uses Redis.

Settings: ``PAGE_CACHE_ENABLED`` (default true, but never with ``DEBUG``; false in the test
settings, where the page-cache tests turn it on), ``PAGE_CACHE_SECONDS``,
``PAGE_CACHE_EXCLUDE`` (path prefixes, without
the language prefix). Answers carry ``X-Page-Cache: hit`` or ``miss`` when the cache was
consulted.
"""

import contextvars
import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import metrics

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
DEFAULT_SECONDS = 300
DEFAULT_EXCLUDE = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/healthz",
    "/ops/",
    "/shop/basket/",
    "/shop/checkout/",
    "/shop/accounts/",
    "/shop/dashboard/",
    "/shop/my-shop/",
    "/shop/quotes/",
    "/directory/account/",
    "/privacy/",
)
STORED_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Link")
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
CSRF_PLACEHOLDER = b"@@page-cache-csrf-token@@"
TOKEN_LIKE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def _enabled():
    """On unless switched off, and never with ``DEBUG`` (templates change under a developer)."""
    return getattr(settings, "PAGE_CACHE_ENABLED", True) and not settings.DEBUG


def _seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", DEFAULT_SECONDS)


def _excluded(path):
    """Whether ``path`` (with or without its language prefix) is never cached."""
    prefixes = getattr(settings, "PAGE_CACHE_EXCLUDE", DEFAULT_EXCLUDE)
    parts = path.split("/", 2)
    languages = {code for code, _name in settings.LANGUAGES}
    bare = "/" + parts[2] if len(parts) > 2 and parts[1] in languages else path
    return any(path.startswith(prefix) or bare.startswith(prefix) for prefix in prefixes)


def _private_cookies():
    return {
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
        getattr(settings, "OSCAR_BASKET_COOKIE_OPEN", "oscar_open_basket"),
    }


# Within one GET or HEAD request the generation is read from the cache once (the page key,
# the cards, the menu and the counts all use it); a bump in this process forgets it.
_memo = contextvars.ContextVar("pagecache_generation", default=None)


def generation():
    memo = _memo.get()
    if memo is not None and "value" in memo:
        return memo["value"]
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, None)
    if memo is not None:
        memo["value"] = value
    return value


def bump_generation(**kwargs):
    """Make every cached page stale (the next visitor gets a fresh one)."""
    memo = _memo.get()
    if memo is not None:
        memo.pop("value", None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache yet (or evicted)
        cache.set(GENERATION_KEY, 2, None)


def _on_change(sender=None, **kwargs):
    if kwargs.get("raw"):  # fixtures
        return
    bump_generation()
    # Again once committed: a visitor who rendered the old content meanwhile cached it
    # under the new generation.
    transaction.on_commit(bump_generation)


# Models whose many-to-many changes (a profile's sectors, a product's categories) also make
# pages stale; filled by ``watch(model, m2m=True)``.
_M2M_OWNERS = set()


def watch(*models, m2m=False):
    """Bump the generation whenever one of ``models`` is saved or deleted.

    Each app calls this from its own ``AppConfig.ready()`` for the models its public pages
    show (this module names none). With ``m2m=True`` a change to one of the model's
    many-to-many relations counts too.
    """
    for model in models:
        uid = f"pagecache_{model._meta.label_lower}"
        post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}_save", weak=False)
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}_delete", weak=False)
        if m2m:
            _M2M_OWNERS.add(model)


def connect():
    """Called from ``CoreConfig.ready``: Wagtail's page signals and Wagtail images.

    The other apps register their own models with ``watch()`` from their ``ready()``.
    """
    # Deferred: the image model is resolved once the app registry is ready.

    page_published.connect(_on_change, dispatch_uid="pagecache_published", weak=False)
    page_unpublished.connect(_on_change, dispatch_uid="pagecache_unpublished", weak=False)
    post_page_move.connect(_on_change, dispatch_uid="pagecache_moved", weak=False)
    watch(get_image_model())
    m2m_changed.connect(_on_m2m, dispatch_uid="pagecache_m2m", weak=False)


def _on_m2m(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, tuple(_M2M_OWNERS)
    ):
        _on_change()


def cache_key(request):
    query = request.META.get("QUERY_STRING", "")
    raw = "|".join(
        [
            request.scheme,
            request.get_host(),
            getattr(request, "LANGUAGE_CODE", ""),
            request.path,
            query,
        ]
    )
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:{generation()}:{digest}"


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD") or not _enabled():
        return False
    if _private_cookies() & set(request.COOKIES):
        return False
    return not _excluded(request.path)


def _replayable_cookies():
    """Cookies an answer may set and still be stored: the same for every first visit."""
    return {getattr(settings, "OSCAR_RECENTLY_VIEWED_COOKIE_NAME", "oscar_history")}


def _stored_cookies(request, response):
    """The cookies to set again on each hit, or None when the answer cannot be shared."""
    names = set(response.cookies)
    if not names <= _replayable_cookies() or names & set(request.COOKIES):
        return None
    return {name: response.cookies[name] for name in names}


def _shareable_content(request, response):
    """The body with CSRF tokens replaced by a placeholder, or None when not shareable."""
    content = response.content
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return content
    content = CSRF_FIELD.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", content)
    if TOKEN_LIKE.search(content):  # a token printed some other way: never share it
        return None
    return content


def _cacheable_response(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    user = getattr(request, "user", None)  # without a session cookie: no query
    return user is None or not user.is_authenticated


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = _memo.set({}) if request.method in ("GET", "HEAD") else None
        try:
            return self._respond(request)
        finally:
            if memo is not None:
                _memo.reset(memo)

    def _respond(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        try:
            key = cache_key(request)
            stored = cache.get(key)
        except Exception:  # noqa: BLE001 - a cache outage means a miss, never an error
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        if (
            isinstance(stored, dict)
            and stored.get("key") == key  # never another page's answer (a garbled reply)
            and not set(stored["cookies"]) & set(request.COOKIES)
        ):
            metrics.cache_lookup("page", 1)
            return self._rebuild(stored, request)
        metrics.cache_lookup("page", 0, 1)
        response = self.get_response(request)
        if _cacheable_response(request, response):
            self._store(key, request, response)
        return response

    @staticmethod
    def _store(key, request, response):
        cookies = _stored_cookies(request, response)
        content = _shareable_content(request, response) if cookies is not None else None
        if content is None:
            return
        stored = {
            "key": key,
            "content": content,
            "headers": {name: response[name] for name in STORED_HEADERS if name in response},
            "nonce": getattr(request, "_csp_nonce", None) or "",
            "cookies": cookies,
        }
        try:
            cache.set(key, stored, _seconds())
        except Exception:  # noqa: BLE001
            logger.warning("page cache unavailable", exc_info=True)
            return
        response["X-Page-Cache"] = "miss"

    @staticmethod
    def _rebuild(stored, request):
        content, nonce = stored["content"], stored["nonce"]
        if nonce and hasattr(request, "csp_nonce"):
            content = content.replace(nonce.encode(), str(request.csp_nonce).encode())
        if CSRF_PLACEHOLDER in content:
            # Tokens of this visitor's own secret; get_token() also has CsrfViewMiddleware
            # set (or refresh) the visitor's CSRF cookie on the way out.
            parts = content.split(CSRF_PLACEHOLDER)
            content = parts[0] + b"".join(get_token(request).encode() + part for part in parts[1:])
        response = HttpResponse(content if request.method == "GET" else b"", status=200)
        for name, value in stored["headers"].items():
            response[name] = value
        for name, morsel in stored["cookies"].items():
            response.cookies[name] = morsel
        response["Content-Length"] = str(len(content))
        response["X-Page-Cache"] = "hit"
        return response
