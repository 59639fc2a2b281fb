from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HackathonConfig(AppConfig):
    name = "hackathon"
    label = "hackathon"
    verbose_name = _("Hackathon and accompaniment")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from core import cache
        from youth.privacy import register

        from .models import Call
        from .privacy import provider

        cache.watch(Call)  # the call's public page
        register(provider)  # our personal-data provider joins the youth app's registry (H5)
