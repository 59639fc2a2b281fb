"""The access matrix: who may open each named URL, and what the others get.

``TABLE`` maps a URL name (``namespace:name``; a ``*`` glob covers a whole back office) to a
``Row``: the expected status of a GET per role, and how to build the URL's arguments from the
test world (tests/factories/roles.py). Statuses:

* a number (200, 403, 404, 405…), or
* ``LOGIN`` — a redirect to the shop's sign-in page with ``next`` (``customer:login``),
* ``ADMIN_LOGIN`` — a redirect to the Wagtail admin's sign-in page,
* ``DJANGO_ADMIN_LOGIN`` — a redirect to the Django admin's sign-in page,
* ``DASHBOARD_LOGIN`` — a redirect to Oscar's dashboard sign-in page,
* ``REDIRECT`` — any redirect that is not to a sign-in page (e.g. an empty basket's checkout).

A glob row (``"admin:*"``) declares who may see a whole third-party back office; only its
``sample`` URL is requested. A row with ``expect=None`` is declared but not requested (a
``reason`` says why, e.g. it needs a one-time token).

Object URLs open objects owned by client A and creator A (``World.objects``): another
client's or creator's request must answer 404 (object-level isolation). A row's ``known``
names the roles for which a view does not answer as intended yet; those pairs run as strict
xfails in ``test_known_failures`` so the lead sees them and the table states the intent.

Every GET made by the matrix must also leave the database unchanged (no INSERT, UPDATE or
DELETE outside ``GET_MAY_WRITE``): a state change needs a POST.

A new view must get a row: ``test_every_url_is_in_the_table`` walks the URL resolver and fails
on any name missing here (unnamed patterns are matched by route in ``UNNAMED_ROUTES``).
"""

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories.roles import ROLES

LOGIN = "login"
ADMIN_LOGIN = "admin-login"
DJANGO_ADMIN_LOGIN = "django-admin-login"
DASHBOARD_LOGIN = "dashboard-login"
REDIRECT = "redirect"

STAFF = ("comms", "moderator", "staff", "juror", "superuser")
CREATORS = ("creator_a", "creator_b")
SIGNED_IN = tuple(role for role in ROLES if role != "anonymous")


def everyone(status):
    return dict.fromkeys(ROLES, status)


def signed_in(status, anonymous=LOGIN, **overrides):
    """``status`` for every signed-in role, ``anonymous`` for the others, then overrides."""
    expect = {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, status)}
    expect.update(overrides)
    return expect


def only(roles, status=200, others=403, anonymous=LOGIN):
    expect = {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, others)}
    expect.update(dict.fromkeys(roles, status))
    return expect


@dataclass
class Row:
    expect: dict | None
    kwargs: object = None  # callable(world) -> dict of URL kwargs, or a dict, or None
    args: tuple = ()  # positional URL arguments (regex routes such as Wagtail's serve)
    sample: str | None = None  # for glob rows: the URL name that is requested
    reason: str = ""
    query: object = ""  # appended to the URL ("?q=x"), or callable(world) -> str
    extra: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)  # settings overridden for the requests
    may_write: tuple = ()  # tables this GET may write to besides GET_MAY_WRITE (say why)
    # role -> reason: a view whose answer differs from ``expect`` for that role and that the
    # lead must decide on (test_known_failures, strict xfail); ``expect`` stays the intent.
    known: dict = field(default_factory=dict)


def _product(role):
    def kwargs(world):
        product = world.products[role]
        return {"product_slug": product.slug, "pk": product.pk}

    return kwargs


def _product_pk(role):
    return lambda world: {"pk": world.products[role].pk}


def _profile_slug(role):
    return lambda world: {"slug": world.profiles[role].slug}


def _partner_slug(role):
    return lambda world: {"slug": world.partners[role].slug}


def _address(role):
    return lambda world: {"pk": world.addresses[role].pk}


def _obj(**spec):
    """URL kwargs from ``World.objects``: ``_obj(pk="quote")`` → {"pk": quote.pk};
    ``_obj(number=("order", "number"))`` → {"number": order.number}."""

    def kwargs(world):
        result = {}
        for key, source in spec.items():
            name, attr = source if isinstance(source, tuple) else (source, "pk")
            value = world.objects[name]
            result[key] = value if attr is None else getattr(value, attr)
        return result

    return kwargs


def _stand(world):
    stand = world.objects["stand"]
    return {"slug": stand.edition.slug, "pk": stand.pk}


def _hackathon_attachment(world):
    attachment = world.objects["application_attachment"]
    return {"pk": attachment.application_id, "attachment_pk": attachment.pk}


def _quote_version(world):
    version = world.objects["quote_version"]
    return {"pk": version.request_id, "version": version.pk}


# Creator space: creators only; another creator's product is not found; others 403.
_CREATOR_SPACE = only(CREATORS, 200, others=403)
_CREATOR_A_OBJECT = {**only(CREATORS, 200, others=403), "creator_b": 404}
# Shop pages that a signed-in person is sent away from (Oscar's ``login_forbidden``).
_ANONYMOUS_ONLY = signed_in(REDIRECT, anonymous=200)
_ANONYMOUS_ONLY_403 = signed_in(403, anonymous=200)
# Wagtail admin: staff (the ``access_admin`` permission); everyone else to its sign-in page.
_WAGTAIL_ADMIN = only(STAFF, 200, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN)
# An object of client A: theirs alone; every other signed-in person gets 404.
_CLIENT_A_ONLY = {**signed_in(404), "client_a": 200}
# An object of client A that staff may read too (quotes, orders' receipts).
# Programme staff (and the superuser) hold the view permission; comms and moderators do not.
_CLIENT_A_AND_STAFF = {**signed_in(404), "client_a": 200, "staff": 200, "superuser": 200}
# A POST-only creator-space action on creator A's object: the GET is refused.
_CREATOR_POST_ONLY = only(CREATORS, 405, others=403)
# Stripe's keys, so the card pages exist (no request reaches Stripe: the order is paid).
_STRIPE_ON = {"STRIPE_SECRET_KEY": "sk_test_matrix", "STRIPE_PUBLISHABLE_KEY": "pk_test_matrix"}
# CMI's variables, so the CMI pages exist (the simulator as the gateway).
_CMI_ON = {
    "CMI_CLIENT_ID": "600000009",
    "CMI_STORE_KEY": "matrix-key",
    "CMI_GATEWAY_URL": "/payments/cmi-simulator/",
}
# The payouts ledger's exports: programme staff (payouts.view_earning); other staff are sent
# back to the admin's home page (Wagtail's answer to a permission denied).
_LEDGER = {**_WAGTAIL_ADMIN, "comms": REDIRECT, "moderator": REDIRECT, "juror": REDIRECT}
# The hackathon's applications (young people's personal data), decisions and indicators:
# programme staff, who hold hackathon.view_application / decide_application /
# view_indicators (accounts/roles.py); other staff are sent back to the admin's home. The
# jury reads and scores the applications, never the indicators.
_HACKATHON_STAFF = _LEDGER
_APPLICATIONS = {**_LEDGER, "juror": 200}
_PROGRAMME_STAFF = _LEDGER
# Django admin and Oscar's dashboard: superusers only (accounts/middleware.py); every other
# signed-in person gets 404, staff and creators included; anonymous visitors get the sign-in.
_DJANGO_ADMIN = only(("superuser",), 200, others=404, anonymous=DJANGO_ADMIN_LOGIN)
_DASHBOARD = only(("superuser",), 200, others=404, anonymous=DASHBOARD_LOGIN)

TABLE = {
    # ---- machine endpoints and language ------------------------------------------------
    "healthz": Row(everyone(200)),
    # Operators' endpoints: a bearer token (METRICS_TOKEN, unset here) or internal addresses.
    "ops-metrics": Row(everyone(403)),
    "ops-ready": Row(everyone(403)),
    "robots_txt": Row(everyone(200)),
    # The installable app (core/pwa.py): the same for everyone, nothing personal.
    "pwa-sw": Row(everyone(200)),
    "pwa-manifest": Row(everyone(200)),
    "pwa-offline": Row(everyone(200)),
    "sitemap": Row(everyone(200)),
    "root": Row(everyone(REDIRECT)),
    "set_language": Row(everyone(REDIRECT), reason="GET changes nothing; POST sets the cookie"),
    # ---- editorial site (Wagtail) --------------------------------------------------------
    "wagtail_serve": Row(everyone(200), args=("",), reason="the home page"),
    "wagtailcore_login": Row(None, reason="Wagtail's private-page sign-in; no private pages"),
    "wagtailcore_authenticate_with_password": Row(
        None, reason="needs a page view restriction; none exists"
    ),
    "wagtaildocs_serve": Row(None, reason="serves a document by id; none in the test world"),
    "wagtaildocs_authenticate_with_password": Row(None, reason="needs a restriction"),
    # ---- Wagtail admin ---------------------------------------------------------------------
    "wagtailadmin_login": Row(
        signed_in(
            REDIRECT,
            anonymous=200,
            **dict.fromkeys(
                ("client_a", "client_b", "creator_a", "creator_b", "professional"), 200
            ),
        )
    ),
    "wagtailadmin_password_reset": Row(everyone(200)),
    "wagtailadmin_password_reset_done": Row(everyone(200)),
    "wagtailadmin_password_reset_confirm": Row(None, reason="one-time token"),
    "wagtailadmin_password_reset_complete": Row(everyone(200)),
    "wagtailadmin_logout": Row(None, reason="signs out (POST); see test_state_changes"),
    "wagtailadmin_sprite": Row(everyone(200), reason="the admin's icon sprite, public"),
    "wagtailadmin_javascript_catalog": Row(everyone(200), reason="translations, public"),
    "wagtailadmin_home": Row(_WAGTAIL_ADMIN),
    "wagtailadmin_*": Row(None, sample="wagtailadmin_home", reason="Wagtail admin: staff"),
    "wagtail_bulk_action": Row(None, sample="wagtailadmin_home", reason="Wagtail admin"),
    "wagtail*": Row(None, sample="wagtailadmin_home", reason="Wagtail admin: staff"),
    # Snippets holding personal data or money: programme staff only (model permissions).
    # Staff reading the youth database is recorded (issue 10: "staff access is recorded").
    "wagtailsnippets_youth_contact:list": Row(_PROGRAMME_STAFF, may_write=("youth_accesslog",)),
    "wagtailsnippets_youth_registration:list": Row(
        _PROGRAMME_STAFF, may_write=("youth_accesslog",)
    ),
    "wagtailsnippets_youth_datarequest:list": Row(_PROGRAMME_STAFF, may_write=("youth_accesslog",)),
    "wagtailsnippets_youth_accesslog:list": Row(
        {**_PROGRAMME_STAFF, "staff": REDIRECT}, reason="the access log: superusers only"
    ),
    "wagtailsnippets_hackathon_call:list": Row(_PROGRAMME_STAFF),
    "wagtailsnippets_payouts_payout:list": Row(_PROGRAMME_STAFF),
    "wagtailsnippets_payouts_earning:list": Row(_PROGRAMME_STAFF),
    "simple_translation:*": Row(None, sample="wagtailadmin_home", reason="Wagtail admin"),
    # The shop's back office (shop/order/wagtail_hooks.py): programme staff; reviews also
    # for moderators. Other staff are sent back to the admin's home.
    "market_sales:index": Row(_PROGRAMME_STAFF),
    "wagtail_orders:index": Row(_PROGRAMME_STAFF, query="?payment=waiting&payment_method=cash"),
    "wagtail_orders:index_results": Row(_PROGRAMME_STAFF, query="?q=1"),
    "wagtail_orders:inspect": Row(_PROGRAMME_STAFF, kwargs=_obj(pk="order")),
    "wagtail_orders:history": Row(_PROGRAMME_STAFF, kwargs=_obj(pk="order")),
    "wagtail_orders:edit": Row(
        {**_PROGRAMME_STAFF, "staff": REDIRECT, "superuser": REDIRECT},
        kwargs=_obj(pk="order"),
        reason="nobody edits an order by hand",
    ),
    "wagtail_orders:delete": Row(
        {**_PROGRAMME_STAFF, "staff": REDIRECT, "superuser": REDIRECT},
        kwargs=_obj(pk="order"),
        reason="nobody deletes an order",
    ),
    "wagtail_orders:mark_paid": Row(
        only(STAFF, 405, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN),
        kwargs=_obj(pk="order"),
        reason="POST only (order.change_order)",
    ),
    "wagtail_orders:part_paid": Row(
        only(STAFF, 405, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN),
        kwargs=_obj(pk=("order", "pk"), part_pk="part"),
        reason="POST only (order.change_order)",
    ),
    "wagtail_orders:cancel_part": Row(
        only(STAFF, 405, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN),
        kwargs=_obj(pk=("order", "pk"), part_pk="part"),
        reason="POST only (order.change_order)",
    ),
    "wagtail_quotes:index": Row(_PROGRAMME_STAFF, query="?status=sent"),
    "wagtail_quotes:inspect": Row(_PROGRAMME_STAFF, kwargs=_obj(pk="quote")),
    "wagtail_products:index": Row(_PROGRAMME_STAFF, query="?visibility=hidden_by_staff"),
    "wagtail_reviews:index": Row({**_PROGRAMME_STAFF, "moderator": 200}),
    # ---- Django admin ----------------------------------------------------------------------
    "admin:index": Row(_DJANGO_ADMIN),
    "admin:login": Row(signed_in(404, anonymous=200, superuser=REDIRECT)),
    "admin:*": Row(
        None,
        sample="admin:index",
        reason="Django admin: superusers (every URL: test_back_offices_are_closed)",
    ),
    # ---- Oscar dashboard (superusers; creators use their creator space) -----------------
    "dashboard:index": Row(_DASHBOARD),
    "dashboard:*": Row(
        None,
        sample="dashboard:index",
        reason="Oscar dashboard: superusers (every URL: test_back_offices_are_closed)",
    ),
    # ---- shop: catalogue, basket, checkout -------------------------------------------------
    "home": Row(everyone(REDIRECT), reason="/shop/ → the catalogue"),
    "catalogue:index": Row(everyone(200)),
    "catalogue:detail": Row(everyone(200), kwargs=_product("creator_a")),
    "catalogue:category": Row(None, reason="covered by tests/integration/shop"),
    "catalogue:range": Row(everyone(404), kwargs={"slug": "no-such-range"}),
    "catalogue:reviews-list": Row(
        everyone(200),
        kwargs=lambda w: {
            "product_slug": w.products["creator_a"].slug,
            "product_pk": w.products["creator_a"].pk,
        },
    ),
    "catalogue:reviews-detail": Row(
        everyone(404),
        kwargs=lambda w: {
            "product_slug": w.products["creator_a"].slug,
            "product_pk": w.products["creator_a"].pk,
            "pk": 999999,
        },
    ),
    "catalogue:reviews-add": Row(
        everyone(REDIRECT),
        reason="reviews are switched off: back to the product",
        kwargs=lambda w: {
            "product_slug": w.products["creator_a"].slug,
            "product_pk": w.products["creator_a"].pk,
        },
    ),
    "catalogue:reviews-vote": Row(None, reason="POST only; needs a review"),
    "search:search": Row(everyone(200)),
    "offer:list": Row(everyone(200)),
    "offer:detail": Row(everyone(404), kwargs={"slug": "no-such-offer"}),
    "wishlists:detail": Row(everyone(404), kwargs={"key": "nosuchkey"}),
    "basket:summary": Row(everyone(200)),
    "basket:add": Row(everyone(405), kwargs=_product_pk("creator_a"), reason="POST only"),
    "basket:vouchers-add": Row(everyone(REDIRECT), reason="POST only; GET goes to the basket"),
    "basket:vouchers-remove": Row(everyone(405), kwargs={"pk": 1}, reason="POST only"),
    "basket:saved": Row(signed_in(REDIRECT)),
    "checkout:*": Row(None, sample="checkout:index", reason="checkout: an empty basket"),
    "checkout:index": Row(everyone(REDIRECT), reason="an empty basket goes back to the basket"),
    "checkout:shipping-address": Row(everyone(REDIRECT), reason="an empty basket"),
    "checkout:shipping-method": Row(everyone(REDIRECT), reason="an empty basket"),
    "checkout:payment-method": Row(everyone(REDIRECT), reason="an empty basket"),
    "checkout:payment-details": Row(everyone(REDIRECT), reason="an empty basket"),
    "checkout:preview": Row(everyone(REDIRECT), reason="an empty basket"),
    "checkout:user-address-update": Row(_CLIENT_A_ONLY, kwargs=_address("client_a")),
    "checkout:user-address-delete": Row(
        _CLIENT_A_ONLY, kwargs=_address("client_a"), reason="GET is the confirmation"
    ),
    "checkout:thank-you": Row(
        {**everyone(REDIRECT), "superuser": 200},
        query=lambda w: f"?order_number={w.objects['order'].number}",
        reason="the order this session placed; Oscar lets a superuser open any by number",
        may_write=("order_order",),  # Oscar's analytics_tracked flag, set on the first view
    ),
    # ---- shop: accounts ----------------------------------------------------------------------
    "customer:login": Row(_ANONYMOUS_ONLY),
    "customer:register": Row(_ANONYMOUS_ONLY),
    "customer:logout": Row(everyone(200), reason="GET is a confirmation; POST signs out"),
    # accounts/urls.py: the same paths as Oscar's and Wagtail's, answered first.
    "ratelimited-*": Row(None, reason="same path and rows as the Oscar/Wagtail view it wraps"),
    "confirmed-logout": Row(None, reason="same path as customer:logout"),
    "password-reset": Row(_ANONYMOUS_ONLY_403),
    "password-reset-done": Row(_ANONYMOUS_ONLY_403),
    "password-reset-confirm": Row(None, reason="one-time token"),
    "password-reset-complete": Row(_ANONYMOUS_ONLY_403),
    "customer:summary": Row(signed_in(REDIRECT)),
    "customer:profile-view": Row(signed_in(200)),
    "customer:profile-update": Row(signed_in(200)),
    "customer:profile-delete": Row(signed_in(200), reason="GET is the confirmation page"),
    "customer:change-password": Row(signed_in(200)),
    "customer:order-list": Row(signed_in(200)),
    "customer:order": Row(_CLIENT_A_ONLY, kwargs=_obj(order_number=("order", "number"))),
    "customer:order-line": Row(
        signed_in(405),
        kwargs=_obj(order_number=("order", "number"), line_id="line"),
        reason="re-order action, POST only (shop.order.views); its owner rule is tested "
        "in tests/integration/checkout/test_reorder_line.py",
    ),
    "customer:anon-order": Row(None, reason="signed hash; tested with orders"),
    "customer:anon-order-form": Row(None, reason="signed hash; tested with orders"),
    "customer:address-list": Row(signed_in(200)),
    "customer:address-create": Row(signed_in(200)),
    "customer:address-detail": Row(
        {**signed_in(404), "client_a": 200}, kwargs=_address("client_a")
    ),
    "customer:address-delete": Row(
        {**signed_in(404), "client_a": 200}, kwargs=_address("client_a")
    ),
    "customer:address-change-status": Row(
        None, reason="POST only (Oscar); owner-filtered queryset"
    ),
    "customer:email-list": Row(signed_in(200)),
    "customer:email-detail": Row(signed_in(404), kwargs={"email_id": 999999}),
    "customer:notifications-*": Row(None, sample="customer:notifications-inbox"),
    "customer:notifications-inbox": Row(signed_in(200)),
    "customer:alerts-list": Row(signed_in(200)),
    "customer:alert-create": Row(None, reason="POST only"),
    "limited-alert-create": Row(None, reason="same path as customer:alert-create (POST only)"),
    "customer:alerts-*": Row(None, sample="customer:alerts-list", reason="keyed links"),
    "customer:wishlists-list": Row(signed_in(200)),
    "customer:wishlists-*": Row(None, sample="customer:wishlists-list"),
    # ---- creator space and public shops ------------------------------------------------------
    "creators:shop": Row(everyone(200), kwargs=_partner_slug("creator_a")),
    "creators:summary": Row(_CREATOR_SPACE),
    "creators:shop-details": Row(_CREATOR_SPACE),
    "creators:product-list": Row(_CREATOR_SPACE),
    "creators:product-create": Row(_CREATOR_SPACE),
    "creators:product-edit": Row(_CREATOR_A_OBJECT, kwargs=_product_pk("creator_a")),
    "creators:product-delete": Row(
        _CREATOR_A_OBJECT, kwargs=_product_pk("creator_a"), reason="GET is the confirmation"
    ),
    "creators:stand": Row(_CREATOR_SPACE),
    "creators:stand-sales": Row(everyone(405), reason="POST only (JSON); 403 unless a creator"),
    "creators:product-visibility": Row(
        {**only(CREATORS, 405, others=403)}, kwargs=_product_pk("creator_a"), reason="POST only"
    ),
    # ---- directory ------------------------------------------------------------------------------
    "directory:index": Row(everyone(200)),
    "directory:geojson": Row(everyone(200)),
    "directory:profile": Row(everyone(200), kwargs=_profile_slug("professional")),
    "directory:contact": Row(everyone(405), kwargs=_profile_slug("professional")),
    "directory:my-profiles": Row(signed_in(200)),
    "directory:profile-create": Row(signed_in(200)),
    "directory:profile-edit": Row(
        {**signed_in(404), "professional": 200}, kwargs=_profile_slug("professional")
    ),
    "directory:resend-verification": Row(signed_in(405), reason="POST only"),
    "directory:verify-email": Row(None, reason="one-time token"),
    # ---- search ---------------------------------------------------------------------------------
    "sitesearch:search": Row(everyone(200), query="?q=photo"),
    "sitesearch:suggest": Row(everyone(200), query="?q=ph"),
    # ---- creator space: digital files, staff moderation --------------------------------------
    "creators:product-file": Row(_CREATOR_A_OBJECT, kwargs=_obj(pk="digital")),
    "creators:staff-hide-product": Row(
        only(("staff", "superuser"), 200, others=403),
        kwargs=_product_pk("creator_a"),
        reason="GET is the reason form; POST hides",
    ),
    # ---- L'Karfour market (public) -------------------------------------------------------------
    "market:index": Row(everyone(200)),
    "market:edition": Row(
        everyone(200), kwargs=lambda w: {"slug": w.objects["stand"].edition.slug}
    ),
    "market:stand-qr": Row(everyone(200), kwargs=_stand),
    "market:stand-qr-svg": Row(everyone(200), kwargs=_stand),
    # ---- notifications: a person's own settings; the JSON endpoints take POST only -----------
    "notifications:preferences": Row(signed_in(200)),
    "notifications:remove-device": Row(
        signed_in(405), kwargs={"pk": 1}, reason="POST only (one's own devices: 404 otherwise)"
    ),
    "push:subscribe": Row(everyone(405), reason="POST only (JSON, CSRF)"),
    "push:unsubscribe": Row(everyone(405), reason="POST only (JSON, CSRF)"),
    "push:status": Row(everyone(405), reason="POST only (JSON, CSRF)"),
    "push:resubscribe": Row(everyone(405), reason="POST only (the old subscription's secret)"),
    # ---- quotes: client A asked creator A; staff read every thread ----------------------------
    "quotes:list": Row(signed_in(200)),
    "quotes:request": Row(
        everyone(200),
        query=lambda w: f"?creator={w.partners['creator_a'].slug}",
        reason="the form; anonymous visitors create their account with it",
    ),
    "quotes:detail": Row(
        {**_CLIENT_A_AND_STAFF, "creator_a": REDIRECT},
        kwargs=_obj(pk="quote"),
        reason="the creator is sent to the creator-space thread",
    ),
    "quotes:accept": Row(everyone(405), kwargs=_quote_version, reason="POST only"),
    "quotes:decline": Row(everyone(405), kwargs=_quote_version, reason="POST only"),
    "quotes:pay": Row(everyone(405), kwargs=_obj(pk="quote"), reason="POST only"),
    "quotes:cancel": Row(everyone(405), kwargs=_obj(pk="quote"), reason="POST only"),
    "quotes:message": Row(everyone(405), kwargs=_obj(pk="quote"), reason="POST only"),
    "quotes:attachment": Row(
        {**_CLIENT_A_AND_STAFF, "creator_a": 200, "anonymous": 404},
        kwargs=_obj(pk=("quote_attachment", "request_id"), attachment="quote_attachment"),
        reason="a private file: the thread's two parties and staff",
    ),
    "quotes:creator-list": Row(_CREATOR_SPACE),
    "quotes:creator-detail": Row(_CREATOR_A_OBJECT, kwargs=_obj(pk="quote")),
    "quotes:creator-quote": Row(_CREATOR_A_OBJECT, kwargs=_obj(pk="quote")),
    # ---- hackathon: client A applied; the jury works in the Wagtail admin ----------------------
    "hackathon:call": Row(everyone(200)),
    "hackathon:apply": Row(
        {**signed_in(200), "client_a": REDIRECT},
        reason="client A, who applied already, is sent to their application",
    ),
    "hackathon:application": Row(_CLIENT_A_ONLY, kwargs=_obj(pk="application")),
    "hackathon:application-edit": Row(_CLIENT_A_ONLY, kwargs=_obj(pk="application")),
    "hackathon:attachment": Row(_CLIENT_A_ONLY, kwargs=_hackathon_attachment),
    "hackathon_admin:list": Row(_APPLICATIONS),
    "hackathon_admin:detail": Row(
        _APPLICATIONS,
        kwargs=_obj(pk="application"),
    ),
    "hackathon_admin:attachment": Row(
        _APPLICATIONS,
        kwargs=_hackathon_attachment,
    ),
    "hackathon_admin:indicators": Row(_HACKATHON_STAFF),
    "hackathon_admin:indicators-csv": Row(_HACKATHON_STAFF),
    "hackathon_admin:score": Row(
        only(STAFF, 405, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN),
        kwargs=_obj(pk="application"),
        reason="POST only",
    ),
    "hackathon_admin:decision": Row(
        only(STAFF, 405, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN),
        kwargs=_obj(pk="application"),
        reason="POST only",
    ),
    "hackathon_admin:bulk-decision": Row(
        only(STAFF, 405, others=ADMIN_LOGIN, anonymous=ADMIN_LOGIN), reason="POST only"
    ),
    # ---- personal-data rights (the emailed link is the proof: no account needed) ---------------
    "youth:my-data": Row(everyone(200)),
    "youth:my-data-confirm": Row(
        everyone(200),
        kwargs=_obj(token=("data_token", None)),
        reason="the signed link emailed to the address is the capability",
    ),
    "youth:my-data-download": Row(
        everyone(200),
        kwargs=lambda w: {"token": w.objects["data_token"], "fmt": "json"},
        reason="the signed link emailed to the address is the capability",
        may_write=("youth_datarequest",),  # records when the copy was handed over
    ),
    # ---- orders: client A's paid order of creator A's digital product --------------------------
    "checkout:receipt": Row(
        {**_CLIENT_A_AND_STAFF, "anonymous": 404},
        kwargs=_obj(number=("order", "number")),
        reason="a guest sees it through the session that placed it; others 404",
    ),
    "checkout:bank-receipt": Row(
        {**signed_in(405), "anonymous": 405},
        kwargs=_obj(number=("order", "number")),
        reason="POST only",
    ),
    "checkout:bank-receipt-file": Row(
        {**_CLIENT_A_AND_STAFF, "anonymous": 404},
        kwargs=_obj(number=("order", "number")),
        reason="a private file",
    ),
    "checkout:order-status": Row(
        everyone(200),
        kwargs=lambda w: {
            "number": w.objects["guest_order"].number,
            "hash": w.objects["guest_order"].verification_hash(),
        },
        reason="a guest's order through the signed link of the email: the link is the proof",
    ),
    "payment:card": Row(
        {**signed_in(404), "anonymous": 404, "client_a": REDIRECT},
        kwargs=_obj(number=("order", "number")),
        settings=_STRIPE_ON,
        reason="the order is paid: its owner is sent to the return page",
    ),
    "payment:card-return": Row(
        {**signed_in(404), "anonymous": 404, "client_a": 200},
        kwargs=_obj(number=("order", "number")),
        settings=_STRIPE_ON,
    ),
    "stripe-webhook": Row(everyone(405), reason="POST only, signed by Stripe"),
    "payment:cmi": Row(
        {**signed_in(404), "anonymous": 404, "client_a": REDIRECT},
        kwargs=_obj(number=("order", "number")),
        settings=_CMI_ON,
        reason="the order is paid: its owner is sent to the thank-you page",
    ),
    "payment:cmi-result": Row(
        {**signed_in(404), "anonymous": 404, "client_a": REDIRECT},
        kwargs=_obj(number=("order", "number")),
        settings=_CMI_ON,
        reason="the order is paid: its owner is sent to the thank-you page",
    ),
    "payment:cmi-switch": Row(
        {**signed_in(404), "anonymous": 404, "client_a": 405},
        kwargs=_obj(number=("order", "number")),
        settings=_CMI_ON,
        reason="POST only, the order's owner",
    ),
    "cmi-callback": Row(everyone(405), reason="POST only, CMI's server; the hash is checked"),
    "cmi-ok": Row(everyone(400), settings=_CMI_ON, reason="needs CMI's signed fields"),
    "cmi-fail": Row(everyone(400), settings=_CMI_ON, reason="needs CMI's signed fields"),
    "cmi-simulator": Row(everyone(405), reason="POST only; only with DEBUG or CMI_SIMULATOR"),
    "cmi-simulator-decide": Row(everyone(405), reason="POST only; the simulator"),
    "cmi:index": Row(_PROGRAMME_STAFF, reason="card payments reconciliation (money)"),
    "cmi:refund": Row(
        None, reason="needs an approved CMI payment: tests/integration/payment/test_cmi_staff.py"
    ),
    "wagtailsnippets_payment_cmipayment:list": Row(_PROGRAMME_STAFF),
    "wagtailsnippets_payment_cminotification:list": Row(_PROGRAMME_STAFF),
    "wagtailsnippets_payment_cmirefund:list": Row(_PROGRAMME_STAFF),
    "creator_orders:list": Row(_CREATOR_SPACE),
    "creator_orders:detail": Row(_CREATOR_A_OBJECT, kwargs=_obj(pk="part")),
    "creator_orders:status": Row(_CREATOR_POST_ONLY, kwargs=_obj(pk="part"), reason="POST only"),
    "creator_orders:paid": Row(_CREATOR_POST_ONLY, kwargs=_obj(pk="part"), reason="POST only"),
    "payouts:earnings": Row(_CREATOR_SPACE),
    "payouts_export:index": Row(_LEDGER),
    "payouts_export:balances": Row(_LEDGER),
    "payouts_export:ledger": Row(_LEDGER),
    "downloads:download": Row(
        everyone(200),
        kwargs=_obj(token=("grant", "token")),
        reason="the emailed link is the capability (guests have no account); GET counts nothing",
    ),
}

# Routes of Wagtail pages (RoutablePageMixin): served by ``wagtail_serve``, so the resolver
# walk does not list them. ``kwargs`` is a callable(world) -> (page, route name or "", args).
PAGE_ROUTES = {
    "event": Row(everyone(200), kwargs=lambda w: (w.objects["event"], "", ())),
    "event:register": Row(
        everyone(REDIRECT),
        kwargs=lambda w: (w.objects["event"], "register", ()),
        reason="the registration form's POST (youth); a GET goes back to the form",
    ),
    "event:ics": Row(everyone(200), kwargs=lambda w: (w.objects["event"], "ics", ())),
    "news:feed_rss": Row(everyone(200), kwargs=lambda w: (w.objects["news_index"], "feed_rss", ())),
    "news:feed_atom": Row(
        everyone(200), kwargs=lambda w: (w.objects["news_index"], "feed_atom", ())
    ),
}

# Tables a GET may write to, none of them a user-visible state change: Oscar's view counters,
# Django's session, the signed-in user's (empty) basket Oscar opens, settings and profile rows
# Wagtail creates on first read, sorl-thumbnail's cache of thumbnail sizes.
GET_MAY_WRITE = (
    "analytics_",
    "django_session",
    "basket_basket",
    "cms_sitesettings",
    "wagtailusers_userprofile",
    "thumbnail_kvstore",
)

# Unnamed URL patterns, by route glob (the language prefix is the active language's).
UNNAMED_ROUTES = {
    "admin/*": "Wagtail admin internals (staff)",
    "django-admin/*": "Django admin object pages (superusers)",
    "*/shop/accounts/notifications/": "Oscar: redirects to the inbox",
    "*/shop/accounts/*": "Oscar customer pages (signed in)",
    "*/shop/dashboard/*": "Oscar dashboard (superusers)",
}

# The named URLs that existed when the matrix was written (one per line): every one must have
# a row (test_urls_at_start_are_in_the_table). URLs added since are caught by the broader
# test_every_url_is_in_the_table.
URLS_AT_START = Path(__file__).with_name("urls_at_start.txt")


def urls_at_start():
    return {line.strip() for line in URLS_AT_START.read_text().splitlines() if line.strip()}


@dataclass(frozen=True)
class Endpoint:
    name: str | None
    route: str
    module: str
    callback_csrf_exempt: bool = False


def walk(patterns=None, prefix="", namespace=None):
    """Every URL pattern of the project, with its qualified name, route and view module."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            child_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), child_ns)
        elif isinstance(pattern, URLPattern):
            name = pattern.name
            qualified = f"{namespace}:{name}" if namespace and name else name
            callback = pattern.callback
            module = getattr(callback, "__module__", "") or ""
            view_class = getattr(callback, "view_class", None)
            if view_class is not None:
                module = view_class.__module__
            exempt = bool(getattr(callback, "csrf_exempt", False))
            yield Endpoint(qualified, prefix + str(pattern.pattern), module, exempt)


def row_for(name):
    """The table row covering ``name``: an exact entry first, then the longest glob."""
    if name in TABLE:
        return TABLE[name]
    globs = [key for key in TABLE if "*" in key and fnmatch.fnmatchcase(name, key)]
    if not globs:
        return None
    return TABLE[max(globs, key=len)]


def is_declared(endpoint):
    if endpoint.name:
        return row_for(endpoint.name) is not None
    return any(fnmatch.fnmatchcase(endpoint.route, glob) for glob in UNNAMED_ROUTES)


def missing(endpoints):
    return sorted(
        {
            f"{e.name or '(unnamed) ' + e.route}  [{e.module}]"
            for e in endpoints
            if not is_declared(e)
        }
    )
