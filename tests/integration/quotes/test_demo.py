from types import SimpleNamespace

import pytest

from demo.quotes import seed_quotes
from shop.quotes.models import QuoteRequest, Status
from tests.factories import PartnerFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_demo_quotes_cover_every_state_and_are_idempotent():
    client = UserFactory(email="client@example.org")
    salma = PartnerFactory(slug="salma-benali")
    ProductFactory(partner=salma, kind="service")
    PartnerFactory()
    seeder = SimpleNamespace(count=lambda *args, **kwargs: None)
    seed_quotes(seeder)
    mine = QuoteRequest.objects.filter(client=client, partner=salma)
    assert set(mine.values_list("status", flat=True)) == set(Status.values)
    quoted = mine.get(status=Status.QUOTED)
    assert quoted.versions.count() == 2
    accepted = mine.get(status=Status.ACCEPTED)
    assert accepted.accepted_version == accepted.latest_version()
    assert accepted.events.last().to_status == Status.ACCEPTED
    total = QuoteRequest.objects.count()
    seed_quotes(seeder)
    assert QuoteRequest.objects.count() == total
