"""Factories for the marketplace additions: L'Karfour editions, stands, delivery fees."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from shop.market.models import MarketEdition, Stand
from shop.partner.models import PartnerDeliveryFee

from .directory import province
from .partner import PartnerFactory


class MarketEditionFactory(factory.django.DjangoModelFactory):
    """An edition running today by default (from yesterday to tomorrow)."""

    class Meta:
        model = MarketEdition

    name = factory.Sequence(lambda n: f"L'Karfour {n}")
    slug = factory.Sequence(lambda n: f"lkarfour-{n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=1))
    venue = "Théâtre Mohammed VI, Oujda"


class StandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stand

    edition = factory.SubFactory(MarketEditionFactory)
    partner = factory.SubFactory(PartnerFactory)
    number = factory.Sequence(lambda n: f"{n + 1:02d}")


class DeliveryFeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerDeliveryFee

    partner = factory.SubFactory(PartnerFactory)
    province = factory.LazyFunction(lambda: province("oujda-angad"))
    fee = Decimal("30.00")
