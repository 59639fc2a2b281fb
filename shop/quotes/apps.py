from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuotesConfig(AppConfig):
    """Quotes for services: a client asks, the creator answers with a priced quote."""

    name = "shop.quotes"
    label = "quotes"
    verbose_name = _("Quotes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from shop.creators import summary

        from . import receivers, services

        receivers.connect()
        summary.register(
            services.creator_stats, position=20
        )  # open quote requests on /shop/my-shop/
