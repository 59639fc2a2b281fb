"""URL map.

Order matters (TECH-NOTES): admin, documents, Oscar, directory, search, then Wagtail's
catch-all last. Every public page lives under a language prefix (/fr/, /ar/, /en/);
machine endpoints (/healthz, /robots.txt, /sitemap.xml) and the admin do not.
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("", core_views.root_redirect, name="root"),
]

urlpatterns += i18n_patterns(
    path("shop/", include("shop.creators.urls")),
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
    path("directory/", include("directory.urls")),
    path("search/", include("sitesearch.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
