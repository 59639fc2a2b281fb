"""Staff refund a card payment from Django's admin: Stripe's refund API is called with an
idempotency key, and the refund is recorded on the payment source and the order."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from shop.downloads.models import DownloadGrant
from shop.order.services import mark_order_paid
from shop.payment import stripe_gateway
from shop.payouts import services as payouts
from tests.factories import ProductFactory, UserFactory
from tests.factories.payments import placed_order

pytestmark = pytest.mark.django_db

CHANGELIST = "/django-admin/payment/source/"


@pytest.fixture
def paid_source(fake_stripe):
    order = placed_order()
    intent = stripe_gateway.get_or_create_payment_intent(order)
    source = stripe_gateway.stripe_source(order)
    source.debit(order.total_incl_tax, reference=intent.id)
    return source


def staff_client(**flags):
    user = UserFactory(is_staff=True, **flags)
    client = Client()
    client.force_login(user)
    return client


def refund_action(client, source):
    return client.post(
        CHANGELIST,
        {"action": "refund_through_stripe", "_selected_action": [source.pk]},
        follow=True,
    )


def test_staff_refund_calls_stripe_and_records_the_refund(fake_stripe, paid_source):
    response = refund_action(staff_client(is_superuser=True), paid_source)

    assert response.status_code == 200
    (call,) = fake_stripe.posts("/v1/refunds")
    _method, _path, headers, params = call
    assert params["payment_intent"] == paid_source.reference
    assert params["amount"] == "25000"
    assert headers["Idempotency-Key"] == f"takafamap-refund-{paid_source.order.number}-0-25000"
    paid_source.refresh_from_db()
    assert paid_source.amount_refunded == Decimal("250.00")
    event = paid_source.order.payment_events.get(event_type__name="Refunded")
    assert event.amount == Decimal("250.00")
    assert event.reference.startswith("re_test_")


def test_a_second_refund_click_refunds_nothing_more(fake_stripe, paid_source):
    client = staff_client(is_superuser=True)
    refund_action(client, paid_source)
    refund_action(client, paid_source)

    assert len(fake_stripe.posts("/v1/refunds")) == 1
    paid_source.refresh_from_db()
    assert paid_source.amount_refunded == Decimal("250.00")


def test_a_partial_refund_then_the_rest(fake_stripe, paid_source):
    stripe_gateway.refund(paid_source, Decimal("100.00"))
    paid_source.refresh_from_db()
    stripe_gateway.refund(paid_source)
    paid_source.refresh_from_db()

    amounts = [call[3]["amount"] for call in fake_stripe.posts("/v1/refunds")]
    assert amounts == ["10000", "15000"]
    assert paid_source.amount_refunded == Decimal("250.00")
    keys = {call[2]["Idempotency-Key"] for call in fake_stripe.posts("/v1/refunds")}
    assert len(keys) == 2


def test_a_refused_refund_records_nothing(fake_stripe, paid_source):
    fake_stripe.fail_with = 402
    with pytest.raises(stripe_gateway.PaymentError):
        stripe_gateway.refund(paid_source)
    paid_source.refresh_from_db()
    assert paid_source.amount_refunded == Decimal("0")
    assert not paid_source.order.payment_events.exists()


def test_an_unpaid_order_cannot_be_refunded(fake_stripe):
    order = placed_order()
    stripe_gateway.get_or_create_payment_intent(order)
    with pytest.raises(stripe_gateway.PaymentError):
        stripe_gateway.refund(stripe_gateway.stripe_source(order))
    assert fake_stripe.posts("/v1/refunds") == []


def test_non_staff_cannot_refund(fake_stripe, paid_source):
    client = Client()
    client.force_login(UserFactory())
    response = client.post(
        CHANGELIST, {"action": "refund_through_stripe", "_selected_action": [paid_source.pk]}
    )
    assert response.status_code == 404  # the Django admin is for superusers only
    assert fake_stripe.posts("/v1/refunds") == []


def test_staff_without_the_change_permission_cannot_refund(fake_stripe, paid_source):
    response = refund_action(staff_client(), paid_source)
    assert response.status_code == 404  # the Django admin is for superusers only
    assert fake_stripe.posts("/v1/refunds") == []


def test_a_full_refund_reverses_the_earnings_and_closes_the_downloads(
    fake_stripe, django_capture_on_commit_callbacks
):
    ebook = ProductFactory(kind="digital", price=Decimal("120.00"))
    ebook.digital_file.save("guide.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    order = placed_order([(ebook, 1)])
    intent = stripe_gateway.get_or_create_payment_intent(order)
    source = stripe_gateway.stripe_source(order)
    with django_capture_on_commit_callbacks(execute=True):
        source.debit(order.total_incl_tax, reference=intent.id)
        mark_order_paid(order, method="card", amount=order.total_incl_tax, reference=intent.id)
    partner = ebook.stockrecords.get().partner
    assert payouts.totals(partner)["balance"] == Decimal("120.00")
    grant = DownloadGrant.objects.get(order=order)
    assert grant.is_usable

    with django_capture_on_commit_callbacks(execute=True):
        stripe_gateway.refund(source, Decimal("20.00"))  # partial: nothing reversed yet
    assert payouts.totals(partner)["balance"] == Decimal("120.00")
    with django_capture_on_commit_callbacks(execute=True):
        stripe_gateway.refund(source)  # the rest

    assert payouts.totals(partner)["balance"] == Decimal("0.00")
    grant.refresh_from_db()
    assert not grant.is_usable
    assert Client().post(grant.get_absolute_url()).status_code == 410
