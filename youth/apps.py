from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YouthConfig(AppConfig):
    name = "youth"
    label = "youth"
    verbose_name = _("Youth database")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from core import cache
        from youth import privacy
        from youth.models import Registration

        cache.watch(Registration)  # places left on event pages

        privacy.register(privacy.YouthProvider())
        privacy.register(privacy.ContactFormProvider())
