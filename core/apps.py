from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site core")

    def ready(self):
        # Deferred to ready(): these modules import models (Wagtail's image and site models).
        from . import cache, errors, jobs, metrics, renditions, requestlog, sites

        # Django's and Wagtail's Site rows follow BASE_URL and SITE_NAME (core/sites.py).
        post_migrate.connect(sites.sync_sites, sender=self, dispatch_uid="core.sync_sites")

        cache.connect()  # the anonymous page cache's invalidation signals
        renditions.connect()  # thumbnails and renditions made by the worker after uploads
        requestlog.connect()  # tasks carry the request id of the request that enqueued them
        for job in jobs.JOBS:  # each scheduled job shows in /ops/metrics before its first run
            metrics.register_job(job.name)
        if settings.SENTRY_DSN:
            errors.init_sentry(
                settings.SENTRY_DSN,
                settings.SENTRY_ENVIRONMENT,
                traces_sample_rate=settings.SENTRY_TRACES_SAMPLE_RATE,
            )
