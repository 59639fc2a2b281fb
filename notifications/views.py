"""The preferences page (account area) and the JSON endpoints ``static/js/push.js`` calls.

Every endpoint acts on the signed-in person's own subscriptions only. ``subscribe``,
``unsubscribe`` and ``status`` need the session and the CSRF token (header
``X-CSRFToken``). ``resubscribe`` is what the service worker calls when the browser renews
a subscription (``pushsubscriptionchange``): a service worker cannot read the CSRF cookie,
so it proves itself instead with the old subscription's endpoint and auth secret, which
only that browser and this server know (like a signed webhook).
"""

import base64
import binascii
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.ratelimit import ratelimited_view

from . import preferences
from .delivery import allowed_endpoint
from .forms import PreferencesForm
from .models import PushSubscription

MAX_BODY = 4096


# --------------------------------------------------------------------------------------
# The preferences page
# --------------------------------------------------------------------------------------
@login_required
def preferences_page(request):
    kinds = preferences.kinds_for(request.user)
    current = preferences.choices(request.user)
    form = PreferencesForm(request.POST or None, kinds=kinds, initial=current)
    if request.method == "POST" and form.is_valid():
        preferences.save_choices(request.user, form.choices())
        messages.success(request, _("Your notification choices are saved."))
        return redirect("notifications:preferences")
    context = {
        "form": form,
        "form_groups": [
            (_("About my shop"), form.creator_rows()),
            (_("About my orders and quotes"), form.client_rows()),
        ],
        "devices": PushSubscription.objects.filter(user=request.user),
        "push_configured": preferences.push_configured(),
        "vapid_public_key": settings.VAPID_PUBLIC_KEY,
        "page_title": _("Notification settings"),
        "active_tab": "notification_settings",
    }
    return render(request, "notifications/preferences.html", context)


@login_required
@require_POST
def remove_device(request, pk):
    """The page's "remove" button: only one of the person's own devices (404 otherwise)."""
    get_object_or_404(PushSubscription, pk=pk, user=request.user).delete()
    messages.success(request, _("This device will no longer receive notifications."))
    return redirect("notifications:preferences")


# --------------------------------------------------------------------------------------
# JSON endpoints
# --------------------------------------------------------------------------------------
def _error(message, status=400):
    return JsonResponse({"ok": False, "error": message}, status=status)


def _json_body(request):
    if len(request.body) > MAX_BODY:
        return None
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _signed_in_json(view):
    """Like ``login_required`` but answering 403 JSON (a script called, not a person)."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return _error(_("Sign in first."), status=403)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _b64url(value, length):
    """``value`` decoded from base64url, or None unless it is ``length`` bytes."""
    if not isinstance(value, str) or len(value) > 200:
        return None
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, binascii.Error):
        return None
    return raw if len(raw) == length else None


def _subscription_fields(data):
    """The subscription's endpoint and keys from ``data``, or an error message."""
    endpoint = data.get("endpoint")
    keys = data.get("keys") if isinstance(data.get("keys"), dict) else {}
    if not isinstance(endpoint, str) or len(endpoint) > 1000 or not allowed_endpoint(endpoint):
        return None, _("This push service address is not accepted.")
    p256dh = _b64url(keys.get("p256dh"), 65)
    auth = _b64url(keys.get("auth"), 16)
    if p256dh is None or p256dh[0] != 4 or auth is None:
        return None, _("The subscription's keys are missing or malformed.")
    return {"endpoint": endpoint, "p256dh": keys["p256dh"], "auth": keys["auth"]}, None


def _language(value):
    codes = {code for code, _name in settings.LANGUAGES}
    if value in codes:
        return value
    return translation.get_language() if translation.get_language() in codes else "fr"


def device_label(user_agent):
    """ "Chrome on Android": enough for a person to recognise the device in the list."""
    ua = user_agent or ""
    browser = next(
        (
            name
            for token, name in (
                ("Edg/", "Edge"),
                ("Firefox/", "Firefox"),
                ("SamsungBrowser/", "Samsung Internet"),
                ("OPR/", "Opera"),
                ("Chrome/", "Chrome"),
                ("Chromium/", "Chromium"),
                ("Safari/", "Safari"),
            )
            if token in ua
        ),
        "",
    )
    system = next(
        (
            name
            for token, name in (
                ("Android", "Android"),
                ("iPhone", "iOS"),
                ("iPad", "iPadOS"),
                ("Windows", "Windows"),
                ("Mac OS X", "macOS"),
                ("CrOS", "ChromeOS"),
                ("Linux", "Linux"),
            )
            if token in ua
        ),
        "",
    )
    if browser and system:
        return f"{browser} · {system}"  # names, not words: the same in every language
    return (browser or system or ua)[:200]


def _read_subscription(request):
    """The request's JSON body and the browser subscription it holds, or the 400 answer
    saying what is wrong: ``(data, fields, None)`` or ``(None, None, response)``."""
    data = _json_body(request)
    if data is None:
        return None, None, _error(_("The request could not be read."))
    fields, problem = _subscription_fields(data)
    if problem:
        return None, None, _error(problem)
    return data, fields, None


@require_POST
@_signed_in_json
@ratelimited_view("notifications.subscribe", key="user_or_ip", rate="30/h")
def subscribe(request):
    """Turn push on for this device: store (or take over) the browser's subscription."""
    data, fields, refused = _read_subscription(request)
    if refused:
        return refused
    if not preferences.push_configured():
        return _error(_("Push notifications are not available on this site."), status=503)
    if not request.session.session_key:
        request.session.save()
    taken = PushSubscription.objects.filter(endpoint=fields["endpoint"]).exclude(user=request.user)
    if taken.exclude(auth=fields["auth"]).exists():
        # The browser itself (another person signed in before on it) sends the same auth
        # secret and takes the subscription over; a copied endpoint alone does not.
        return _error(_("This subscription belongs to someone else."), status=403)
    subscription, created = PushSubscription.objects.update_or_create(
        endpoint=fields["endpoint"],
        defaults={
            "user": request.user,
            "p256dh": fields["p256dh"],
            "auth": fields["auth"],
            "language": _language(data.get("language")),
            "user_agent": device_label(request.META.get("HTTP_USER_AGENT", "")),
            "session_key": request.session.session_key or "",
        },
    )
    return JsonResponse({"ok": True, "id": subscription.pk}, status=201 if created else 200)


@require_POST
@_signed_in_json
@ratelimited_view("notifications.unsubscribe", key="user_or_ip", rate="60/h")
def unsubscribe(request):
    """Turn push off for this device; someone else's endpoint is left alone (0 deleted)."""
    data = _json_body(request)
    if data is None or not isinstance(data.get("endpoint"), str):
        return _error(_("The request could not be read."))
    deleted, _rows = PushSubscription.objects.filter(
        user=request.user, endpoint=data["endpoint"]
    ).delete()
    return JsonResponse({"ok": True, "deleted": deleted})


@require_POST
@_signed_in_json
@ratelimited_view("notifications.status", key="user_or_ip", rate="120/h")
def status(request):
    """Whether the browser's subscription is this person's (the button shows on or off)."""
    data = _json_body(request)
    if data is None or not isinstance(data.get("endpoint"), str):
        return _error(_("The request could not be read."))
    mine = PushSubscription.objects.filter(user=request.user, endpoint=data["endpoint"])
    return JsonResponse({"ok": True, "subscribed": mine.exists()})


@csrf_exempt
@require_POST
@ratelimited_view("notifications.resubscribe", key="ip", rate="30/h")
def resubscribe(request):
    """The service worker's renewal: the old endpoint and auth secret prove the browser."""
    data, fields, refused = _read_subscription(request)
    if refused:
        return refused
    old_endpoint, old_auth = data.get("old_endpoint"), data.get("old_auth")
    if not isinstance(old_endpoint, str) or not isinstance(old_auth, str):
        return _error(_("The request could not be read."))
    with transaction.atomic():
        old = (
            PushSubscription.objects.select_for_update()
            .filter(endpoint=old_endpoint, auth=old_auth)
            .first()
        )
        if old is None:
            # 403, not 404: LocaleMiddleware would redirect a 404 to /<lang>/push/… (Wagtail's
            # catch-all makes any prefixed path look valid).
            return _error(_("Unknown subscription."), status=403)
        PushSubscription.objects.filter(endpoint=fields["endpoint"]).exclude(pk=old.pk).delete()
        old.endpoint, old.p256dh, old.auth = fields["endpoint"], fields["p256dh"], fields["auth"]
        old.save(update_fields=["endpoint", "p256dh", "auth"])
    return JsonResponse({"ok": True})
