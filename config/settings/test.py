"""Test settings: fast hashing, in-memory email, no debug toolbar of any kind."""

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, DATABASES, env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASK_EMAIL_BACKEND = EMAIL_BACKEND  # core.mail.TaskEmailBackend's tests hand on to it
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"
# A file-backed SQLite test database lets ``--reuse-db`` skip the migrations next time.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # TEST_SQLITE_NAME lets two checkouts (or two people) test side by side.
    DATABASES["default"]["TEST"] = {
        "NAME": env("TEST_SQLITE_NAME", default=str(BASE_DIR / ".test-db.sqlite3"))
    }
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Cached pages would leak between tests; the page-cache tests switch it on themselves.
PAGE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False  # tests/*/core/test_fragments.py turn it on
