"""Sending: one task per event, one encrypted POST per device, in the device's language.

``notify_users`` is what the receivers call: after the commit it enqueues ``deliver``
(django-tasks: the immediate backend in development, ``db_worker`` in production), so the
request that caused the event never waits for a push service. ``deliver`` writes the
message for each device inside ``translation.override(device.language)`` and POSTs it with
pywebpush (RFC 8291 ``aes128gcm`` payload, VAPID ``Authorization`` header whose ``aud`` is
the endpoint's origin). A 404 or 410 means the push service forgot the subscription: the
row is deleted. Other failures are logged; the email (if chosen) went its own way.
"""

import json
import logging
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.templatetags.static import static
from django.utils import timezone, translation
from django_tasks import task
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

from core.sites import absolute

from . import preferences
from .messages import MESSAGES
from .models import PushSubscription

logger = logging.getLogger(__name__)

GONE = {404, 410}
TIMEOUT = 10  # seconds per POST to a push service
TTL = 24 * 60 * 60  # the push service keeps an undelivered notice one day


def vapid_key():
    """The signing key from ``VAPID_PRIVATE_KEY``; ``ValueError`` when it cannot be read."""
    try:
        return Vapid.from_string(settings.VAPID_PRIVATE_KEY)
    except Exception as error:  # noqa: BLE001 - py_vapid raises several kinds
        raise ValueError("VAPID_PRIVATE_KEY is not a P-256 private key") from error


def health():
    """``/healthz``: whether push is on (VAPID keys set); off is a choice, not a fault, but
    a key that cannot be read is (no notice can be signed: the emails still go)."""
    if not preferences.push_configured():
        return {"ok": True, "enabled": False, "fallback": "email only (VAPID keys not set)"}
    try:
        vapid_key()
    except ValueError as error:
        return {"ok": False, "enabled": True, "error": str(error), "fallback": "email only"}
    return {"ok": True, "enabled": True}


def allowed_endpoint(url):
    """Only the push services' hosts (``WEBPUSH_ALLOWED_HOSTS``): the server POSTs to this
    address, so a made-up one must not point it at an internal service."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" and host not in settings.WEBPUSH_INSECURE_HOSTS:
        return False
    for allowed in settings.WEBPUSH_ALLOWED_HOSTS + list(settings.WEBPUSH_INSECURE_HOSTS):
        allowed = allowed.lower()
        if host == allowed or (allowed.startswith(".") and host.endswith(allowed)):
            return True
    return False


def notify_users(kind, message, pk, user_ids):
    """After the commit, enqueue ``deliver``; never raises into the caller's request."""
    user_ids = sorted({pk_ for pk_ in user_ids if pk_})
    if not user_ids or not preferences.push_configured():
        return
    transaction.on_commit(partial(_enqueue, kind, message, pk, user_ids))


def _enqueue(kind, message, pk, user_ids):
    try:
        deliver.enqueue(kind, message, pk, user_ids)
    except Exception:  # noqa: BLE001 - a notice is never worth a failed request
        logger.exception("push: could not enqueue %s %s", message, pk)


@task()
def deliver(kind, message, pk, user_ids):
    """Send ``message`` about object ``pk`` to every device of ``user_ids`` who want ``kind``."""
    if not preferences.push_configured():
        return 0
    load, build = MESSAGES[message]
    obj = load(pk)
    if obj is None:
        return 0
    wanting = preferences.users_wanting_push(kind, user_ids)
    devices = PushSubscription.objects.filter(user_id__in=wanting)
    try:
        vapid = vapid_key()
    except ValueError:
        logger.exception("push: cannot sign notices")
        return 0
    sent = 0
    for device in devices:
        with translation.override(device.language):
            payload = {
                **build(obj),
                "kind": kind,
                "tag": f"{message}-{pk}",
                "icon": absolute(static(settings.WEBPUSH_ICON)),
                "lang": device.language,
                "dir": "rtl" if translation.get_language_bidi() else "ltr",
            }
        sent += send(device, payload, vapid)
    return sent


def send(device, payload, vapid):
    """One POST; 1 when the push service accepted it, 0 otherwise (gone: deleted)."""
    try:
        webpush(
            device.as_subscription_info(),
            data=json.dumps(payload),
            vapid_private_key=vapid,
            vapid_claims={"sub": settings.VAPID_SUBJECT},  # fresh dict: pywebpush fills aud
            ttl=TTL,
            timeout=TIMEOUT,
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in GONE:
            logger.info("push: subscription %s gone (%s), deleted", device.pk, status)
            device.delete()
        else:
            logger.warning("push: sending to subscription %s failed: %s", device.pk, error)
        return 0
    except Exception as error:  # noqa: BLE001 - network errors: log, the next notice retries
        logger.warning("push: sending to subscription %s failed: %s", device.pk, error)
        return 0
    PushSubscription.objects.filter(pk=device.pk).update(last_used_at=timezone.now())
    return 1
