"""Rate-limited sign-in, sign-up and password-reset views (Oscar's shop and Wagtail's admin).

The views are Oscar's and Wagtail's own, wrapped by ``core.ratelimit.ratelimited_view``;
``accounts/urls.py`` mounts them on the same paths, ahead of Oscar's and Wagtail's URL
includes in ``config/urls.py``, so every link and ``reverse()`` keeps working. Only POSTs
are counted: showing the form is never limited.
"""

from django.apps import apps
from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver
from wagtail.admin.views import account as wagtail_account

from core.ratelimit import normalised_post_field, ratelimited_view

# (key, rate) rules per group; the RATELIMITS setting may override them by group name.
# Per-account rules count the email trimmed and lower-cased: "Client@…" and " client@…" are
# one account, one counter.
LOGIN_RULES = [("ip", "20/10m"), (normalised_post_field("login-username"), "10/10m")]
SIGNUP_RULES = [("ip", "10/h")]
PASSWORD_RESET_RULES = [("ip", "10/h"), (normalised_post_field("email"), "5/h")]
ADMIN_LOGIN_RULES = [("ip", "20/10m"), (normalised_post_field("username"), "10/10m")]


def _oscar_view(name):
    """The callback Oscar's shop URLconf registers under ``name`` (searched recursively)."""

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                found = walk(pattern.url_patterns)
                if found:
                    return found
            elif isinstance(pattern, URLPattern) and pattern.name == name:
                return pattern.callback
        return None

    callback = walk(apps.get_app_config("oscar").get_urls())
    if callback is None:  # pragma: no cover - Oscar renamed its URL
        raise LookupError(f"Oscar has no URL named {name!r}")
    return callback


_customer = apps.get_app_config("customer")
_django_admin_site = admin.site

# Oscar's login page also holds its registration form: both count as sign-in attempts.
shop_login = ratelimited_view("accounts.login", rules=LOGIN_RULES)(_customer.login_view.as_view())
shop_register = ratelimited_view("accounts.signup", rules=SIGNUP_RULES)(
    _customer.register_view.as_view()
)
shop_password_reset = ratelimited_view("accounts.password_reset", rules=PASSWORD_RESET_RULES)(
    _oscar_view("password-reset")
)
admin_login = ratelimited_view("accounts.admin_login", rules=ADMIN_LOGIN_RULES)(
    wagtail_account.LoginView.as_view()
)
admin_password_reset = ratelimited_view("accounts.password_reset", rules=PASSWORD_RESET_RULES)(
    wagtail_account.PasswordResetView.as_view()
)
django_admin_login = ratelimited_view("accounts.admin_login", rules=ADMIN_LOGIN_RULES)(
    _django_admin_site.login
)


class ConfirmedLogoutView(_customer.logout_view):
    """Oscar's sign-out, but only on POST: a GET shows a one-button confirmation page.

    Oscar signs out on GET, so any page could sign a visitor out with an <img> tag; the
    confirmation page keeps the old links working without that.
    """

    http_method_names = ["get", "post", "head", "options"]

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, "accounts/logout_confirm.html", {})

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


shop_logout = ConfirmedLogoutView.as_view()
