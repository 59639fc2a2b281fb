"""Operators' endpoints: ``/ops/metrics`` (Prometheus) and ``/ops/ready`` (detailed readiness).

Both answer only a scraper that sends ``Authorization: Bearer <METRICS_TOKEN>`` or comes from
one of ``METRICS_ALLOWED_IPS`` (addresses or networks; only for a scraper that reaches the app
server directly — a reverse proxy on the same host must not forward ``/ops/``). Anyone else
gets 401 when a token is configured, 403 when neither is (nobody may read them then).
``/healthz`` stays public and short.
"""

import hmac
import ipaddress

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health, metrics


def _address_allowed(address):
    try:
        address = ipaddress.ip_address(address)
    except ValueError:
        return False
    for allowed in settings.METRICS_ALLOWED_IPS:
        try:
            if address in ipaddress.ip_network(allowed, strict=False):
                return True
        except ValueError:
            continue
    return False


def authorised(request):
    """None when the caller may read operators' data, otherwise the refusal to answer."""
    token = settings.METRICS_TOKEN
    if token:
        scheme, _, given = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip(), token):
            return None
    if _address_allowed(request.META.get("REMOTE_ADDR", "")):
        return None
    if not token and not settings.METRICS_ALLOWED_IPS:
        # Not a 404: the language middleware would redirect it to /fr/ops/….
        return HttpResponseForbidden(content_type="text/plain; charset=utf-8")
    response = HttpResponse(status=401, content_type="text/plain; charset=utf-8")
    response["WWW-Authenticate"] = 'Bearer realm="ops"'
    return response


# Not in a transaction (ATOMIC_REQUESTS): the view must answer while the database is down.
@transaction.non_atomic_requests
@never_cache
@require_GET
def metrics_view(request):
    refusal = authorised(request)
    if refusal is not None:
        return refusal
    return HttpResponse(metrics.exposition(), content_type=metrics.CONTENT_TYPE)


@transaction.non_atomic_requests
@never_cache
@require_GET
def ready(request):
    """Every check of ``/healthz`` with its details; 503 when the database is down."""
    refusal = authorised(request)
    if refusal is not None:
        return refusal
    report = health.report()
    return JsonResponse(report, status=503 if report["status"] == "down" else 200)
