"""Response headers and log hygiene.

* ``ContentSecurityPolicyMiddleware``: django-csp's middleware with two policies. The public
  site gets ``CONTENT_SECURITY_POLICY`` (no inline script; a per-request nonce only for the one
  inline call Oscar's templates need). The staff back offices (Wagtail admin, Django admin,
  Oscar's dashboard) get ``CSP_STAFF_DIRECTIVES``: their third-party templates still run inline
  scripts, so that policy allows them — but only for signed-in staff pages, never public ones.
* ``PermissionsPolicyMiddleware``: switches off browser features the site never uses.
* ``NullCharacterMiddleware``: a query string with a NUL character answers 400.
* ``PersonalDataFilter``: a logging filter that masks email addresses and phone numbers in
  every record, so contacts' personal data never reaches the logs.
"""

import logging
import re

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils.translation import get_supported_language_variant

STAFF_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Oscar's dashboard lives under the language prefix: /<lang>/shop/dashboard/.
STAFF_PATH_PATTERN = re.compile(r"^/[a-z]{2}(?:-[a-z]+)?/shop/dashboard/")


def is_staff_area(path):
    """True for the back-office URLs, which get the relaxed staff policy."""
    if path.startswith(STAFF_PATH_PREFIXES):
        return True
    match = STAFF_PATH_PATTERN.match(path)
    if not match:
        return False
    try:
        get_supported_language_variant(path.split("/")[1])
    except LookupError:
        return False
    return True


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_staff_area(request.path_info):
            staff = getattr(settings, "CSP_STAFF_DIRECTIVES", None)
            if staff:
                return PolicyParts(staff, parts.update, parts.replace, parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    """``Permissions-Policy``: the site uses no camera, microphone, geolocation or USB."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = getattr(
            settings,
            "PERMISSIONS_POLICY",
            "camera=(), microphone=(), geolocation=(), usb=(), interest-cohort=()",
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.value and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.value
        return response


class NullCharacterMiddleware:
    """A query string holding a NUL character answers 400 instead of reaching the database.

    PostgreSQL refuses NUL in text, so a ``?q=%00`` passed to a lookup would be a 500. Forms'
    ``CharField`` already refuse NUL in POSTed data (ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest("Bad request.", content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class ShopCookiesMiddleware:
    """Oscar's own cookies (open basket, recently viewed) get the session cookie's flags.

    Oscar sets them without ``SameSite`` and, unless told, without ``Secure``; here they follow
    ``SESSION_COOKIE_SECURE`` (on in production) and ``SESSION_COOKIE_SAMESITE`` ("Lax").
    Listed just before Oscar's ``BasketMiddleware``, so it sees the cookie that one sets.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        names = (
            getattr(settings, "OSCAR_BASKET_COOKIE_OPEN", "oscar_open_basket"),
            getattr(settings, "OSCAR_RECENTLY_VIEWED_COOKIE_NAME", "oscar_history"),
        )
        for name in names:
            morsel = response.cookies.get(name)
            if morsel is None:
                continue
            morsel["samesite"] = settings.SESSION_COOKIE_SAMESITE or "Lax"
            if settings.SESSION_COOKIE_SECURE:
                morsel["secure"] = True
            morsel["httponly"] = True
        return response


# ------------------------------------------------------------------------------------------
# Logs
# ------------------------------------------------------------------------------------------
EMAIL_RE = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# International (+212…, 00212…) or Moroccan local (05…, 06…, 07…) numbers, with spaces, dots
# or dashes inside; dates, amounts and IP addresses do not look like either.
PHONE_RE = re.compile(
    r"(?<![\w/.])(?:(?:\+|00)[1-9](?:[\s.\-]?\d){7,13}|0[5-8](?:[\s.\-]?\d){8})(?![\w/])"
)
EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"


def mask_personal_data(text):
    """``text`` with email addresses and phone numbers replaced by placeholders."""
    text = EMAIL_RE.sub(EMAIL_MASK, text)
    return PHONE_RE.sub(PHONE_MASK, text)


_TRACEBACKS = logging.Formatter()


class PersonalDataFilter(logging.Filter):
    """Mask emails and phone numbers in a record's message and arguments, and in the text of
    its traceback and stack (an exception's message often quotes the address that failed).
    Never drops a record."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is logged as it is
            message = None
        if message is not None:
            masked = mask_personal_data(message)
            if masked != message:
                record.msg = masked
                record.args = None
        if record.exc_info and not record.exc_text:
            # Formatters print exc_text when it is set instead of formatting exc_info again.
            record.exc_text = _TRACEBACKS.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True
