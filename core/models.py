"""Models of the site core: the shared rate-limit counters, the scheduled jobs' last successes."""

from django.db import models


class RateCounter(models.Model):
    """One rate-limit counter, shared by every server process (see ``core.ratelimit``).

    Used when no Redis is configured: django-ratelimit counts through the
    ``DatabaseCounterCache`` backend, which increments this row in one SQL ``UPDATE``.
    """

    key = models.CharField(max_length=250, primary_key=True)
    value = models.BigIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "rate-limit counter"
        verbose_name_plural = "rate-limit counters"

    def __str__(self):
        return f"{self.key}={self.value}"


class JobRun(models.Model):
    """The last successful run of a scheduled job (``manage.py run_jobs``, core/jobs.py).

    Kept in the database, not the cache, so that the web process answering ``/ops/metrics``
    sees what the cron or timer process did, with or without Redis."""

    name = models.CharField(max_length=100, primary_key=True)
    last_success = models.DateTimeField()

    class Meta:
        verbose_name = "scheduled job run"
        verbose_name_plural = "scheduled job runs"

    def __str__(self):
        return f"{self.name} @ {self.last_success:%Y-%m-%d %H:%M}"
