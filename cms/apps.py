from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Editorial site")

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from cms import moderation
        from cms.models import SiteSettings
        from core import cache

        cache.watch(SiteSettings)  # header, footer and contact details on every page

        moderation.connect()
