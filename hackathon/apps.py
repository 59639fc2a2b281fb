from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class HackathonConfig(AppConfig):
    name = "hackathon"
    label = "hackathon"
    verbose_name = _("Hackathon and accompaniment")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Our personal-data provider joins the youth app's registry (H5), when it is there.
        if apps.is_installed("youth"):
            try:
                from youth.privacy import register
            except ImportError:  # the registry is not there (yet)
                return
            from .privacy import provider

            register(provider)
