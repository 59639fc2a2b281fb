from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FulfilmentConfig(AppConfig):
    """The creator space's orders: each creator's parts of clients' orders."""

    name = "shop.fulfilment"
    label = "fulfilment"
    verbose_name = _("Fulfilment")
