"""Site-wide endpoints: language redirect, health, robots, sitemap and error pages."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db import transaction
from django.http import HttpResponseRedirect, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from . import health, sitemaps, sites


@require_GET
def root_redirect(request):
    """``/`` → ``/fr/``, ``/ar/`` or ``/en/`` from the language cookie or the browser."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


def _may_read_health_details(request):
    """Staff, or a monitor sending ``HEALTHZ_TOKEN`` (``Authorization: Bearer <token>``)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return True
    token = getattr(settings, "HEALTHZ_TOKEN", "")
    header = request.headers.get("Authorization", "")
    sent = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    return bool(token and sent and constant_time_compare(sent, token))


@transaction.non_atomic_requests  # answers 503, not 500, while the database is down
@never_cache
@require_GET
def healthz(request):
    """``{"status": "ok" | "degraded" | "down"}`` for anyone; the details (database vendor,
    cache, search, payments, rate-limit counters) only for staff or with the token."""
    report = health.report()
    status = 503 if report["status"] == "down" else 200
    if not _may_read_health_details(request):
        report = {"status": report["status"]}
    return JsonResponse(report, status=status)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    return TemplateResponse(
        request,
        "robots.txt",
        {"sitemap_url": sites.absolute("/sitemap.xml")},
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def sitemap(request):
    return django_sitemap(request, sitemaps=sitemaps.sections(request))


def _language_for(request):
    """Error pages speak the language of the URL that failed."""
    language = translation.get_language_from_path(request.path_info)
    return language or translation.get_language() or settings.LANGUAGE_CODE


def page_not_found(request, exception=None):
    with translation.override(_language_for(request)):
        return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without context processors: the database may be what failed."""
    with translation.override(_language_for(request)):
        html = loader.get_template("500.html").render(
            {
                "LANGUAGE_CODE": translation.get_language(),
                "LANGUAGE_BIDI": translation.get_language_bidi(),
            }
        )
    return HttpResponseServerError(html)
