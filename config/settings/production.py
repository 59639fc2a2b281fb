"""Production: every secret comes from the environment, transport is HTTPS only.

Start-up stops with a one-line message naming the variable when ``SECRET_KEY``,
``DATABASE_URL`` or ``BASE_URL`` is missing or malformed.
"""

import sys
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env


def _require(name):
    try:
        value = env(name)
    except ImproperlyConfigured:
        sys.exit(f"Configuration error: the environment variable {name} is not set.")
    if not value:
        sys.exit(f"Configuration error: the environment variable {name} is empty.")
    return value


DEBUG = False
CMI_SIMULATOR = False  # the local CMI simulator never answers in production
SECRET_KEY = _require("SECRET_KEY")
# base.py parsed and checked DATABASE_URL; production must not fall back to its SQLite default.
_require("DATABASE_URL")
# Every link in emails, feeds and receipts starts with BASE_URL: never the development default.
BASE_URL = _require("BASE_URL").rstrip("/")
_base = urlsplit(BASE_URL)
if _base.scheme not in ("http", "https") or not _base.hostname or _base.path not in ("", "/"):
    sys.exit("Configuration error: BASE_URL must be the site's address, like https://takafamap.ma.")
WAGTAILADMIN_BASE_URL = BASE_URL
OSCAR_URL_SCHEMA = _base.scheme

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["takafamap.ma", "www.takafamap.ma"])

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.staticfiles.StaticFilesStorage"},  # whitenoise, hashed + gzip
}
STORAGES.update(OBJECT_STORAGES)  # noqa: F405 - S3 media when AWS_STORAGE_BUCKET_NAME is set

# E-mails go through the task queue (core.mail); the SMTP backend from EMAIL_URL sends them.
TASK_EMAIL_BACKEND = EMAIL_BACKEND  # noqa: F405
EMAIL_BACKEND = "core.mail.TaskEmailBackend"

# One JSON object per log line (LOG_FORMAT=plain for the development format).
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", default="json")  # noqa: F405
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", default="production")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True  # core.security.ShopCookiesMiddleware adds SameSite
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True

# Content-Security-Policy (base.py): in production every sub-resource is fetched over HTTPS.
CONTENT_SECURITY_POLICY = {  # noqa: F405 - a copy: base.py's dict stays as it is
    **CONTENT_SECURITY_POLICY,  # noqa: F405
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
        "upgrade-insecure-requests": True,
    },
}
