"""One source for the site's address and name: ``BASE_URL`` and ``SITE_NAME``.

Every absolute link the site writes where there is no request to trust (emails, feeds,
sitemaps, receipts, calendar files) starts with ``BASE_URL``. Two rows other code reads
follow the same setting, rewritten after every ``migrate`` (``sync_sites``):

* ``django.contrib.sites``' Site ``SITE_ID``: Oscar's emails (password reset) and Django's
  feeds read its ``domain`` and ``name`` ("example.com" otherwise);
* Wagtail's default Site: ``page.full_url`` in Wagtail's emails ("page approved") and
  calendar files read its hostname and port ("http://localhost/" otherwise).
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from wagtail.models import Site as WagtailSite

from . import fragments
from .cache import generation


def base_url():
    """``BASE_URL`` without its trailing slash: ``https://takafamap.ma``."""
    return settings.BASE_URL.rstrip("/")


def absolute(path):
    """``path`` (``/fr/…``) as an absolute URL on ``BASE_URL`` (an absolute URL is kept)."""
    if path.startswith(("http://", "https://")):
        return path
    return base_url() + path


def scheme():
    return urlsplit(settings.BASE_URL).scheme or "https"


def domain():
    """The host (and port, when not the scheme's default) of ``BASE_URL``."""
    return urlsplit(settings.BASE_URL).netloc


def sync_sites(**kwargs):
    """Point Django's and Wagtail's Site rows at ``BASE_URL`` and ``SITE_NAME``."""
    using = kwargs.get("using", "default")
    parts = urlsplit(settings.BASE_URL)
    name = getattr(settings, "SITE_NAME", "") or parts.hostname or ""
    DjangoSite.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": parts.netloc, "name": name}
    )
    port = parts.port or (443 if parts.scheme == "https" else 80)
    WagtailSite.objects.using(using).filter(is_default_site=True).update(
        hostname=parts.hostname or "localhost", port=port, site_name=name
    )
    WagtailSite.clear_site_root_paths_cache()


# The Wagtail Site of each host, per process, under the page cache's generation (which any
# save of a Site bumps, core.cache.connect): ``{"generation": g, (host, port): site}``.
_site_memo = {}


class WagtailSiteMiddleware:
    """Wagtail looks up the request's Site in the database on every page it serves (and on
    every ``{{ settings.… }}``): one query per request for a row that almost never changes.
    This hands Wagtail the Site found earlier by this process for the same host and port
    (``request._wagtail_site``, which ``Site.find_for_request`` reads first), as long as the
    page cache's generation is the same and for ``PAGE_CACHE_SECONDS`` at most. Only with the
    fragment cache on (``FRAGMENT_CACHE_ENABLED``; off in tests and with ``DEBUG``). Placed
    after the page cache's middleware, whose generation read it shares."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not fragments.enabled():  # off in tests and with DEBUG, as the other caches
            return self.get_response(request)
        try:
            key = (request.get_host(), request.get_port())
            current = generation()
        except Exception:  # noqa: BLE001 - a bad host or a cache outage: Wagtail's own lookup
            return self.get_response(request)
        now = time.monotonic()
        # Never older than a cached page may be, even if the generation went back (a flush).
        if _site_memo.get("generation") != current or now > _site_memo.get("until", 0):
            _site_memo.clear()
            _site_memo["generation"] = current
            _site_memo["until"] = now + getattr(settings, "PAGE_CACHE_SECONDS", 300)
        if key not in _site_memo:
            _site_memo[key] = WagtailSite.find_for_request(request)
        request._wagtail_site = _site_memo[key]
        return self.get_response(request)
