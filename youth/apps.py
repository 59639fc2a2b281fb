from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YouthConfig(AppConfig):
    name = "youth"
    label = "youth"
    verbose_name = _("Youth database")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from youth import privacy

        privacy.register(privacy.YouthProvider())
        privacy.register(privacy.ContactFormProvider())
