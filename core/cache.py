"""Whole-page cache: one stored copy of each public page for everyone, in the shared cache
(Redis when ``REDIS_URL`` is set, local memory otherwise), personalised when served.

``PageCacheMiddleware`` (last in ``MIDDLEWARE``) answers a GET or HEAD from the cache and
stores what the site answered when it is safe to share:

* **Who gets cached pages:** visitors without cookies get the stored copy as it is.
  Visitors with a session or a basket (signed-in clients, creators, guests with a basket)
  get it too on the pages that are the same for everyone but for a few places (home and
  editorial pages, catalogue, category, product, creator shop, directory, profile, search:
  ``PAGE_CACHE_SHARED``, a pattern on the path without its language), with those places
  filled in for them (below). Everything else is rendered for them (basket, checkout,
  account, creator space, hackathon, market…), as are **staff** (anyone with
  ``is_staff``, a superuser or one of ``core.personal.STAFF_PERMISSIONS``: Wagtail's
  userbar, edit and hide links, previews of hidden products) and **anyone with pending
  messages** (a ``messages`` cookie: sign-in, sign-out and add-to-basket redirects show
  theirs on a page rendered for them, and the next page comes from the cache again).
* **What is stored is always the anonymous page.** On a miss for a visitor with a session,
  the page is rendered as for a visitor without cookies (``AnonymousUser``, an empty
  unsaved session and basket, no messages, no history cookie), stored, then filled in for
  them. A page that is not shareable that way (not a 200, reads the session beyond who is
  signed in, queues a message, sets another cookie) is rendered again for the visitor, and
  a small marker remembers for ``PAGE_CACHE_SECONDS`` that this URL is rendered for them.
  A stored page read nothing from the session but who is signed in (a page behind a
  Wagtail password reads more, and is never served from the copy to visitors with one).
* **What differs per visitor** (``core.personal``): templates wrap it in ``{% visitor %}``
  regions (the account links, the basket count, the footer's "your space", a creator's
  "edit this product", an owner's "edit my profile", "write a review"). The stored copy
  holds the anonymous version; a visitor with a session or basket gets each region filled
  from their *persona*, a small dict kept in the cache under a hash of their session and
  basket cookies (who they are, their shops and profiles, their basket's item count, their
  kind for the request log), computed once in a handful of queries. A hit for them costs
  one ``get_many`` (page and persona) and a few string replacements: no SQL, no template
  rendering, no session or user loaded. Signing in or out changes the session key, so the
  persona follows; any POST from them forgets it; a page rendered for them that loaded the
  basket corrects its count. The account and basket links are plain links in every
  version, so pages work without JavaScript (there is none involved).
* **Headers:** answers to visitors with a session or basket carry ``Cache-Control:
  private, no-cache`` and ``Vary: Cookie`` (no proxy keeps them). Signing out (Django's
  ``user_logged_out``) answers with ``Clear-Site-Data: "cache"``, so the browser keeps no
  page showing the account menu; not ``"storage"`` (the market's unsent sales live in
  IndexedDB).
* **What is stored:** a 200 answer to a GET, not streamed, not marked private or
  ``no-store``, that did not change the session, queued or showed no message. A page holding the
  request's CSP nonce (Oscar's layout) is stored with it, and a hit swaps in the new
  request's nonce, so the header and the inline script still agree. Paths under
  ``PAGE_CACHE_EXCLUDE`` (admin, basket, checkout, accounts, creator space, health
  check…) are never stored.
* **Pages with a POST form** (a product's "add to basket", a profile's contact form, the
  sign-out button of a signed-in visitor's menu): the CSRF tokens of the
  ``csrfmiddlewaretoken`` fields are stored as a placeholder, and a hit fills in tokens of
  the visitor's own CSRF cookie (set on the answer as Django would), so a form posted from
  a cached page passes the CSRF check and no visitor ever receives another's token. A page
  holding anything else that looks like a token (64 letters and digits) is not stored.
* **Cookies:** an answer that sets a cookie is stored only when every such cookie is the
  same for all first-time visitors: Oscar's recently-viewed history (``[<product id>]``
  on a product page visited without history). A hit sets it again; a visitor who sends a
  history of other products gets the stored page with their own "recently viewed" region
  (one query for which are still public, then the cached cards) and their history updated
  as Oscar would. Oscar's view counters (``analytics``) do not count hits.
* **Key:** scheme, host, language, path and the full query string, plus the current
  *generation*.
* **Invalidation:** a generation counter kept in the same cache is bumped (immediately and
  again after the transaction commits) whenever content shown on public pages changes:
  Wagtail publish, unpublish, delete or move; product, product image, category, shop or
  profile saved or deleted; a stock record edited, or a stock movement (an order) that
  changes availability or leaves at most ``PAGE_CACHE_EXACT_STOCK_BELOW`` (10) in stock
  (``shop.partner.stock``: orders of products with plenty left no longer empty the cache);
  taxonomy; site settings; Wagtail images. Old entries are simply never read again and
  expire after ``PAGE_CACHE_SECONDS`` (default 300), which also bounds staleness for
  anything time-based ("upcoming" events), changed without a signal (bulk ``update()``) or
  in a persona (rights or a shop given by staff). This module names no model of ours: each
  app calls ``watch(Model, …, unless=…)`` from its own ``AppConfig.ready()`` for what its
  public pages show, and can call ``bump_generation()`` after a bulk change.

With the local-memory cache each server process has its own pages and its own counter, so
a change seen by one process leaves the others stale until their entries expire: production
with several workers uses Redis.

Settings: ``PAGE_CACHE_ENABLED`` (default true, but never with ``DEBUG``; false in the test
settings, where the page-cache tests turn it on), ``PAGE_CACHE_SECONDS``,
``PAGE_CACHE_EXCLUDE`` (path prefixes, without the language prefix), ``PAGE_CACHE_SHARED``
(a pattern), ``PAGE_CACHE_EXACT_STOCK_BELOW``. Answers carry ``X-Page-Cache: hit`` or
``miss`` when the cache was consulted.
"""

import contextvars
import hashlib
import json
import logging
import re
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_out
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import metrics, personal

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
CSRF_PLACEHOLDER = personal.CSRF_PLACEHOLDER
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


def watch(*models, m2m=False, unless=None):
    """Bump the generation whenever one of ``models`` is saved or deleted.

    Each app calls this from its own ``AppConfig.ready()`` for the models its public pages
    show (this module names none). With ``m2m=True`` a change to one of the model's
    many-to-many relations counts too. ``unless(instance, **signal_kwargs)``, when given,
    tells a save that changes nothing public pages show (no bump).
    """
    for model in models:
        uid = f"pagecache_{model._meta.label_lower}"
        on_save = _on_change
        if unless is not None:

            def on_save(sender=None, instance=None, _unless=unless, **kwargs):
                if not _unless(instance, **kwargs):
                    _on_change(sender, instance=instance, **kwargs)

        post_save.connect(on_save, sender=model, dispatch_uid=f"{uid}_save", weak=False)
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
    watch(Site)  # its root page and hostname route every page (core.sites memoises it)
    m2m_changed.connect(_on_m2m, dispatch_uid="pagecache_m2m", weak=False)
    user_logged_out.connect(_on_signed_out, dispatch_uid="pagecache_signed_out", weak=False)


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


# Paths (without the language prefix) whose pages are the same for every visitor but for
# their regions (``core.personal``): served from the shared copy to signed-in visitors and
# baskets too. Home and editorial pages (Wagtail's, any path outside the apps' prefixes),
# catalogue, category, product, creator shop, directory, profile, search. Anything else
# (basket, checkout, account, creator space, hackathon, market…) is rendered for them.
DEFAULT_SHARED = (
    r"^/(?:"
    r"shop/catalogue/(?:category/.+/|[^/]+/)?"
    r"|shop/creators/[^/]+/"
    r"|directory/(?:(?!account/)[^/]+/|map\.geojson)?"
    r"|search/(?:suggest)?"
    r"|(?!shop/|directory/|hackathon/|search/|privacy/|payments/|i18n/)[^/]+(?:/[^/]+)*/"
    r")?$"
)


def _bare(path):
    parts = path.split("/", 2)
    languages = {code for code, _name in settings.LANGUAGES}
    return "/" + parts[2] if len(parts) > 2 and parts[1] in languages else path


def _shared_with_visitors(path):
    pattern = getattr(settings, "PAGE_CACHE_SHARED", DEFAULT_SHARED)
    return re.match(pattern, _bare(path)) is not None


def _flow(request):
    """``None`` (render as usual), ``"anonymous"`` or ``"visitor"`` (a session or basket)."""
    if request.method not in ("GET", "HEAD") or not _enabled() or _excluded(request.path):
        return None
    if request.COOKIES.get(getattr(settings, "MESSAGE_COOKIE_NAME", "messages")):
        return None  # pending messages: rendered, so they show
    if not (_private_cookies() & {name for name, value in request.COOKIES.items() if value}):
        return "anonymous"
    return "visitor" if _shared_with_visitors(request.path) else None


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
    if messages is not None and (
        getattr(messages, "_queued_messages", None) or getattr(messages, "_loaded_data", None)
    ):
        return False
    user = getattr(request, "user", None)  # without a session cookie: no query
    return user is None or not user.is_authenticated


class _NoMessages(list):
    """The message storage of a neutral rendering: none to show; any message added makes
    the page unshareable (it is then rendered again for the visitor, who gets it)."""

    level = 0
    used = False

    def __init__(self):
        super().__init__()
        self._queued_messages = []

    def add(self, level, message, extra_tags=""):
        self._queued_messages.append((level, message, extra_tags))

    def update(self, response):
        return None


_NEUTRAL_ATTRIBUTES = (
    "user",
    "_cached_user",
    "auser",
    "session",
    "basket",
    "_basket_cache",
    "basket_hash",
    "_messages",
    "COOKIES",
)
_MISSING = object()


# Session keys a shared page may read and still be the same for everyone with a session:
# who is signed in (the regions show it), and Oscar's add-to-basket form data, kept only
# after a refused form, whose redirect carries a message (so that page is rendered).
_NEUTRAL_SESSION_KEYS = re.compile(
    r"^(?:_auth_user_id|_auth_user_backend|_auth_user_hash|add_to_basket_form_post_data_\d+)$"
)
_recording_classes = {}


def _recording(session):
    """``session``, now noting which keys are read (``_page_cache_reads``)."""
    cls = type(session)
    recording = _recording_classes.get(cls)
    if recording is None:

        class Recording(cls):
            def _note(self, key):
                self.__dict__.setdefault("_page_cache_reads", set()).add(key)

            def __getitem__(self, key):
                self._note(key)
                return super().__getitem__(key)

            def __contains__(self, key):
                self._note(key)
                return super().__contains__(key)

            def get(self, key, default=None):
                self._note(key)
                return super().get(key, default)

            def pop(self, key, *args):
                self._note(key)
                return super().pop(key, *args)

            def setdefault(self, key, value):
                self._note(key)
                return super().setdefault(key, value)

            def keys(self):
                self._note("*")
                return super().keys()

            def values(self):
                self._note("*")
                return super().values()

            def items(self):
                self._note("*")
                return super().items()

        recording = _recording_classes[cls] = Recording
    session.__class__ = recording
    return cls


def _session_free(session):
    """Whether rendering read nothing from ``session`` that could differ per visitor."""
    reads = session.__dict__.get("_page_cache_reads", ())
    return all(key != "*" and _NEUTRAL_SESSION_KEYS.match(key) for key in reads)


def _personal_headers(response):
    """A page served to someone with a session or basket: never kept by a shared cache."""
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Cookie",))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = _memo.set({}) if request.method in ("GET", "HEAD") else None
        try:
            response = self._respond(request)
        finally:
            if memo is not None:
                _memo.reset(memo)
        if getattr(request, "_page_cache_signed_out", False):
            # Signing out leaves nothing personal in the browser's cache (pages it kept with
            # the account menu). Not "storage": issue 19 keeps unsent sales in IndexedDB.
            response["Clear-Site-Data"] = '"cache"'
        return response

    def _respond(self, request):
        flow = _flow(request)
        if flow == "visitor":
            return self._respond_to_visitor(request)
        if flow is None:
            response = self.get_response(request)
            self._after_render(request)
            return response
        try:
            key = cache_key(request)
            stored = cache.get(key)
        except Exception:  # noqa: BLE001 - a cache outage means a miss, never an error
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        if _usable(stored, key) and not _cookies_differ(stored, request):
            metrics.cache_lookup("page", 1)
            return self._rebuild(stored, request)
        metrics.cache_lookup("page", 0, 1)
        session = getattr(request, "session", None)
        original = _recording(session) if session is not None else None
        try:
            response = self.get_response(request)
            entry = None
            if _cacheable_response(request, response):
                entry = self._entry(key, request, response)
        finally:
            if original is not None:
                session.__class__ = original
        if entry is not None and self._save(key, entry):
            response["X-Page-Cache"] = "miss"
        return response

    def _respond_to_visitor(self, request):
        """A visitor with a session or basket on a shared page: the stored copy (rendered
        as for an anonymous visitor when missing) with their own regions filled in."""
        persona_key = personal.key(request)
        try:
            key = cache_key(request)
            found = cache.get_many([key, persona_key])
        except Exception:  # noqa: BLE001
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        found = dict(found) if isinstance(found, dict) else {}
        persona = found.get(persona_key)
        if not isinstance(persona, dict):
            try:
                persona = personal.compute(request)
            except Exception:  # noqa: BLE001 - database down: the stored page, as it is
                logger.warning("visitor persona unavailable", exc_info=True)
                persona = dict(personal.NOBODY)
            else:
                self._save(persona_key, persona)
        stored = found.get(key)
        if persona.get("staff"):
            response = self.get_response(request)  # rendered for them (userbar, staff links)
        elif isinstance(stored, dict) and stored.get("key") == key and stored.get("render"):
            response = self.get_response(request)  # known not to be shareable
        elif _usable(stored, key):
            if not stored.get("session_free") or _cookies_differ(stored, request):
                # A page that reads the session (behind a Wagtail password), or one with
                # their own recently viewed list: rendered for them.
                response = self.get_response(request)
            else:
                metrics.cache_lookup("page", 1)
                request.page_cache_user_kind = persona.get("kind")
                response = self._rebuild(stored, request, persona)
        else:
            metrics.cache_lookup("page", 0, 1)
            entry = self._render_neutral(key, request) if request.method == "GET" else None
            if not entry:
                if entry is None and request.method == "GET":  # not an error: not shareable
                    self._save(key, {"key": key, "render": True})
                response = self.get_response(request)
            elif _cookies_differ(entry, request):
                response = self.get_response(request)
            else:
                response = self._rebuild(entry, request, persona)
                response["X-Page-Cache"] = "miss"
        if "X-Page-Cache" not in response:  # rendered for them: same regions, same persona
            self._after_render(request)
            if response.get("Content-Type", "").startswith("text/html") and not (
                response.streaming or persona.get("staff")
            ):
                response.content = personal.fill(response.content, persona, request)
                response["Content-Length"] = str(len(response.content))
        _personal_headers(response)
        return response

    def _render_neutral(self, key, request):
        """Render the page as for an anonymous visitor without cookies (no user, session,
        basket, messages or history) and store it; the entry, None when the page is not
        shareable, False when rendering failed."""
        saved = {name: request.__dict__.get(name, _MISSING) for name in _NEUTRAL_ATTRIBUTES}
        anonymous = AnonymousUser()
        neutral_session = import_module(settings.SESSION_ENGINE).SessionStore()
        _recording(neutral_session)
        try:
            request.user = request._cached_user = anonymous

            async def auser():
                return anonymous

            request.auser = auser
            request.session = neutral_session
            request.basket = request._basket_cache = _empty_basket(request)
            request.basket_hash = None
            request._messages = _NoMessages()
            request.COOKIES = {
                name: value
                for name, value in request.COOKIES.items()
                if name not in _private_cookies() | _replayable_cookies()
            }
            try:
                response = self.get_response(request)
            except Exception:  # noqa: BLE001 - rendered again for the visitor, who sees the error
                logger.warning("neutral rendering failed", exc_info=True)
                return False
            entry = None
            if _cacheable_response(request, response):
                entry = self._entry(key, request, response)
        finally:
            for name, value in saved.items():
                if value is _MISSING:
                    request.__dict__.pop(name, None)
                else:
                    request.__dict__[name] = value
        if entry is not None and entry["session_free"]:
            self._save(key, entry)
            return entry
        return None

    @staticmethod
    def _after_render(request):
        """A visitor's request rendered in full: forget or refresh their persona."""
        if not (_private_cookies() & set(request.COOKIES)):
            return
        try:
            if request.method not in ("GET", "HEAD"):
                cache.delete(personal.key(request))  # a POST may change anything in it
                return
            count = personal.basket_count(request)
            if count is None:
                return
            persona_key = personal.key(request)
            persona = cache.get(persona_key)
            if isinstance(persona, dict) and persona.get("basket") != count:
                if count < 0:
                    cache.delete(persona_key)
                else:
                    persona["basket"] = count
                    cache.set(persona_key, persona, _seconds())
        except Exception:  # noqa: BLE001
            logger.warning("page cache unavailable", exc_info=True)

    @staticmethod
    def _entry(key, request, response):
        cookies = _stored_cookies(request, response)
        content = _shareable_content(request, response) if cookies is not None else None
        if content is None:
            return None
        session = getattr(request, "session", None)
        return {
            "key": key,
            "content": content,
            "headers": {name: response[name] for name in STORED_HEADERS if name in response},
            "nonce": getattr(request, "_csp_nonce", None) or "",
            "cookies": cookies,
            # Whether the page read no session: only then is it shared with visitors who
            # have one (a page behind a Wagtail password reads it, and differs for them).
            "session_free": session is None or _session_free(session),
        }

    @staticmethod
    def _save(key, value):
        try:
            cache.set(key, value, _seconds())
        except Exception:  # noqa: BLE001
            logger.warning("page cache unavailable", exc_info=True)
            return False
        return True

    @staticmethod
    def _rebuild(stored, request, persona=None):
        content, nonce = stored["content"], stored["nonce"]
        cookies = dict(stored["cookies"])
        history = _merged_history(stored, request)
        if history is not None:  # their own "recently viewed" region, their updated cookie
            persona = dict(persona or personal.NOBODY, history=history[0])
            cookies[_history_name()] = history[1]
        if persona is not None:
            content = personal.fill(content, persona, request)
        if nonce and hasattr(request, "csp_nonce"):
            content = content.replace(nonce.encode(), str(request.csp_nonce).encode())
        if CSRF_PLACEHOLDER in content:
            # Tokens of this visitor's own secret; get_token() also has CsrfViewMiddleware
            # set (or refresh) the visitor's CSRF cookie on the way out.
            content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(content if request.method == "GET" else b"", status=200)
        for name, value in stored["headers"].items():
            response[name] = value
        for name, morsel in cookies.items():
            response.cookies[name] = morsel
        response["Content-Length"] = str(len(content))
        response["X-Page-Cache"] = "hit"
        return response


def _history_name():
    return getattr(settings, "OSCAR_RECENTLY_VIEWED_COOKIE_NAME", "oscar_history")


def _history(value):
    """The product ids of a recently-viewed cookie, or None when it is not one."""
    try:
        ids = json.loads(value)
    except ValueError:
        return None
    if not isinstance(ids, list) or not all(type(item) is int for item in ids):
        return None
    return ids


def _cookies_differ(stored, request):
    """Whether the visitor sends one of the cookies the stored page sets with another value
    that cannot be merged (a recently-viewed history can: ``_merged_history``)."""
    for name, morsel in stored["cookies"].items():
        value = request.COOKIES.get(name)
        if value is None or value == morsel.value:
            continue
        if name != _history_name() or _history(value) is None or _history(morsel.value) is None:
            return True
    return False


def _merged_history(stored, request):
    """For a product page served to a visitor with a history of other products: the ids
    they had (their "recently viewed" region) and the cookie to set (this product added,
    as Oscar's ``CustomerHistoryManager`` does); None otherwise."""
    name = _history_name()
    morsel = stored["cookies"].get(name)
    value = request.COOKIES.get(name)
    if morsel is None or value is None or value == morsel.value:
        return None
    before, viewed = _history(value), _history(morsel.value)
    if before is None or viewed is None:
        return None
    ids = [item for item in before if item not in viewed] + viewed
    ids = ids[-getattr(settings, "OSCAR_RECENTLY_VIEWED_PRODUCTS", 20) :]
    updated = morsel.copy()
    updated.set(name, json.dumps(ids), json.dumps(ids))
    return before, updated


def _usable(stored, key):
    """A stored page for this very key (never another page's answer, from a garbled reply)."""
    return isinstance(stored, dict) and stored.get("key") == key and "content" in stored


def _empty_basket(request):
    """An unsaved, empty basket: what an anonymous visitor without a basket has."""
    basket = apps.get_model("basket", "Basket")()
    strategy = getattr(request, "strategy", None)
    if strategy is not None:
        basket.strategy = strategy
    return basket


def _on_signed_out(sender, request=None, **kwargs):
    if request is not None:
        request._page_cache_signed_out = True
