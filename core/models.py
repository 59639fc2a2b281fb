"""Models of the site core: only the shared rate-limit counters."""

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
