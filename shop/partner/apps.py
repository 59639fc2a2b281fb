import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    name = "shop.partner"

    def ready(self):
        super().ready()
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from core import cache

        from .models import Partner, PartnerDeliveryFee, StockRecord

        cache.watch(Partner, StockRecord, PartnerDeliveryFee)  # shown on public shop pages
