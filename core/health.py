"""State of the database and the optional services, for ``/healthz``.

Each check answers quickly (one-second time-outs) and never raises: a missing optional
service is reported with the fallback the site is using instead.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        logger.error("healthz: database check failed: %s", exc)
        return {"ok": False, "vendor": connection.vendor, "error": exc.__class__.__name__}
    return {"ok": True, "vendor": connection.vendor}


def _redis_ping():
    # Deferred: django_redis is used only when REDIS_URL is set (local memory otherwise).
    from django_redis import get_redis_connection

    return bool(get_redis_connection("default").ping())


def check_cache():
    if settings.REDIS_URL:
        try:
            ok = _redis_ping()
        except Exception as exc:  # noqa: BLE001
            logger.warning("healthz: Redis unreachable: %s", exc)
            ok = False
        if ok:
            return {"ok": True, "backend": "redis"}
        return {
            "ok": False,
            "backend": "redis",
            "fallback": "no caching; sessions read from the database",
        }
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 5)
    ok = cache.get(key) == "1"
    cache.delete(key)
    return {"ok": ok, "backend": "local-memory"}


def _elasticsearch_ping(url):
    # Deferred: the Elasticsearch client is loaded only when ELASTICSEARCH_URL is set.
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url, request_timeout=1, max_retries=0, retry_on_timeout=False)
    return bool(client.ping())


def check_search():
    url = settings.ELASTICSEARCH_URL
    if not url:
        return {"ok": True, "backend": "database"}
    try:
        ok = _elasticsearch_ping(url)
    except Exception as exc:  # noqa: BLE001
        logger.warning("healthz: Elasticsearch unreachable: %s", exc)
        ok = False
    if ok:
        return {"ok": True, "backend": "elasticsearch"}
    return {"ok": False, "backend": "elasticsearch", "fallback": "database"}


# Checks the apps add from their ``AppConfig.ready()`` (shop.order: ``payments``).
_registered = {}


def register(name, check):
    """Add ``check()`` (a dict with ``ok``) to the report under ``name``."""
    _registered[name] = check


def check_rate_limits():
    """Where rate-limit counters live: Redis, else the database; both shared by workers."""
    from .ratelimit import shared_counting

    counted_in = shared_counting()
    return {"ok": counted_in != "per-process", "counted_in": counted_in}


def report():
    """The whole report; ``status`` is "ok", "degraded" (a fallback is in use) or "down"."""
    checks = {
        "database": check_database(),
        "cache": check_cache(),
        "search": check_search(),
        **{name: check() for name, check in _registered.items()},
        "rate_limits": check_rate_limits(),
    }
    if not checks["database"]["ok"]:
        status = "down"
    elif all(check["ok"] for check in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return {"status": status, **checks}
