"""The configured search backend: ``settings.SITESEARCH_BACKEND`` (a dotted class path)."""

from django.conf import settings
from django.utils.module_loading import import_string

DATABASE_BACKEND = "sitesearch.backends.database.DatabaseBackend"


def get_backend(path=None):
    return import_string(path or getattr(settings, "SITESEARCH_BACKEND", DATABASE_BACKEND))()
