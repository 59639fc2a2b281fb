from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site core")

    def ready(self):
        # Deferred to ready(): these modules import models (Wagtail's image and site models).
        from . import cache, renditions, sites

        # Django's and Wagtail's Site rows follow BASE_URL and SITE_NAME (core/sites.py).
        post_migrate.connect(sites.sync_sites, sender=self, dispatch_uid="core.sync_sites")

        cache.connect()  # the anonymous page cache's invalidation signals
        renditions.connect()  # thumbnails and renditions made by the worker after uploads
