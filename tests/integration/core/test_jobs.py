"""``manage.py run_jobs``: every periodic job declared once (core/jobs.py); a failing job is
logged, the others still run, and the command ends with an error status."""

import io
import logging
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from oscar.apps.basket.models import Basket

from core import jobs
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _run(*args):
    out = io.StringIO()
    call_command("run_jobs", *args, stdout=out)
    return out.getvalue()


def test_the_list_names_every_job_with_its_period():
    out = _run("--list")
    for name in (
        "publish_scheduled",
        "release_unpaid_card_orders",
        "expire_quotes",
        "purge_contacts",
        "clearsessions",
        "clear_baskets",
        "prune_task_results",
    ):
        assert name in out
    assert "skipped here" in out  # the task results without the database queue


def test_a_failing_job_is_logged_and_the_others_still_run(monkeypatch, caplog):
    broken = jobs.Job("broken", "no_such_command", jobs.DAILY, "Always fails.")
    monkeypatch.setattr(jobs, "JOBS", (broken, jobs.get("expire_quotes")))
    out = io.StringIO()
    with caplog.at_level(logging.ERROR, logger="takafamap.jobs"):
        with pytest.raises(CommandError, match="1 job\\(s\\) failed: broken"):
            call_command("run_jobs", stdout=out)
    assert "Periodic job broken failed" in caplog.text
    assert "[broken] FAILED" in out.getvalue()
    assert "[expire_quotes] done" in out.getvalue()


def test_one_period_or_one_job_only():
    out = _run("--period", "often")
    assert "[publish_scheduled] done" in out and "expire_quotes" not in out
    out = _run("--only", "clearsessions")
    assert "[clearsessions] done" in out and "publish_scheduled" not in out
    with pytest.raises(CommandError, match="Unknown job: nope"):
        _run("--only", "nope")


def test_old_anonymous_and_merged_baskets_go_and_live_ones_stay():
    old = timezone.now() - timedelta(days=30)
    abandoned = Basket.objects.create()
    merged = Basket.objects.create(owner=UserFactory(), status=Basket.MERGED)
    mine = Basket.objects.create(owner=UserFactory())
    fresh = Basket.objects.create()
    Basket.objects.filter(pk__in=[abandoned.pk, merged.pk, mine.pk]).update(date_created=old)

    _run("--only", "clear_baskets")

    remaining = set(Basket.objects.values_list("pk", flat=True))
    assert abandoned.pk not in remaining and merged.pk not in remaining
    assert {mine.pk, fresh.pk} <= remaining


def test_a_successful_job_is_recorded_for_the_metrics_and_a_failed_one_is_not(monkeypatch):
    from core import metrics

    recorded = []
    monkeypatch.setattr(metrics, "record_job_success", recorded.append)
    broken = jobs.Job("broken", "no_such_command", jobs.DAILY, "Always fails.")
    fine = jobs.Job("fine", "clearsessions", jobs.DAILY, "Works.")

    jobs.run([broken, fine], io.StringIO())

    assert recorded == ["fine"]
