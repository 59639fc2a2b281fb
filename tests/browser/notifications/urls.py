"""The site's URLs plus a test-only service worker that imports the push handlers.

The real service worker (/sw.js) belongs to the installable-app work; this one does only
``importScripts("/static/js/sw-push.js")``, so the push handlers are tested on their own.
"""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def test_service_worker(request):
    return HttpResponse(
        'importScripts("/static/js/sw-push.js");', content_type="application/javascript"
    )


urlpatterns = [path("test-sw-push.js", test_service_worker), *site_urlpatterns]
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
