"""Stripe's webhook: signature checked on the raw body, each event applied once, and
``payment_intent.succeeded`` with the right amount is what marks a card order paid."""

import json
import time
from decimal import Decimal

import pytest
import stripe
from django.test import Client

from shop.order.models import OrderNote
from shop.payment import stripe_gateway
from shop.payment.models import StripeEvent
from shop.payouts.models import Earning
from tests.factories import ProductFactory
from tests.factories.payments import intent_event, placed_order

from .conftest import WEBHOOK_SECRET

pytestmark = pytest.mark.django_db

URL = "/payments/stripe/webhook/"


def deliver(event, *, secret=WEBHOOK_SECRET, timestamp=None, client=None):
    payload = json.dumps(event)
    header = stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp)
    client = client or Client(enforce_csrf_checks=True)
    return client.post(
        URL, data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )


@pytest.fixture
def card_order(fake_stripe):
    """An unpaid card order of two creators' products, with its PaymentIntent."""
    order = placed_order(
        [(ProductFactory(price=Decimal("300.00")), 1), (ProductFactory(price=Decimal("50.00")), 2)]
    )
    intent = stripe_gateway.get_or_create_payment_intent(order)
    return order, fake_stripe.intent(intent.id)


def test_payment_succeeded_marks_the_order_and_every_part_paid(
    card_order, django_capture_on_commit_callbacks
):
    order, intent = card_order
    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(intent_event(intent))

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.is_paid
    assert order.payment_method == "card"
    assert order.payment_reference == intent["id"]
    assert all(part.is_paid for part in order.parts.all())
    assert stripe_gateway.stripe_source(order).amount_debited == Decimal("400.00")
    assert order.payment_events.filter(amount=Decimal("400.00")).count() == 1
    record = StripeEvent.objects.get()
    assert (record.order, record.outcome) == (order, StripeEvent.PROCESSED)
    # The paid parts reached the payouts ledger (part_paid signal).
    assert Earning.objects.filter(order=order).count() == 2


def test_the_same_event_twice_has_one_effect(card_order, django_capture_on_commit_callbacks):
    order, intent = card_order
    event = intent_event(intent)
    with django_capture_on_commit_callbacks(execute=True):
        first = deliver(event)
        second = deliver(event)

    assert first.status_code == second.status_code == 200
    assert StripeEvent.objects.count() == 1
    assert order.payment_events.count() == 1
    assert stripe_gateway.stripe_source(order).amount_debited == Decimal("400.00")
    assert Earning.objects.filter(order=order).count() == 2


def test_a_second_success_event_for_the_same_payment_changes_nothing(
    card_order, django_capture_on_commit_callbacks
):
    order, intent = card_order
    with django_capture_on_commit_callbacks(execute=True):
        deliver(intent_event(intent))
        deliver(intent_event(intent))  # another event id, same PaymentIntent

    assert StripeEvent.objects.filter(outcome=StripeEvent.IGNORED).count() == 1
    assert stripe_gateway.stripe_source(order).amount_debited == Decimal("400.00")
    assert order.payment_events.count() == 1


@pytest.mark.parametrize("how", ["wrong_secret", "stale", "tampered", "missing_header", "not_json"])
def test_a_forged_or_stale_event_is_refused_with_400_and_changes_nothing(card_order, how):
    order, intent = card_order
    event = intent_event(intent)
    client = Client(enforce_csrf_checks=True)
    if how == "wrong_secret":
        response = deliver(event, secret="whsec_someone_else")
    elif how == "stale":
        response = deliver(event, timestamp=int(time.time()) - 600)
    elif how == "tampered":
        payload = json.dumps(event)
        header = stripe.WebhookSignature.generate_signature_header(payload, WEBHOOK_SECRET)
        forged = payload.replace(intent["id"], intent["id"] + " ")
        response = client.post(
            URL, data=forged, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
        )
    elif how == "missing_header":
        response = client.post(URL, data=json.dumps(event), content_type="application/json")
    else:
        payload = "not json at all"
        header = stripe.WebhookSignature.generate_signature_header(payload, WEBHOOK_SECRET)
        response = client.post(
            URL, data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
        )

    assert response.status_code == 400
    order.refresh_from_db()
    assert not order.is_paid
    assert StripeEvent.objects.count() == 0


def test_without_a_webhook_secret_nothing_is_accepted(card_order, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    order, intent = card_order
    response = deliver(intent_event(intent), secret="")
    assert response.status_code == 400
    order.refresh_from_db()
    assert not order.is_paid


def test_the_webhook_only_takes_post(fake_stripe):
    assert Client().get(URL).status_code == 405


@pytest.mark.parametrize(
    "changes",
    [{"amount_received": 100, "amount": 100}, {"currency": "eur"}],
    ids=["amount", "currency"],
)
def test_a_payment_of_another_amount_is_recorded_and_does_not_mark_paid(card_order, changes):
    order, intent = card_order
    response = deliver(intent_event(intent, **changes))

    assert response.status_code == 200
    order.refresh_from_db()
    assert not order.is_paid
    assert StripeEvent.objects.get().outcome == StripeEvent.AMOUNT_MISMATCH


def test_an_event_for_an_unknown_payment_is_recorded_and_ignored(card_order):
    order, intent = card_order
    stranger = {**intent, "id": "pi_not_ours", "metadata": {"order_number": order.number}}
    response = deliver(intent_event(stranger))

    assert response.status_code == 200
    order.refresh_from_db()
    assert not order.is_paid
    assert StripeEvent.objects.get().outcome == StripeEvent.UNKNOWN_ORDER


def test_metadata_naming_another_order_is_ignored(card_order):
    order, intent = card_order
    other = placed_order()
    response = deliver(intent_event({**intent, "metadata": {"order_number": other.number}}))
    assert response.status_code == 200
    order.refresh_from_db()
    assert not order.is_paid
    assert StripeEvent.objects.get().outcome == StripeEvent.UNKNOWN_ORDER


def test_a_failed_payment_leaves_a_note_and_the_order_unpaid(card_order):
    order, intent = card_order
    event = intent_event(
        intent,
        "payment_intent.payment_failed",
        status="requires_payment_method",
        last_payment_error={"code": "card_declined", "message": "Your card was declined."},
    )
    response = deliver(event)

    assert response.status_code == 200
    order.refresh_from_db()
    assert not order.is_paid
    note = OrderNote.objects.get(order=order)
    assert "Your card was declined." in note.message


def test_a_failure_arriving_after_the_success_changes_nothing(
    card_order, django_capture_on_commit_callbacks
):
    order, intent = card_order
    failed = intent_event(intent, "payment_intent.payment_failed", status="requires_payment_method")
    with django_capture_on_commit_callbacks(execute=True):
        deliver(intent_event(intent))
        response = deliver(failed)

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.is_paid
    assert not OrderNote.objects.filter(order=order).exists()
    assert StripeEvent.objects.get(event_id=failed["id"]).outcome == StripeEvent.IGNORED


def test_a_success_after_an_earlier_failure_marks_the_order_paid(
    card_order, django_capture_on_commit_callbacks
):
    order, intent = card_order
    with django_capture_on_commit_callbacks(execute=True):
        deliver(intent_event(intent, "payment_intent.payment_failed"))
        deliver(intent_event(intent))
    order.refresh_from_db()
    assert order.is_paid


def test_other_event_types_are_recorded_and_acknowledged(card_order):
    order, intent = card_order
    response = deliver(intent_event(intent, "payment_intent.created"))
    assert response.status_code == 200
    assert StripeEvent.objects.get().event_type == "payment_intent.created"
    order.refresh_from_db()
    assert not order.is_paid


def test_the_return_page_shows_paid_once_the_webhook_confirmed(
    card_order, django_capture_on_commit_callbacks
):
    order, intent = card_order
    client = Client()
    session = client.session
    session["placed_orders"] = [order.number]
    session.save()
    url = f"/fr/shop/pay/{order.number}/card/return/"
    assert 'data-payment-state="processing"' in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        deliver(intent_event(intent))
    page = client.get(url).content.decode()
    assert 'data-payment-state="paid"' in page
