from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketConfig(AppConfig):
    """L'Karfour, the youth culture market: editions, stands and their QR codes."""

    name = "shop.market"
    label = "market"
    verbose_name = _("L'Karfour market")

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from core import cache

        from .models import MarketEdition, Stand

        cache.watch(MarketEdition, Stand)  # the market's public pages
