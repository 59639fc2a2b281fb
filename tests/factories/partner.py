from decimal import Decimal

import factory
from oscar.test.factories import PartnerFactory as OscarPartnerFactory
from oscar.test.factories import StockRecordFactory as OscarStockRecordFactory

from shop.partner.models import Partner, StockRecord

from .directory import ProfileFactory


class PartnerFactory(OscarPartnerFactory):
    """A creator's shop, tied to a directory profile; the profile's owner is in ``users``."""

    class Meta:
        model = Partner
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Boutique {n}")
    slug = factory.Sequence(lambda n: f"boutique-{n}")
    profile = factory.SubFactory(ProfileFactory)
    is_active = True

    @factory.post_generation
    def users(self, create, extracted, **kwargs):
        if not create:
            return
        users = extracted if extracted is not None else [self.profile.user] if self.profile else []
        for user in users:
            if user is not None:
                self.users.add(user)


class StockRecordFactory(OscarStockRecordFactory):
    class Meta:
        model = StockRecord

    partner = factory.SubFactory(PartnerFactory)
    partner_sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    price_currency = "MAD"
    price = Decimal("250.00")
    num_in_stock = 10


def creator_with_shop(**partner_fields):
    """A creator's user with a shop; ``user.shop`` is the Partner (its profile's user)."""
    shop = PartnerFactory(**partner_fields)
    user = shop.profile.user
    user.shop = shop
    return user
