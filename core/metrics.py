"""Prometheus metrics, served at ``/ops/metrics`` (``core.ops``: token or internal address).

Counted in each process (``prometheus_client``; with ``PROMETHEUS_MULTIPROC_DIR`` set, gunicorn's
workers share files in that directory and a scrape sums them):

* ``takafamap_http_requests_total{route,method,status}`` and
  ``takafamap_http_request_duration_seconds{route}`` (``core.requestlog``);
* ``takafamap_cache_requests_total{cache="page"|"fragment",result="hit"|"miss"}``
  (``core.cache``, ``core.fragments``): hit ratio = hit / (hit + miss).

Read from the database and the shared cache at each scrape (the same in every process):

* ``takafamap_task_queue_depth`` and ``takafamap_task_queue_oldest_age_seconds`` (tasks ready
  to run in ``django_tasks_db``);
* ``takafamap_job_last_success_timestamp_seconds{job}``: scheduled jobs call
  ``record_job_success(name)`` after each successful run (``run_jobs`` does; stored as a
  ``core.models.JobRun`` row, so the job's process and the web processes agree, with or
  without Redis). ``register_job(name)`` lists a job before its first run (0);
* what the apps add with ``register_collector(function)`` — ``function()`` yields
  ``prometheus_client`` metric families (shop.order: orders and payments by method).
"""

import datetime
import logging
import os
import time

from django.utils import timezone
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

logger = logging.getLogger(__name__)

CONTENT_TYPE = CONTENT_TYPE_LATEST

REQUESTS = Counter(
    "takafamap_http_requests",
    "HTTP requests answered, by route name, method and status.",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "takafamap_http_request_duration_seconds",
    "Time to answer a request, by route name.",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
CACHE = Counter(
    "takafamap_cache_requests",
    "Page and fragment cache look-ups, by cache and result (hit, miss).",
    ["cache", "result"],
)


METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def observe_request(route, method, status, seconds):
    method = method if method in METHODS else "other"  # a client cannot add label values
    REQUESTS.labels(route, method, str(status)).inc()
    LATENCY.labels(route).observe(seconds)


def cache_lookup(name, hits, misses=0):
    """Count ``hits`` and ``misses`` of the ``name`` cache ("page" or "fragment")."""
    if hits:
        CACHE.labels(name, "hit").inc(hits)
    if misses:
        CACHE.labels(name, "miss").inc(misses)


# ------------------------------------------------------------------------------------------
# Scheduled jobs
# ------------------------------------------------------------------------------------------
_jobs = {}


def register_job(name):
    """Show ``name`` among the jobs (0 until its first success)."""
    _jobs.setdefault(name, 0.0)


def record_job_success(name, when=None):
    """Call after each successful run of the scheduled job ``name`` (any process). The time is
    a ``core.models.JobRun`` row, so every process reads the same, with or without Redis."""
    # Deferred: logging's configuration imports this module before the app registry is ready.
    from .models import JobRun

    when = time.time() if when is None else when
    _jobs[name] = when
    try:
        JobRun.objects.update_or_create(
            name=name,
            defaults={"last_success": datetime.datetime.fromtimestamp(when, tz=datetime.UTC)},
        )
    except Exception:  # noqa: BLE001 - a metric never breaks the job
        logger.warning("could not record the success of job %s", name)


def _job_times():
    from .models import JobRun  # deferred: see record_job_success

    times = dict(_jobs)
    try:
        stored = list(JobRun.objects.values_list("name", "last_success"))
    except Exception:  # noqa: BLE001 - the database is down: what this process knows
        return times
    for name, last_success in stored:
        times[name] = max(times.get(name, 0.0), last_success.timestamp())
    return times


# ------------------------------------------------------------------------------------------
# Collected at scrape time
# ------------------------------------------------------------------------------------------
_collectors = []


def register_collector(function):
    """``function()`` yields metric families, read at each scrape."""
    _collectors.append(function)


def task_queue():
    """(tasks ready to run, age in seconds of the oldest one)."""
    from django_tasks_db.models import DBTaskResult  # Deferred: a model.

    ready = DBTaskResult.objects.ready()
    depth = ready.count()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    return depth, max(age, 0.0)


class ScrapeCollector:
    def collect(self):
        try:
            depth, age = task_queue()
        except Exception:  # noqa: BLE001 - a scrape during a database outage still answers
            logger.warning("metrics: task queue unreadable", exc_info=True)
        else:
            yield GaugeMetricFamily(
                "takafamap_task_queue_depth", "Tasks ready to run, waiting for the worker.", depth
            )
            yield GaugeMetricFamily(
                "takafamap_task_queue_oldest_age_seconds",
                "Age of the oldest task ready to run (0 when the queue is empty).",
                age,
            )
        jobs = GaugeMetricFamily(
            "takafamap_job_last_success_timestamp_seconds",
            "Unix time of the last successful run of each scheduled job (0: never).",
            labels=["job"],
        )
        for name, when in sorted(_job_times().items()):
            jobs.add_metric([name], when)
        yield jobs
        for function in _collectors:
            try:
                yield from function()
            except Exception:  # noqa: BLE001
                logger.warning("metrics: collector %r failed", function, exc_info=True)


def exposition():
    """The text exposition of every metric, for one scrape."""
    registry = CollectorRegistry()
    registry.register(ScrapeCollector())
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        process = CollectorRegistry()
        multiprocess.MultiProcessCollector(process)
    else:
        process = REGISTRY
    return generate_latest(process) + generate_latest(registry)
