"""Staff and CMI card payments in Wagtail's admin: the list with gateway references, a
refund recorded from the CMI back office (reversing the creators' earnings), and the
reconciliation CSV (formula-safe cells)."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from shop.order.models import Order, PaymentMethod
from shop.payment import cmi, cmi_simulator
from shop.payment.models import CmiRefund
from shop.payouts.models import Earning
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.payments import placed_order

pytestmark = pytest.mark.django_db


def staff(*perms):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *[Permission.objects.get(content_type__app_label="payment", codename=p) for p in perms],
    )
    client = Client()
    client.force_login(user)
    return user, client


def paid_cmi_order(capture, items=None, trans_id="T-1"):
    order = placed_order(items, payment_method=PaymentMethod.CMI)
    Order.objects.filter(pk=order.pk).update(status=Order.AWAITING_CARD_PAYMENT)
    attempt = cmi.start_payment(order, "fr")
    form = cmi.payment_form(
        attempt,
        ok_url="http://t/ok",
        fail_url="http://t/f",
        callback_url="http://t/c",
        shop_url="http://t/s",
    )
    fields = cmi_simulator.signed_answer(form, cmi_simulator.APPROVE)
    fields["TransId"] = trans_id
    fields["HASH"] = cmi.compute_hash(fields, cmi.settings.CMI_STORE_KEY)
    with capture(execute=True):
        _note, answer = cmi.handle_notification(fields, "callback")
    assert answer == cmi.CAPTURE
    attempt.refresh_from_db()
    return order, attempt


@pytest.fixture
def paid(cmi_on, django_capture_on_commit_callbacks):
    return paid_cmi_order(
        django_capture_on_commit_callbacks,
        [
            (ProductFactory(price=Decimal("300.00")), 1),
            (ProductFactory(price=Decimal("100.00")), 1),
        ],
    )


def test_staff_see_card_payments_with_their_gateway_references(paid):
    _order, attempt = paid
    _user, client = staff("view_cmipayment")
    page = client.get("/admin/snippets/payment/cmipayment/")
    assert page.status_code == 200
    assert attempt.trans_id in page.content.decode()
    assert client.get("/admin/snippets/payment/cmipayment/add/").status_code in (302, 403)


def test_a_full_refund_recorded_by_staff_reverses_the_creators_earnings(
    paid, django_capture_on_commit_callbacks
):
    order, attempt = paid
    assert Earning.objects.filter(order=order).count() == 2
    _user, client = staff("view_cmipayment", "add_cmirefund")
    url = f"/admin/cmi/refund/{attempt.pk}/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"amount": "400.00", "reference": "RMB-77"})

    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.amount_refunded == Decimal("400.00")
    refund = CmiRefund.objects.get()
    assert (refund.reference, refund.amount) == ("RMB-77", Decimal("400.00"))
    assert order.payment_events.get(event_type__name="Refunded").reference == "RMB-77"
    assert cmi.cmi_source(order).amount_refunded == Decimal("400.00")
    reversals = Earning.objects.filter(order=order, kind=Earning.Kind.REFUND)
    assert reversals.count() == 2
    assert sum(e.gross for e in Earning.objects.filter(order=order)) == 0


def test_a_refund_too_large_or_recorded_twice_is_refused_and_changes_nothing(
    paid, django_capture_on_commit_callbacks
):
    order, attempt = paid
    _user, client = staff("view_cmipayment", "add_cmirefund")
    url = f"/admin/cmi/refund/{attempt.pk}/"
    too_much = client.post(url, {"amount": "400.01", "reference": "R1"})
    assert too_much.status_code == 200 and not CmiRefund.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"amount": "100.00", "reference": "R1"})
        twice = client.post(url, {"amount": "100.00", "reference": "R1"})
    assert twice.status_code == 200
    attempt.refresh_from_db()
    assert attempt.amount_refunded == Decimal("100.00")
    # A partial refund leaves the earnings alone (as a partial Stripe refund does).
    assert not Earning.objects.filter(order=order, kind=Earning.Kind.REFUND).exists()


def test_only_staff_with_the_permission_record_refunds(paid):
    _order, attempt = paid
    _user, viewer = staff("view_cmipayment")
    assert viewer.get(f"/admin/cmi/refund/{attempt.pk}/").status_code in (302, 403)
    creator = Client()
    creator.force_login(PartnerFactory().users.first())
    assert creator.post(
        f"/admin/cmi/refund/{attempt.pk}/", {"amount": "1", "reference": "X"}
    ).status_code in (302, 403)
    assert not CmiRefund.objects.exists()


def test_the_reconciliation_csv_lists_date_order_amount_transid_status_safely(
    cmi_on, django_capture_on_commit_callbacks
):
    order, attempt = paid_cmi_order(
        django_capture_on_commit_callbacks, trans_id="=cmd|' /C calc'!A0"
    )
    _user, client = staff("view_cmipayment")
    assert client.get("/admin/cmi/").status_code == 200
    response = client.get("/admin/cmi/?format=csv&start=&end=")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Date",
        "Commande",
        "Montant (MAD)",
        "TransId",
        "Statut",
        "Référence de commande CMI",
        "Remboursé (MAD)",
    ]
    (row,) = rows[1:]
    assert row[1] == order.number
    assert row[2] == "250.00"
    assert row[3] == "'=cmd|' /C calc'!A0"  # never run as a formula
    assert row[4] == "Validé"  # "Approved", in the staff's language
    assert row[5] == attempt.oid
    outsider = Client()
    outsider.force_login(UserFactory())
    assert outsider.get("/admin/cmi/?format=csv").status_code in (302, 403)
