"""Error reports: Sentry when ``SENTRY_DSN`` is set, otherwise a few e-mails to ``ADMINS``.

* ``init_sentry()`` (called by the settings when ``SENTRY_DSN`` is set): release = the commit
  (``SENTRY_RELEASE``, ``GIT_COMMIT`` or ``git rev-parse HEAD``), environment
  (``SENTRY_ENVIRONMENT``), no personal data sent by the SDK (``send_default_pii=False``, no
  local variables, no request bodies), and ``scrub_event`` as ``before_send``.
* ``scrub_event``: every string of the event (messages, exception values, breadcrumbs, URLs,
  tags, extra) loses its email addresses and phone numbers (``core.security``), and the values
  the current visitor is known by or typed (their names and email, the form fields that hold
  names, addresses, phones, messages) wherever they appear; request bodies, cookies, the
  authorisation and address headers and the user's identity are dropped. The event keeps the
  request id and the kind of user as tags.
* ``AdminErrorEmailHandler`` (logging handler on ``django``, without a DSN): a server error
  e-mails ``ADMINS`` through ``mail_admins`` — so through the task queue in production
  (``core.mail.TaskEmailBackend``) — at most ``ADMIN_ERROR_EMAILS`` = (count, seconds) per
  window across processes (counted in the shared cache), the next e-mail saying how many were
  held back. Its body carries the route, the request id and the masked traceback, never the
  request's data or cookies.
"""

import logging
import os
import re
import subprocess
import time
import traceback
from pathlib import Path

from .requestlog import request_id_var, request_var, route_name, user_kind, user_kind_var
from .security import mask_personal_data

logger = logging.getLogger(__name__)

FILTERED = "[filtered]"
NAME_MASK = "[personal]"
# Form fields whose values are personal: names (masked word by word wherever they appear),
# contact details, addresses and free text (masked whole).
NAME_FIELD = re.compile(r"name|mail|user", re.IGNORECASE)
PERSONAL_FIELD = re.compile(
    r"phone|tel|address|line\d|city|postcode|zip|message|note|comment|body|birth",
    re.IGNORECASE,
)
DROPPED_HEADERS = {"cookie", "authorization", "x-forwarded-for", "x-real-ip", "forwarded"}


# ------------------------------------------------------------------------------------------
# Sentry
# ------------------------------------------------------------------------------------------
def release(base_dir=None):
    """The commit being served: ``SENTRY_RELEASE``, ``GIT_COMMIT``, or the checkout's HEAD."""
    value = os.environ.get("SENTRY_RELEASE") or os.environ.get("GIT_COMMIT")
    if value:
        return value
    try:
        result = subprocess.run(  # noqa: S603 - a fixed command
            ["git", "rev-parse", "HEAD"],  # noqa: S607
            cwd=base_dir or Path(__file__).resolve().parent.parent,
            capture_output=True,
            text=True,
            timeout=2,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def init_sentry(dsn, environment, release_name=None, traces_sample_rate=0.0, **options):
    """Start the Sentry SDK with the Django integration and the scrubbing ``before_send``.

    ``send_default_pii`` stays at its default (off): no cookies, user or addresses."""
    import sentry_sdk  # Deferred: loaded only when SENTRY_DSN is set.
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration, ignore_logger

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release_name if release_name is not None else release(),
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        integrations=[
            DjangoIntegration(),
            LoggingIntegration(level=logging.INFO, event_level=logging.ERROR),
        ],
        **options,
    )
    # django-redis logs every cache call that fails during a Redis outage (a cache miss, not an
    # error for the visitor): not one Sentry event per call; /ops/ready and the logs show it.
    ignore_logger("django_redis.cache")


def _personal_values():
    """The strings the current visitor is known by or typed in personal fields: names and
    their words (3 characters or more), other personal fields whole."""
    request = request_var.get()
    if request is None:
        return []
    names, whole = set(), set()
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        for attribute in ("first_name", "last_name", "email", "username"):
            names.add(str(getattr(user, attribute, "") or ""))
        full_name = getattr(user, "get_full_name", None)
        if full_name:
            names.add(str(full_name()))
    post = getattr(request, "_post", None)  # only when the view already parsed the body
    for data in (post, request.GET):
        if not data:
            continue
        for key, items in data.lists():
            if NAME_FIELD.search(key):
                names.update(str(item) for item in items)
            elif PERSONAL_FIELD.search(key):
                whole.update(str(item) for item in items)
    values = {value.strip() for value in whole | names if len(value.strip()) >= 3}
    for value in names:
        values.update(part for part in re.split(r"[\s,;<>()@.]+", value) if len(part) >= 3)
    return sorted(values, key=len, reverse=True)


def _scrubber():
    values = _personal_values()
    pattern = (
        re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(value) for value in values) + r")(?!\w)",
            re.IGNORECASE,
        )
        if values
        else None
    )

    def scrub(value):
        if isinstance(value, str):
            if pattern is not None:
                value = pattern.sub(NAME_MASK, value)
            return mask_personal_data(value)
        if isinstance(value, dict):
            return {scrub(key): scrub(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [scrub(item) for item in value]
        return value

    return scrub


def scrub_event(event, hint=None):
    """``before_send``: the event without personal data (see the module's docstring)."""
    request = event.get("request")
    if isinstance(request, dict):
        request.pop("data", None)
        request.pop("cookies", None)
        request.pop("env", None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {
                name: value
                for name, value in headers.items()
                if name.lower() not in DROPPED_HEADERS
            }
    event.pop("user", None)
    tags = event.setdefault("tags", {})
    if isinstance(tags, dict):
        request_id = request_id_var.get()
        if request_id:
            tags["request_id"] = request_id
        kind = user_kind_var.get()
        if kind is None and request_var.get() is not None:
            kind = user_kind(request_var.get())
        if kind:
            tags["user_kind"] = kind
    return _scrubber()(event)


# ------------------------------------------------------------------------------------------
# ADMINS e-mails (without a DSN)
# ------------------------------------------------------------------------------------------
WINDOW_KEY = "errors:admin-mail:{}"
_local = {"window": None, "sent": 0, "held": 0}


def _allow(limit, seconds):
    """(send?, errors held back before this one) — counted in the shared cache, or in this
    process when the cache is unreachable."""
    from django.core.cache import cache

    window = int(time.time() // seconds)
    key = WINDOW_KEY.format(window)
    try:
        cache.add(key, 0, seconds * 2)
        count = cache.incr(key)
    except Exception:  # noqa: BLE001 - the cache is down (or ignores errors): count here
        count = None
    if count is None:
        if _local["window"] != window:
            _local.update(window=window, sent=0, held=0)
        _local["sent"] += 1
        count = _local["sent"]
    if count <= limit:
        held = 0
        if count == 1:  # first of a window: report what the previous window held back
            try:
                held = max(0, (cache.get(WINDOW_KEY.format(window - 1)) or 0) - limit)
            except Exception:  # noqa: BLE001
                held = 0
        return True, held
    return False, 0


class AdminErrorEmailHandler(logging.Handler):
    """Server errors to ``ADMINS``, rate-limited, masked; silent when Sentry is on."""

    def emit(self, record):
        from django.conf import settings
        from django.core.mail import mail_admins
        from django.utils import translation
        from django.utils.translation import gettext as _

        if getattr(settings, "SENTRY_DSN", "") or not settings.ADMINS:
            return
        limit, seconds = getattr(settings, "ADMIN_ERROR_EMAILS", (5, 600))
        allowed, held = _allow(limit, seconds)
        if not allowed:
            return
        try:
            request = getattr(record, "request", None) or request_var.get()
            route = route_name(request) if request is not None else "-"
            method = getattr(request, "method", "-")
            kind = user_kind(request) if request is not None else "-"
            status = getattr(record, "status_code", None) or 500
            exc_type = record.exc_info[0].__name__ if record.exc_info else record.levelname
            with translation.override(settings.LANGUAGE_CODE):
                subject = _("Server error %(status)s on %(route)s (%(error)s)") % {
                    "status": status,
                    "route": route,
                    "error": exc_type,
                }
                lines = [
                    f"{_('HTTP request')}: {method} {route}",
                    f"{_('Request id')}: {request_id_var.get() or '-'}",
                    f"{_('User')}: {kind}",
                    "",
                    record.getMessage(),
                ]
                if held:
                    lines.append(
                        _("Errors not e-mailed in the previous %(minutes)s minutes: %(count)s")
                        % {"minutes": seconds // 60, "count": held}
                    )
            if record.exc_info:
                lines += ["", "".join(traceback.format_exception(*record.exc_info))]
            scrub = _scrubber()
            mail_admins(scrub(subject)[:180], scrub("\n".join(lines)), fail_silently=True)
        except Exception:  # noqa: BLE001 - reporting an error must never raise another
            self.handleError(record)
