"""Rate-limited copies of the sign-in, sign-up and password-reset URLs (accounts/ratelimits.py),
and a sign-out that needs a POST (a GET shows a confirmation).

Mounted in config/urls.py just before Oscar's shop and Wagtail's admin, on the same paths:
the URL names stay Oscar's and Wagtail's (``customer:login``, ``password-reset``,
``wagtailadmin_login``…), these patterns only answer first.
"""

from django.urls import path

from . import ratelimits

# Under /<lang>/shop/
shop_urlpatterns = [
    path("accounts/login/", ratelimits.shop_login, name="ratelimited-login"),
    path("accounts/register/", ratelimits.shop_register, name="ratelimited-register"),
    path("accounts/logout/", ratelimits.shop_logout, name="confirmed-logout"),
    path("password-reset/", ratelimits.shop_password_reset, name="ratelimited-password-reset"),
]

# Under /admin/ (Wagtail)
admin_urlpatterns = [
    path("login/", ratelimits.admin_login, name="ratelimited-admin-login"),
    path(
        "password_reset/",
        ratelimits.admin_password_reset,
        name="ratelimited-admin-password-reset",
    ),
]

# Under /django-admin/
django_admin_urlpatterns = [
    path("login/", ratelimits.django_admin_login, name="ratelimited-django-admin-login"),
]
