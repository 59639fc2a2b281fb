from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PayoutsConfig(AppConfig):
    """Creators' earnings on paid orders and the payouts staff record (a ledger)."""

    name = "shop.payouts"
    label = "payouts"
    verbose_name = _("Payouts")

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from shop.creators import summary
        from shop.order import signals as order_signals
        from shop.payment import signals as payment_signals

        from . import receivers, services

        order_signals.part_paid.connect(
            receivers.record_earnings, dispatch_uid="payouts.record_earnings"
        )
        payment_signals.order_refunded.connect(
            receivers.reverse_earnings, dispatch_uid="payouts.reverse_earnings"
        )
        summary.register(services.creator_stats, position=30)  # the balance owed on /shop/my-shop/
