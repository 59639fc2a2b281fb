"""``/ops/metrics`` and ``/ops/ready``: refused to anyone without the token or an internal
address; the metric families operators alert on."""

from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from core import metrics
from tests.factories.payments import placed_order

pytestmark = pytest.mark.django_db

TOKEN = "a-long-random-metrics-token-0123456789"
FAMILIES = [
    "takafamap_http_requests_total",
    "takafamap_http_request_duration_seconds_bucket",
    "takafamap_cache_requests_total",
    "takafamap_task_queue_depth",
    "takafamap_task_queue_oldest_age_seconds",
    "takafamap_job_last_success_timestamp_seconds",
    "takafamap_orders",
    "takafamap_payments",
]


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_IPS = []
    return {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("url", ["/ops/metrics", "/ops/ready"])
def test_without_a_token_configured_nobody_may_read_them(client, settings, url):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_IPS = []

    assert client.get(url).status_code == 403
    assert client.get(url, HTTP_AUTHORIZATION="Bearer ").status_code == 403


@pytest.mark.parametrize("url", ["/ops/metrics", "/ops/ready"])
def test_anonymous_and_wrong_tokens_are_refused(client, token, url):
    assert client.get(url).status_code == 401
    assert client.get(url, HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    assert client.get(url, HTTP_AUTHORIZATION=TOKEN).status_code == 401  # no scheme


def test_an_internal_address_may_scrape(client, settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_IPS = ["10.0.0.0/8"]

    assert client.get("/ops/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/ops/metrics", REMOTE_ADDR="192.0.2.1").status_code == 401


def test_the_families_are_exposed(client, token, settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    placed_order(payment_method="cash")
    paid = placed_order(payment_method="bank_transfer")
    paid.paid_at = timezone.now()
    paid.save()
    metrics.register_job("a_job_never_run")  # other tests run the real jobs
    metrics.record_job_success("publish_scheduled", when=1_800_000_000)
    client.get("/robots.txt")

    response = client.get("/ops/metrics", **token)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for family in FAMILIES:
        assert f"\n{family}" in text, family
    assert 'takafamap_http_requests_total{method="GET",route="robots_txt",status="200"}' in text
    assert 'takafamap_orders{method="cash"} 1.0' in text
    assert 'takafamap_payments{method="bank_transfer"} 1.0' in text
    assert 'takafamap_payments{method="cash"} 0.0' in text
    assert 'takafamap_job_last_success_timestamp_seconds{job="publish_scheduled"} 1.8e+09' in text
    assert 'takafamap_job_last_success_timestamp_seconds{job="a_job_never_run"} 0.0' in text


def test_cache_hits_and_misses_are_counted(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.DEBUG = False
    cache.clear()

    def page(result):
        return metrics.CACHE.labels("page", result)._value.get()

    hits, misses = page("hit"), page("miss")
    client.get("/robots.txt")
    client.get("/robots.txt")

    assert (page("hit") - hits, page("miss") - misses) == (1, 1)


def test_queue_depth_and_age_of_the_oldest_task(settings):
    from django_tasks_db.models import DBTaskResult

    from core.mail import send_emails

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_emails.enqueue([])
    send_emails.enqueue([])
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timezone.timedelta(minutes=5))

    depth, age = metrics.task_queue()

    assert depth == 2
    assert 299 < age < 330


def test_the_metrics_answer_is_never_stored_by_the_page_cache(client, token, settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()

    assert client.get("/ops/metrics", **token).status_code == 200
    assert client.get("/ops/metrics").status_code == 401


def test_ready_gives_the_details_to_operators_only(client, token):
    response = client.get("/ops/ready", **token)

    assert response.status_code == 200
    report = response.json()
    assert report["database"]["ok"] is True
    assert {"cache", "search", "payments"} <= set(report)


def test_a_job_run_by_another_process_is_seen_through_the_database(client, token):
    """run_jobs runs from cron, in its own process: its record is a row every process reads,
    with or without Redis (these tests run on the local-memory cache)."""
    from core.models import JobRun

    when = datetime.fromtimestamp(1_700_000_000, tz=UTC)
    JobRun.objects.create(name="nightly_backup", last_success=when)
    cache.clear()

    text = client.get("/ops/metrics", **token).content.decode()

    assert 'takafamap_job_last_success_timestamp_seconds{job="nightly_backup"} 1.7e+09' in text


def test_ready_and_metrics_answer_while_the_database_is_down(client, token, monkeypatch):
    """Requests run in a transaction (ATOMIC_REQUESTS): these must not need one (found by
    make faults: /healthz and /ops/ready answered 500 while PostgreSQL was down)."""
    from django.db import OperationalError
    from django.db.backends.base.base import BaseDatabaseWrapper

    def refused(self):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refused)

    ready = client.get("/ops/ready", **token)
    scrape = client.get("/ops/metrics", **token)
    public = client.get("/healthz")

    assert public.status_code == 503  # the load balancer's answer: down, not a server error
    assert ready.status_code == 503
    assert ready.json()["status"] == "down"
    assert scrape.status_code == 200
    assert "takafamap_http_requests_total" in scrape.content.decode()
