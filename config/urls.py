"""URL map.

Order matters: admin, documents, Oscar, directory, search, then Wagtail's catch-all last
(it answers every path it is given, so anything after it would never be reached). Every
public page lives under a language prefix (/fr/, /ar/, /en/); machine endpoints (/healthz,
/robots.txt, /sitemap.xml) and the admin do not.
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

from accounts import urls as accounts_urls
from core import ops, pwa
from core import views as core_views
from shop.catalogue import alerts as catalogue_alerts
from shop.order import views as order_views
from shop.payment import views as payment_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("ops/metrics", ops.metrics_view, name="ops-metrics"),  # token or internal address
    path("ops/ready", ops.ready, name="ops-ready"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    # The installable app's service worker, at the root so its scope is the whole site.
    path("sw.js", pwa.service_worker, name="pwa-sw"),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("i18n/setlang/", set_language, name="set_language"),
    # Rate-limited sign-in and password reset first, on the same paths (accounts/urls.py).
    path("admin/", include(accounts_urls.admin_urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", include(accounts_urls.django_admin_urlpatterns)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    # Stripe calls this (no language prefix, no CSRF token: the signature is checked instead).
    path("payments/stripe/webhook/", payment_views.stripe_webhook, name="stripe-webhook"),
    # CMI's callback and browser returns (hash checked), and the local CMI simulator.
    path("payments/", include("shop.payment.cmi_urls")),
    # Web Push subscriptions (JSON, from static/js/push.js and the service worker).
    path("push/", include("notifications.api_urls")),
    path("", core_views.root_redirect, name="root"),
]

urlpatterns += i18n_patterns(
    path("manifest.webmanifest", pwa.manifest, name="pwa-manifest"),
    path("offline/", pwa.offline, name="pwa-offline"),
    # Oscar's re-order action, POST only (shop/order/views.py); before Oscar's own URLs.
    path("shop/accounts/orders/<str:order_number>/<int:line_id>/", order_views.order_line_view),
    path("shop/", include(accounts_urls.shop_urlpatterns)),  # rate-limited sign-in (accounts)
    path("shop/accounts/notification-settings/", include("notifications.urls")),
    # Stock alerts: limited, visible products only, no answer telling who signed up.
    path(
        "shop/accounts/alerts/create/<int:pk>/",
        catalogue_alerts.ProductAlertCreateView.as_view(),
        name="limited-alert-create",
    ),
    path("shop/", include("shop.creators.urls")),
    path("shop/", include("shop.quotes.urls")),
    path("shop/", include("shop.payment.urls")),
    path("shop/", include("shop.payouts.urls")),
    path("shop/", include("shop.downloads.urls")),
    path("shop/market/", include("shop.market.urls")),
    path("shop/my-shop/orders/", include("shop.creators.order_urls")),
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
    path("directory/", include("directory.urls")),
    path("hackathon/", include("hackathon.urls")),
    path("privacy/my-data/", include("youth.urls")),
    path("search/", include("sitesearch.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
