from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketConfig(AppConfig):
    """L'Karfour, the youth culture market: editions, stands and their QR codes."""

    name = "shop.market"
    label = "market"
    verbose_name = _("L'Karfour market")
