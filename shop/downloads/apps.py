from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DownloadsConfig(AppConfig):
    """Download links for the digital products of paid orders."""

    name = "shop.downloads"
    label = "downloads"
    verbose_name = _("Downloads")

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from shop.order import signals as order_signals
        from shop.payment import signals as payment_signals

        from . import receivers

        order_signals.part_paid.connect(
            receivers.grant_downloads, dispatch_uid="downloads.grant_downloads"
        )
        payment_signals.order_refunded.connect(
            receivers.revoke_downloads, dispatch_uid="downloads.revoke_downloads"
        )
