from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site core")

    def ready(self):
        # Deferred to ready(): these modules import models (Wagtail's image model).
        from . import cache, errors, renditions, requestlog

        cache.connect()  # the anonymous page cache's invalidation signals
        renditions.connect()  # thumbnails and renditions made by the worker after uploads
        requestlog.connect()  # tasks carry the request id of the request that enqueued them
        if settings.SENTRY_DSN:
            errors.init_sentry(
                settings.SENTRY_DSN,
                settings.SENTRY_ENVIRONMENT,
                traces_sample_rate=settings.SENTRY_TRACES_SAMPLE_RATE,
            )
