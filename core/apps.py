from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site core")

    def ready(self):
        # Deferred to ready(): these modules import models (Wagtail's image model).
        from . import cache, renditions

        cache.connect()  # the anonymous page cache's invalidation signals
        renditions.connect()  # thumbnails and renditions made by the worker after uploads
