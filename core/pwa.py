"""The installable app: the web app manifest, the service worker and the offline page.

- ``/sw.js`` is served from the site's root (a view, not a static file) so its scope is the
  whole site without a ``Service-Worker-Allowed`` header; ``no-cache`` so a new version is
  picked up at once. It is rendered from ``templates/pwa/sw.js`` with the static URLs of the
  files it keeps for offline use (hashed names in production change its bytes, which is what
  makes browsers update it).
- ``/<lang>/manifest.webmanifest`` starts the app at the creator space in that language,
  with the language's direction.
- ``/<lang>/offline/`` is what the service worker shows when a page cannot be reached: the
  same for everyone (no user, no cookies), so it is safe to keep in the cache.

The service worker never keeps a signed-in page except the stand screen's shell, which the
stand page stores itself under the creator's key and which sign-out deletes (static/js/pwa.js).
"""

import hashlib
import json

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

SW_VERSION = "1"  # bump when templates/pwa/sw.js changes its caching
THEME_COLOUR = "#b4472b"  # --tk-terracotta (static/css/site.css)
BACKGROUND_COLOUR = "#fbf7f2"  # --tk-sand

# What the service worker keeps so the offline page and the stand screen work without network.
PRECACHED_STATIC = [
    "bootstrap/css/bootstrap.min.css",
    "bootstrap/css/bootstrap.rtl.min.css",
    "bootstrap/js/bootstrap.bundle.min.js",
    "css/site.css",
    "css/shop.css",
    "js/site.js",
    "js/pwa.js",
    "js/stand.js",
    "js/stand-sales.js",
    "img/logo.svg",
    "img/favicon.svg",
    "img/icons/icon-192.png",
]


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    languages = [code for code, _name in settings.LANGUAGES]
    offline_pages = {}
    for code in languages:
        with translation.override(code):
            offline_pages[code] = reverse("pwa-offline")
    precache = [static(path) for path in PRECACHED_STATIC]
    values = {
        "precache": precache,
        "offline_pages": offline_pages,
        "default_language": settings.LANGUAGE_CODE,
        "sales_script": static("js/stand-sales.js"),
        "push_script": static("js/sw-push.js"),
        "static_prefix": settings.STATIC_URL,
    }
    # Hashed static names (production) change the version, so old caches are dropped.
    version = hashlib.sha256(json.dumps([SW_VERSION, values], sort_keys=True).encode()).hexdigest()[
        :12
    ]
    context = {f"{key}_json": _js(value) for key, value in values.items()}
    context["version"] = version
    return render(request, "pwa/sw.js", context, content_type="text/javascript; charset=utf-8")


def _js(value):
    """A JSON literal safe inside the script (no ``</`` or HTML-significant characters)."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@require_GET
@cache_control(max_age=3600)
def manifest(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    icons = [
        {"src": static("img/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("img/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("img/icons/maskable-192.png"),
            "sizes": "192x192",
            "type": "image/png",
            "purpose": "maskable",
        },
        {
            "src": static("img/icons/maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    data = {
        # One app whatever the language it was installed in.
        "id": "/?app=takafamap",
        "name": _("Takafamap: my shop"),
        "short_name": "Takafamap",
        "description": _(
            "Your shop on Takafamap: orders, quotes and sales at the L'Karfour stand."
        ),
        "lang": language,
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
        "start_url": reverse("creators:summary"),
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
        "shortcuts": [
            {
                "name": _("L'Karfour stand"),
                "url": reverse("creators:stand"),
                "icons": [{"src": static("img/icons/icon-192.png"), "sizes": "192x192"}],
            }
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
def offline(request):
    """The page shown when the network is gone: nothing personal, so the service worker may
    keep it (rendered without the visitor's session)."""
    response = render(request, "pwa/offline.html", {"THEME_COLOUR": THEME_COLOUR})
    response["Cache-Control"] = "public, max-age=3600"
    return response
