import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    name = "shop.partner"

    def ready(self):
        super().ready()
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from core import cache

        from . import stock
        from .models import Partner, PartnerDeliveryFee, StockRecord

        cache.watch(Partner, PartnerDeliveryFee)  # shown on public shop pages
        # Stock movements (orders) only when availability or a low count shows it (stock.py).
        stock.connect(StockRecord)
        cache.watch(StockRecord, unless=stock.unseen_movement)
