"""Every periodic job the site needs, declared once; ``manage.py run_jobs`` runs them.

Two periods: ``often`` jobs run every few minutes (publishing scheduled pages), ``daily``
jobs once a day. Deployment schedules two lines of one command (docs/deploy.md):

    */5 * * * *  manage.py run_jobs --period often
    30 3 * * *   manage.py run_jobs --period daily

Each job is a management command with its arguments, so the registry imports no app. A
job that fails is logged with its traceback (logger ``takafamap.jobs``) and the others
still run; ``run_jobs`` then exits with a non-zero status.
"""

import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command

from . import metrics

logger = logging.getLogger("takafamap.jobs")

OFTEN = "often"
DAILY = "daily"
PERIODS = (OFTEN, DAILY)


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    period: str
    description: str
    args: tuple = ()
    # A callable returning "" when the job applies here, else why it is skipped.
    skip_if: object = field(default=None, compare=False)

    def skipped(self):
        return self.skip_if() if self.skip_if else ""


def _without_task_database():
    if getattr(settings, "TASKS_BACKEND", "") != "database":
        return "tasks run in the web process (TASKS_BACKEND is not 'database')"
    return ""


JOBS = (
    Job(
        "publish_scheduled",
        "publish_scheduled",
        OFTEN,
        "Publish the pages and snippets scheduled to go live, unpublish the expired (Wagtail).",
    ),
    Job(
        "release_unpaid_card_orders",
        "release_unpaid_card_orders",
        OFTEN,
        "Cancel orders left unpaid at the card gateway (CMI) past CMI_PAYMENT_TIMEOUT_MINUTES, "
        "which frees their stock.",
    ),
    Job(
        "expire_quotes",
        "expire_quotes",
        DAILY,
        "Expire the quotes past their validity date (the client and creator are told).",
    ),
    Job(
        "purge_contacts",
        "purge_contacts",
        DAILY,
        "Erase youth contacts past the retention period; close expired personal-data links.",
    ),
    Job(
        "clearsessions",
        "clearsessions",
        DAILY,
        "Delete expired sessions from the database (Django).",
    ),
    Job(
        "clear_baskets",
        "clear_baskets",
        DAILY,
        "Delete anonymous baskets older than their cookie, and merged baskets (Oscar).",
    ),
    Job(
        "prune_task_results",
        "prune_db_task_results",
        DAILY,
        "Delete finished task results older than 14 days (the task queue's database).",
        args=("--min-age-days", "14"),
        skip_if=_without_task_database,
    ),
)


def get(name):
    for job in JOBS:
        if job.name == name:
            return job
    raise KeyError(name)


def run(jobs, stdout):
    """Run ``jobs`` one after the other; returns the names of those that failed."""
    failed = []
    for job in jobs:
        reason = job.skipped()
        if reason:
            stdout.write(f"[{job.name}] skipped: {reason}")
            continue
        started = time.monotonic()
        stdout.write(f"[{job.name}] running")
        try:
            call_command(job.command, *job.args, stdout=stdout, stderr=stdout)
        except Exception:
            failed.append(job.name)
            logger.exception("Periodic job %s failed", job.name)
            stdout.write(f"[{job.name}] FAILED (see the log for the traceback)")
        else:
            metrics.record_job_success(job.name)  # /ops/metrics: the job's last success
            stdout.write(f"[{job.name}] done in {time.monotonic() - started:.1f} s")
    return failed
