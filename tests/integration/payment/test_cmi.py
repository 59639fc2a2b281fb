"""CMI card payments at the HTTP boundary: the signed form to the gateway, the gateway's
callback and the browser's return (answered by the local simulator's signing code), each
with exactly one payment recorded or none; declines, retries, switching method, expiry."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from shop.order.models import Order, OrderPart, PaymentMethod
from shop.payment import cmi, cmi_simulator
from shop.payment.models import CmiNotification, CmiPayment
from shop.payouts.models import Earning
from shop.quotes.models import QuoteRequest
from shop.quotes.models import Status as QuoteStatus
from tests.factories import ProductFactory
from tests.factories.payments import placed_order
from tests.factories.quotes import accepted_request

from .conftest import CMI_STORE_KEY


@pytest.fixture(autouse=True)
def _site_address(settings):
    """The site's address differs from the request's host (testserver): links must use it."""
    settings.BASE_URL = "https://takafamap.ma"


pytestmark = pytest.mark.django_db

CALLBACK = "/payments/cmi/callback/"
OK = "/payments/cmi/ok/"
FAIL = "/payments/cmi/fail/"


def cmi_order(items=None):
    order = placed_order(items, payment_method=PaymentMethod.CMI)
    order.status = Order.AWAITING_CARD_PAYMENT
    order.save(update_fields=["status"])
    return order


def guest_client(*orders):
    client = Client()
    session = client.session
    session["placed_orders"] = [order.number for order in orders]
    session.save()
    return client


def form_fields(client, order):
    """The hidden fields of the pay page's form (what the browser posts to the gateway)."""
    page = client.get(f"/fr/shop/pay/{order.number}/cmi/")
    assert page.status_code == 200
    html = page.content.decode()
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)), html


def answer(order, decision="approve", client=None, **changes):
    """What the gateway sends back for the order's current attempt, signed."""
    client = client or guest_client(order)
    fields, _html = form_fields(client, order)
    signed = cmi_simulator.signed_answer(
        {k: v.replace("&amp;", "&") for k, v in fields.items()}, decision
    )
    if changes:
        signed.update(changes)
        signed["HASH"] = cmi.compute_hash(signed, CMI_STORE_KEY)
    return signed


def call_back(fields, capture=None):
    client = Client(enforce_csrf_checks=True)
    if capture is None:
        return client.post(CALLBACK, fields)
    with capture(execute=True):
        return client.post(CALLBACK, fields)


def paid_events(order):
    return order.payment_events.filter(event_type__name="Paid")


@pytest.fixture
def two_creators_order(cmi_on):
    return cmi_order(
        [(ProductFactory(price=Decimal("300.00")), 1), (ProductFactory(price=Decimal("50.00")), 2)]
    )


def test_the_pay_page_posts_a_signed_form_with_the_exact_total(cmi_on, two_creators_order):
    order = two_creators_order
    fields, html = form_fields(guest_client(order), order)

    assert 'action="/payments/cmi-simulator/"' in html
    assert fields["amount"] == "400.00"
    assert fields["currency"] == "504"
    assert fields["clientid"] == "600000001"
    assert fields["oid"] == f"{order.number}-1"
    assert fields["storetype"] == "3D_PAY_HOSTING"
    assert fields["hashAlgorithm"] == "ver3"
    assert fields["TranType"] == "PreAuth"
    assert fields["lang"] == "fr"
    assert fields["encoding"] == "UTF-8"
    assert fields["callbackUrl"] == "https://takafamap.ma/payments/cmi/callback/"
    assert fields["okUrl"] == "https://takafamap.ma/payments/cmi/ok/"
    assert fields["failUrl"] == "https://takafamap.ma/payments/cmi/fail/"
    assert fields["email"] == "client@example.ma"
    assert cmi.verify_hash({k: v.replace("&amp;", "&") for k, v in fields.items()}, CMI_STORE_KEY)
    # A reload reuses the attempt waiting for the bank.
    again, _html = form_fields(guest_client(order), order)
    assert again["oid"] == fields["oid"]
    assert CmiPayment.objects.filter(order=order).count() == 1


def test_only_the_owner_sees_the_pay_page_and_it_is_off_without_cmi(
    cmi_on, two_creators_order, settings
):
    order = two_creators_order
    assert Client().get(f"/fr/shop/pay/{order.number}/cmi/").status_code == 404
    settings.CMI_STORE_KEY = ""
    assert guest_client(order).get(f"/fr/shop/pay/{order.number}/cmi/").status_code == 404
    off = Client().post(CALLBACK, {"oid": "x"})
    assert (off.status_code, off.content) == (503, b"FAILURE")


def test_an_approved_callback_pays_the_order_once_and_captures(
    cmi_on, two_creators_order, django_capture_on_commit_callbacks
):
    order = two_creators_order
    fields = answer(order)
    response = call_back(fields, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"ACTION=POSTAUTH"
    order.refresh_from_db()
    assert order.is_paid and order.payment_method == "cmi"
    assert order.payment_reference == fields["TransId"]
    assert order.status == ""
    assert all(part.is_paid for part in order.parts.all())
    assert paid_events(order).get().amount == Decimal("400.00")
    attempt = CmiPayment.objects.get(order=order)
    assert (attempt.status, attempt.trans_id) == ("approved", fields["TransId"])
    assert attempt.masked_pan and attempt.card_brand == "VISA"
    source = cmi.cmi_source(order)
    assert source.amount_debited == Decimal("400.00") and source.reference == fields["TransId"]
    assert Earning.objects.filter(order=order).count() == 2  # both creators' lines


def test_a_replayed_callback_has_no_second_effect(
    cmi_on, two_creators_order, django_capture_on_commit_callbacks
):
    order = two_creators_order
    fields = answer(order)
    first = call_back(fields, django_capture_on_commit_callbacks)
    second = call_back(fields, django_capture_on_commit_callbacks)

    assert first.content == second.content == b"ACTION=POSTAUTH"
    assert paid_events(order).count() == 1
    assert cmi.cmi_source(order).amount_debited == Decimal("400.00")
    assert Earning.objects.filter(order=order).count() == 2
    outcomes = list(CmiNotification.objects.order_by("pk").values_list("outcome", flat=True))
    assert outcomes == ["paid", "replay"]
    # Each call is kept, without the client's contact details the gateway echoes.
    kept = CmiNotification.objects.first().fields
    assert kept["TransId"] == fields["TransId"] and kept["oid"] == fields["oid"]
    assert not {"email", "tel", "BillToName"} & set(kept)


def test_a_forged_hash_records_nothing_and_answers_failure(cmi_on, two_creators_order):
    order = two_creators_order
    fields = answer(order)
    fields["HASH"] = fields["HASH"][:-4] + "AAA="
    response = call_back(fields)

    assert response.content == b"FAILURE"
    order.refresh_from_db()
    assert not order.is_paid and paid_events(order).count() == 0
    assert CmiPayment.objects.get(order=order).status == "pending"
    note = CmiNotification.objects.get()
    assert (note.outcome, note.hash_valid) == ("forged", False)


def test_a_changed_amount_without_the_store_key_is_forged(cmi_on, two_creators_order):
    order = two_creators_order
    fields = answer(order)
    fields["amount"] = "4.00"
    assert call_back(fields).content == b"FAILURE"
    assert paid_events(order).count() == 0


def test_a_signed_answer_with_the_wrong_amount_records_no_payment(cmi_on, two_creators_order):
    order = two_creators_order
    response = call_back(answer(order, amount="399.99"))

    assert response.content == b"FAILURE"
    order.refresh_from_db()
    assert not order.is_paid and paid_events(order).count() == 0
    assert CmiNotification.objects.get().outcome == "amount_mismatch"


def test_an_unknown_order_records_no_payment(cmi_on, two_creators_order):
    order = two_creators_order
    response = call_back(answer(order, oid="999999-1"))

    assert response.content == b"FAILURE"
    assert paid_events(order).count() == 0
    assert CmiNotification.objects.get().outcome == "unknown_order"


def test_the_return_before_the_callback_records_once_and_lands_on_thank_you(
    cmi_on, two_creators_order, django_capture_on_commit_callbacks
):
    order = two_creators_order
    client = guest_client(order)
    fields = answer(order, client=client)
    with django_capture_on_commit_callbacks(execute=True):
        back = client.post(OK, fields)
    assert back.status_code == 302
    assert back.url == f"/fr/shop/pay/{order.number}/cmi/result/"
    result = client.get(back.url)
    assert result.status_code == 302 and result.url == "/fr/shop/checkout/thank-you/"
    thanks = client.get(result.url)
    assert thanks.status_code == 200 and order.number in thanks.content.decode()

    # The gateway's callback arrives afterwards: acknowledged, captured, not recorded again.
    assert call_back(fields, django_capture_on_commit_callbacks).content == b"ACTION=POSTAUTH"
    assert paid_events(order).count() == 1
    assert Earning.objects.filter(order=order).count() == 2


def test_the_callback_before_the_return_records_once(
    cmi_on, two_creators_order, django_capture_on_commit_callbacks
):
    order = two_creators_order
    client = guest_client(order)
    fields = answer(order, client=client)
    call_back(fields, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        back = client.post(OK, fields)
    assert client.get(back.url).url == "/fr/shop/checkout/thank-you/"
    assert paid_events(order).count() == 1
    outcomes = set(CmiNotification.objects.values_list("channel", "outcome"))
    assert outcomes == {("callback", "paid"), ("return", "replay")}


def test_an_unsigned_return_is_not_trusted(cmi_on, two_creators_order):
    order = two_creators_order
    client = guest_client(order)
    fields = answer(order, client=client)
    fields["HASH"] = "forged"
    back = client.post(OK, fields)
    page = client.get(back.url)

    assert page.status_code == 200
    assert 'data-payment-state="processing"' in page.content.decode()
    order.refresh_from_db()
    assert not order.is_paid


def test_a_declined_card_leaves_the_order_unpaid_and_offers_retry_and_switch(
    cmi_on, two_creators_order
):
    order = two_creators_order
    client = guest_client(order)
    fields = answer(order, "decline", client=client)
    assert call_back(fields).content == b"APPROVED"  # acknowledged, nothing to capture
    back = client.post(FAIL, fields)
    page = client.get(back.url).content.decode()

    order.refresh_from_db()
    assert not order.is_paid and paid_events(order).count() == 0
    assert order.payment_events.filter(event_type__name="Declined").count() == 1
    assert 'data-payment-state="declined"' in page
    assert f'href="/fr/shop/pay/{order.number}/cmi/"' in page  # retry
    assert 'value="cash"' in page and 'value="bank_transfer"' in page
    # A replayed decline is not a second event.
    call_back(fields)
    assert order.payment_events.filter(event_type__name="Declined").count() == 1

    # Retrying makes a new attempt (a new oid), which can then be approved.
    retry, _html = form_fields(client, order)
    assert retry["oid"] == f"{order.number}-2"
    assert call_back(answer(order, client=client)).content == b"ACTION=POSTAUTH"
    order.refresh_from_db()
    assert order.is_paid and paid_events(order).count() == 1


def test_a_late_decline_after_an_approval_changes_nothing(cmi_on, two_creators_order):
    order = two_creators_order
    approved = answer(order)
    declined = answer(order, ProcReturnCode="05", Response="Declined", TransId="LATE1")
    call_back(approved)
    assert call_back(declined).content == b"APPROVED"
    attempt = CmiPayment.objects.get(order=order)
    assert (attempt.status, attempt.trans_id) == ("approved", approved["TransId"])
    order.refresh_from_db()
    assert order.is_paid and paid_events(order).count() == 1


def test_an_approval_after_a_decline_of_the_same_attempt_pays(cmi_on, two_creators_order):
    order = two_creators_order
    declined = answer(order, "decline")
    call_back(declined)
    # The signed approval of that same attempt (oid) wins over its decline.
    assert call_back(answer(order, oid=declined["oid"])).content == b"ACTION=POSTAUTH"
    assert CmiPayment.objects.get(oid=declined["oid"]).status == "approved"
    order.refresh_from_db()
    assert order.is_paid and paid_events(order).count() == 1


def test_the_client_can_switch_to_cash_after_a_decline(cmi_on, two_creators_order):
    order = two_creators_order
    client = guest_client(order)
    call_back(answer(order, "decline", client=client))
    response = client.post(f"/fr/shop/pay/{order.number}/cmi/switch/", {"method": "cash"})

    assert response.status_code == 302 and response.url == "/fr/shop/checkout/thank-you/"
    order.refresh_from_db()
    assert order.payment_method == "cash" and order.status == ""
    # Nothing else than cash or transfer, and not for someone else.
    assert (
        client.post(f"/fr/shop/pay/{order.number}/cmi/switch/", {"method": "card"}).status_code
        == 400
    )
    stranger = Client().post(f"/fr/shop/pay/{order.number}/cmi/switch/", {"method": "cash"})
    assert stranger.status_code == 404


def test_abandoning_on_the_gateway_offers_retry(cmi_on, two_creators_order):
    order = two_creators_order
    client = guest_client(order)
    fields, _html = form_fields(client, order)
    fields = {k: v.replace("&amp;", "&") for k, v in fields.items()}
    response = client.post("/payments/cmi-simulator/decide/", {**fields, "decision": "abandon"})
    assert response.status_code == 302
    assert response.url == f"https://takafamap.ma/fr/shop/pay/{order.number}/cmi/result/?left=1"
    page = client.get(response.url).content.decode()
    assert 'data-payment-state="abandoned"' in page and 'id="cmi-retry"' in page


def test_unpaid_orders_are_released_after_the_time_limit(
    cmi_on, django_capture_on_commit_callbacks
):
    order = cmi_order(
        [
            (ProductFactory(kind="physical", price=Decimal("90.00"), num_in_stock=3), 2),
            (ProductFactory(kind="physical", price=Decimal("40.00"), num_in_stock=1), 1),
        ]
    )
    client = guest_client(order)
    fields = answer(order, client=client)
    for line in order.lines.select_related("stockrecord"):
        line.stockrecord.allocate(line.quantity)
        assert line.stockrecord.num_allocated == line.quantity
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(minutes=61))
    fresh = cmi_order()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("release_unpaid_card_orders", stdout=(out := __import__("io").StringIO()))

    assert "1 unpaid card order(s) released." in out.getvalue()
    order.refresh_from_db()
    fresh.refresh_from_db()
    assert order.status == Order.CARD_PAYMENT_EXPIRED
    assert fresh.status == Order.AWAITING_CARD_PAYMENT
    assert set(order.parts.values_list("status", flat=True)) == {OrderPart.Status.CANCELLED}
    for line in order.lines.select_related("stockrecord"):
        assert line.stockrecord.num_allocated == 0
    assert CmiPayment.objects.get(order=order).status == "abandoned"
    page = client.get(f"/fr/shop/pay/{order.number}/cmi/result/").content.decode()
    assert 'data-payment-state="expired"' in page

    # The bank's approval arrives after the release: acknowledged, not captured, not paid.
    assert call_back(fields).content == b"APPROVED"
    order.refresh_from_db()
    assert not order.is_paid and paid_events(order).count() == 0
    assert CmiPayment.objects.get(order=order).status == "not_captured"


def test_the_simulator_posts_the_signed_callback_then_returns_the_browser(
    cmi_on, two_creators_order, monkeypatch, django_capture_on_commit_callbacks
):
    order = two_creators_order
    client = guest_client(order)
    calls = []

    def poster(url, data):
        calls.append(url)
        response = Client().post(url.replace("https://takafamap.ma", ""), data)
        return response.status_code, response.content.decode()

    monkeypatch.setattr(cmi_simulator, "CALLBACK_POSTER", poster)
    fields, _html = form_fields(client, order)
    fields = {k: v.replace("&amp;", "&") for k, v in fields.items()}
    page = client.post("/payments/cmi-simulator/", fields)
    assert page.status_code == 200 and "400.00 MAD" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        back = client.post("/payments/cmi-simulator/decide/", {**fields, "decision": "approve"})

    assert calls == ["https://takafamap.ma/payments/cmi/callback/"]
    html = back.content.decode()
    assert 'action="https://takafamap.ma/payments/cmi/ok/"' in html
    assert "ACTION=POSTAUTH" in html
    order.refresh_from_db()
    assert order.is_paid and paid_events(order).count() == 1


def test_the_simulator_refuses_a_badly_signed_request_and_is_off_in_production(
    cmi_on, two_creators_order, settings
):
    order = two_creators_order
    fields, _html = form_fields(guest_client(order), order)
    fields["amount"] = "1.00"
    assert Client().post("/payments/cmi-simulator/", fields).status_code == 400
    settings.CMI_SIMULATOR = False
    settings.DEBUG = False
    off = Client().post("/payments/cmi-simulator/", fields, follow=True)
    assert off.status_code == 404 and b"sim-actions" not in off.content


def test_healthz_reports_cmi_and_the_methods_on(cmi_on):
    cmi_on.HEALTHZ_TOKEN = "monitor-token-for-the-test"  # the details are for monitors
    client = Client(HTTP_AUTHORIZATION="Bearer monitor-token-for-the-test")
    payments = client.get("/healthz").json()["payments"]
    assert payments["cmi"] is True
    assert "cmi" in payments["methods"]


def test_a_quote_deposit_paid_by_card_moves_the_quote_on(
    cmi_on, django_capture_on_commit_callbacks
):
    quote_request = accepted_request()
    order = cmi_order([(ProductFactory(partner=quote_request.partner, price=Decimal("900")), 1)])
    QuoteRequest.objects.filter(pk=quote_request.pk).update(order=order)

    assert call_back(answer(order), django_capture_on_commit_callbacks).content == (
        b"ACTION=POSTAUTH"
    )
    quote_request.refresh_from_db()
    assert quote_request.status == QuoteStatus.DEPOSIT_PAID
