"""What differs per visitor on a shared page: a small *persona* and the page's *regions*.

The page cache (``core.cache``) serves one stored copy of a public page to everyone,
signed in or not. That copy is rendered for an anonymous visitor; the few places where a
page differs per visitor are wrapped in regions::

    {% load visitor_tags %}
    {% visitor "account" %}…what an anonymous visitor sees…{% endvisitor %}

which the stored copy keeps as ``<!--pv:account-->…<!--/pv-->``. When the copy is served
to a visitor who has a session or a basket, the middleware replaces each region with what
its *filler* gives for that visitor's persona, with no page rendering and no SQL:

* **Persona:** a small dict kept in the shared cache under a hash of the visitor's session
  and basket cookies (``key()``), computed once (``compute()``: the user, their
  permissions, their basket and what each app's *provider* adds, a handful of queries) and
  kept for ``PAGE_CACHE_SECONDS``. Keys: ``uid`` (``None`` when not signed in), ``staff``
  (staff get pages rendered for them: Wagtail's userbar, edit and hide links), ``basket``
  (item count), ``kind`` (for the request log), plus the providers' (``partners``: the
  shops the user runs, from ``shop.creators``; ``profiles``: their directory profiles, from
  ``directory``; ``wishlists``: their wish lists and what each holds, from
  ``shop.catalogue``). A product page served to a visitor with a history of other products
  adds ``history`` (the ids of their recently-viewed cookie) for that request only.
  Signing in or out changes the session key, so the persona follows; any POST from the
  visitor forgets it; a page rendered in full that loaded the basket corrects its count
  (``core.cache``). Rights or a shop given by someone else show once it expires.
* **Fillers:** ``fill(persona, args, default)`` gives the region's HTML for that persona,
  or ``None`` to keep the stored default. Core fills ``account`` (the top bar's account
  links), ``basket`` (the header's count), ``footer-account`` and ``anon`` (shown to
  visitors who are not signed in only); apps register their own from ``ready()`` with
  ``register_filler()`` (a creator's "edit this product", an owner's "edit my profile",
  "write a review", wish lists, recently viewed products). Fillers build small HTML from
  the persona and the region's arguments; what a filler renders from a template is memoised
  per language when it holds no personal data (a CSRF token is written as the page cache's
  placeholder, filled per request).

Nothing personal is ever stored in a shared page: the regions hold the anonymous version,
and a persona lives under a key only its own cookies lead to.
"""

import contextvars
import hashlib
import re

from django.apps import apps
from django.conf import settings
from django.core.signing import BadSignature, Signer
from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language

from . import requestlog

KEY_PREFIX = "pagecache:visitor:"
# Where a shared page's CSRF tokens go; the page cache fills in the visitor's own on each hit.
CSRF_PLACEHOLDER = b"@@page-cache-csrf-token@@"
REGION = re.compile(rb"<!--pv:([a-z-]+)((?: [^ >]+)*)-->(.*?)<!--/pv-->", re.S)
# Permissions that make a user "staff" here: pages are then rendered for them, never shared
# (Wagtail's userbar, "edit", "hide this product", previews of hidden products).
STAFF_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "catalogue.view_product",
    "catalogue.hide_product",
    "directory.view_profile",
)

# The persona of a visitor nobody could work out (the database is down): the stored page.
NOBODY = {"uid": None, "staff": False, "basket": 0, "kind": "unknown"}

_providers = []
_fillers = {}
_memo = {}


def register_provider(provider):
    """``provider(request, user)`` gives a dict merged into a signed-in visitor's persona."""
    _providers.append(provider)


def register_filler(name, filler):
    """``filler(persona, args, default)`` fills the regions called ``name``."""
    _fillers[name] = filler


def _cookie_names():
    return (
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "OSCAR_BASKET_COOKIE_OPEN", "oscar_open_basket"),
    )


def key_for(session_key, basket_cookie):
    raw = f"{session_key or ''}|{basket_cookie or ''}"
    return KEY_PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def key(request):
    """The persona's cache key: only this visitor's own cookies lead to it."""
    session_name, basket_name = _cookie_names()
    return key_for(request.COOKIES.get(session_name), request.COOKIES.get(basket_name))


def compute(request):
    """The persona of ``request``'s visitor (a few queries: user, permissions, basket…)."""
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    persona = {"uid": user.pk if signed_in else None, "staff": False, "basket": 0}
    if signed_in:
        persona["staff"] = bool(
            user.is_staff
            or user.is_superuser
            or any(user.has_perm(permission) for permission in STAFF_PERMISSIONS)
        )
        for provider in _providers:
            persona.update(provider(request, user))
    persona["basket"] = _count_basket(request, user if signed_in else None)
    # The request log's kind of user, so a page served from the cache loads no user for it.
    persona["kind"] = requestlog.user_kind(request)
    return persona


def _count_basket(request, user):
    """Items in the visitor's open basket, in one query (Oscar's full basket, with its offers,
    costs six); a signed-in visitor's cookie basket is merged, and counted, on the next page
    rendered for them."""
    line = apps.get_model("basket", "Line")
    if user is not None:
        lines = line.objects.filter(basket__owner=user, basket__status="Open")
    else:
        cookie = request.COOKIES.get(_cookie_names()[1], "")
        try:
            basket_id = int(Signer().unsign(cookie))
        except (BadSignature, ValueError):
            return 0
        lines = line.objects.filter(basket_id=basket_id, basket__owner=None, basket__status="Open")
    return int(lines.aggregate(count=Sum("quantity"))["count"] or 0)


def basket_count(request):
    """The item count of the basket this request loaded, or ``None`` when it loaded none."""
    basket = getattr(request, "_basket_cache", None)
    if basket is None:
        return None
    try:
        return int(basket.num_items or 0)
    except Exception:  # noqa: BLE001 - a basket that cannot be counted: the persona is dropped
        return -1


# The request being answered, while its regions are filled (a filler rendering cards reads it).
current_request = contextvars.ContextVar("personal_request", default=None)


def fill(content, persona, request=None):
    """``content`` (bytes) with every region replaced by its filler's answer for ``persona``."""
    if b"<!--pv:" not in content:
        return content

    def replace(match):
        filler = _fillers.get(match.group(1).decode())
        default = match.group(3)
        if filler is None:
            return default
        answer = filler(persona, match.group(2).decode().split(), default.decode())
        return default if answer is None else str(answer).encode()

    token = current_request.set(request)
    try:
        return REGION.sub(replace, content)
    finally:
        current_request.reset(token)


def render_memo(template_name, **context):
    """``template_name`` rendered with ``context`` (no request), once per language."""
    memo_key = (template_name, get_language(), repr(sorted(context.items())))
    found = _memo.get(memo_key)
    if found is None:
        if len(_memo) > 1000:  # a bound, never reached with the few variants there are
            _memo.clear()
        found = _memo[memo_key] = render_to_string(template_name, context).strip()
    return found


def signed_in(persona):
    return persona.get("uid") is not None


# Core's regions: the header's account links and basket count, the footer's "your space".


def _account(persona, args, default):
    if not signed_in(persona):
        return None
    return render_memo(
        "includes/account_links.html",
        signed_in=True,
        admin=False,
        has_shop=bool(persona.get("partners")),
        csrf_token=CSRF_PLACEHOLDER.decode(),
    )


def _basket(persona, args, default):
    count = persona.get("basket") or 0
    if count > 99:
        return render_to_string("includes/basket_count.html", {"count": count}).strip()
    return render_memo("includes/basket_count.html", count=count)


def _footer_account(persona, args, default):
    if not signed_in(persona):
        return None
    return render_memo("includes/footer_account.html", signed_in=True)


def _anonymous_only(persona, args, default):
    return "" if signed_in(persona) else None


register_filler("account", _account)
register_filler("basket", _basket)
register_filler("footer-account", _footer_account)
register_filler("anon", _anonymous_only)


def owner_link(url, label, css_class):
    """A link only an owner sees (their "edit" link), built without a template."""
    return format_html('<p class="{}"><a href="{}">{}</a></p>', css_class, url, label)
