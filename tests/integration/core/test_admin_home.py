"""The Wagtail admin's home page shows each role what waits for it: orders, quotes without
an answer for more than two days, profiles waiting for approval, the programme's indicators
(each behind its permission, in a fixed number of queries)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import roles
from directory.models import Profile
from shop.quotes.models import QuoteRequest
from tests.factories import ProductFactory, UserFactory
from tests.factories.directory import ProfileFactory
from tests.factories.payments import placed_order
from tests.factories.quotes import QuoteRequestFactory

pytestmark = pytest.mark.django_db

PANELS = ("takafamap-orders", "takafamap-quotes", "takafamap-profiles", "takafamap-indicators")


def _client(group):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def _home(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_programme_staff_see_what_waits_for_them():
    order = placed_order([(ProductFactory(), 1)], payment_method="bank_transfer")
    ProfileFactory(status=Profile.Status.PENDING, name="Studio en attente")
    late = QuoteRequestFactory(product=None, description="Captation du festival")
    QuoteRequest.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(days=3))
    QuoteRequestFactory(product=None, description="Demande du jour")

    html = _home(_client(roles.PROGRAMME_STAFF))

    for panel in PANELS:
        assert panel in html, panel
    assert order.number in html
    assert "Studio en attente" in html
    assert "Captation du festival" in html and "Demande du jour" not in html


@pytest.mark.parametrize("group", [roles.COMMUNICATION, roles.MODERATORS, roles.JURY])
def test_other_staff_do_not_see_the_programme_panels(group):
    placed_order([(ProductFactory(), 1)])
    html = _home(_client(group))
    for panel in PANELS:
        assert panel not in html, panel


def test_the_home_page_runs_a_fixed_number_of_queries():
    client = _client(roles.PROGRAMME_STAFF)
    placed_order([(ProductFactory(), 1)])
    ProfileFactory(status=Profile.Status.PENDING)
    _home(client)
    with CaptureQueriesContext(connection) as few:
        _home(client)
    for _ in range(4):
        placed_order([(ProductFactory(), 1)], user=UserFactory())
        ProfileFactory(status=Profile.Status.PENDING)
        late = QuoteRequestFactory()
        QuoteRequest.objects.filter(pk=late.pk).update(
            created_at=timezone.now() - timedelta(days=5)
        )
    with CaptureQueriesContext(connection) as many:
        _home(client)
    assert len(many) == len(few)
