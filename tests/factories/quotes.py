"""Quote requests and quotes (``shop.quotes``)."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from shop.quotes import services
from shop.quotes.models import QuoteRequest, Status

from .catalogue import ProductFactory
from .directory import province
from .partner import PartnerFactory
from .users import UserFactory


class QuoteRequestFactory(factory.django.DjangoModelFactory):
    """A request for the partner's service (``product``), in the requested state."""

    class Meta:
        model = QuoteRequest

    client = factory.SubFactory(UserFactory)
    partner = factory.SubFactory(PartnerFactory)
    product = factory.LazyAttribute(
        lambda o: ProductFactory(partner=o.partner, kind="service", price=None)
    )
    description = ""
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    place = "Théâtre Mohammed VI"
    province = factory.LazyFunction(lambda: province("oujda-angad"))
    brief = "Concert de fin d'année, deux scènes."
    phone = "+212612345678"
    status = Status.REQUESTED


def send_quote(quote_request, *, total="1000.00", deposit=30, days=14, by=None):
    """Send a one-line quote of ``total`` MAD, valid ``days`` days; returns the version."""
    by = by or quote_request.partner.users.first()
    return services.send_quote(
        quote_request,
        by=by,
        lines=[services.LineData("Prestation", Decimal("1"), Decimal(total))],
        deposit_percent=deposit,
        valid_until=timezone.localdate() + timedelta(days=days),
        terms="Acompte à la commande.",
    )


def accepted_request(**kwargs):
    """A request quoted (1000 MAD, 30 % deposit) and accepted by its client."""
    deposit = kwargs.pop("deposit", 30)
    quote_request = QuoteRequestFactory(**kwargs)
    version = send_quote(quote_request, deposit=deposit)
    services.accept(quote_request, version, by=quote_request.client)
    return quote_request
