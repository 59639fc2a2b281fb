from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import health, notify
        from youth import privacy as personal_data

        from . import delivery, preferences, privacy, receivers

        receivers.connect()
        notify.register_email_filter(preferences.wants_email)
        health.register("push", delivery.health)  # /healthz: push on, or email only
        personal_data.register(privacy.PushProvider())  # a person's copy or erasure
