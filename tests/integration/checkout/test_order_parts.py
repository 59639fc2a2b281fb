"""After placement: each creator's part (creator space), payment, receipts, services."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from shop.order import services, signals
from shop.order.models import Order, OrderPart
from shop.partner.models import StockRecord
from tests.factories import UserFactory
from tests.factories.orders import order_of
from tests.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db

ORDERS = "/fr/shop/my-shop/orders/"


def fr(message):
    with translation.override("fr"):
        return translation.gettext(message)


def url(name, **kwargs):
    with translation.override("fr"):
        return reverse(name, kwargs=kwargs)


def login(partner):
    client = Client()
    client.force_login(partner.users.get())
    return client


@pytest.fixture
def order(print_a, lamp):
    return order_of([(print_a, 1), (lamp, 2)])


def part_of(order, partner):
    return order.parts.get(partner=partner)


# ---- creator space ---------------------------------------------------------------------
def test_a_creator_lists_only_their_parts(order, salma, karim):
    page = login(salma).get(ORDERS)
    assert page.status_code == 200
    assert [part.pk for part in page.context["parts"]] == [part_of(order, salma).pk]


def test_the_list_runs_the_same_number_of_queries_with_more_orders(salma, print_a, lamp):
    client = login(salma)
    order_of([(print_a, 1)])
    client.get(ORDERS)  # first request: per-process caches (site, permissions)
    few = count_queries(client, ORDERS)
    for _ in range(4):
        order_of([(print_a, 1), (lamp, 1)])
    assert count_queries(client, ORDERS) == few


def test_the_detail_shows_only_the_creators_lines(order, salma, karim):
    part = part_of(order, salma)
    page = login(salma).get(url("creator_orders:detail", pk=part.pk))
    assert page.status_code == 200
    assert [line.title for line in page.context["lines"]] == ["Tirage Oujda"]
    assert "Lampe de scène" not in text_of(page)


def test_another_creators_part_answers_404(order, salma, karim):
    other = part_of(order, karim)
    client = login(salma)
    assert client.get(url("creator_orders:detail", pk=other.pk)).status_code == 404
    response = client.post(url("creator_orders:status", pk=other.pk), {"status": "confirmed"})
    assert response.status_code == 404
    assert client.post(url("creator_orders:paid", pk=other.pk)).status_code == 404
    assert part_of(order, karim).status == "pending"


def test_people_without_a_shop_cannot_enter(order):
    client = Client()
    client.force_login(UserFactory())
    assert client.get(ORDERS).status_code == 403
    assert Client().get(ORDERS).status_code == 302  # to the login page


def test_status_changes_are_post_only_and_follow_the_pipeline(
    order, salma, django_capture_on_commit_callbacks
):
    part = part_of(order, salma)
    client = login(salma)
    status_url = url("creator_orders:status", pk=part.pk)
    assert client.get(status_url).status_code == 405
    # Skipping a step is refused.
    client.post(status_url, {"status": "handed_over"})
    assert OrderPart.objects.get(pk=part.pk).status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        for status in ("confirmed", "ready", "handed_over"):
            response = client.post(status_url, {"status": status})
            assert response.status_code == 302
    part.refresh_from_db()
    assert part.status == "handed_over" and part.status_changed_at
    # The client got one email per change.
    assert len([m for m in mail.outbox if m.to == [order.guest_email]]) == 3
    # Handing over consumed the stock.
    record = StockRecord.objects.get(product__title="Tirage Oujda")
    assert record.num_in_stock == 4 and record.num_allocated == 0


def test_the_creator_marks_a_cash_part_paid(
    order, salma, karim, django_capture_on_commit_callbacks
):
    received = []
    signals.part_paid.connect(
        lambda sender, part, **kw: received.append(part.pk), weak=False, dispatch_uid="h1-test-paid"
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = login(salma).post(url("creator_orders:paid", pk=part_of(order, salma).pk))
            login(salma).post(url("creator_orders:paid", pk=part_of(order, salma).pk))  # twice
    finally:
        signals.part_paid.disconnect(dispatch_uid="h1-test-paid")
    assert response.status_code == 302
    assert part_of(order, salma).paid_at is not None
    assert part_of(order, karim).paid_at is None
    assert Order.objects.get(pk=order.pk).paid_at is None  # Karim's part is not paid yet
    assert received == [part_of(order, salma).pk]


def test_cancelling_needs_a_reason_and_gives_the_stock_back(order, salma):
    part = part_of(order, salma)
    with pytest.raises(ValidationError):
        services.set_part_status(part, "cancelled", by=salma.users.get())
    services.set_part_status(part, "cancelled", by=salma.users.get(), reason="Tirage abîmé")
    part.refresh_from_db()
    assert part.status == "cancelled" and part.cancel_reason == "Tirage abîmé"
    assert StockRecord.objects.get(product__title="Tirage Oujda").num_allocated == 0
    with pytest.raises(ValidationError):
        services.set_part_status(part, "confirmed", by=salma.users.get())


def test_status_signal_is_sent_after_commit(order, salma, django_capture_on_commit_callbacks):
    seen = []
    signals.part_status_changed.connect(
        lambda sender, part, old, new, **kw: seen.append((part.pk, old, new)),
        weak=False,
        dispatch_uid="h1-test-status",
    )
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.set_part_status(part_of(order, salma), "confirmed", by=None)
        assert seen == []
        for callback in callbacks:
            callback()
    finally:
        signals.part_status_changed.disconnect(dispatch_uid="h1-test-status")
    assert seen == [(part_of(order, salma).pk, "pending", "confirmed")]


def test_creator_summary_counts_new_orders(order, salma):
    assert services.creator_summary(salma) == {"new_orders": 1}
    services.set_part_status(part_of(order, salma), "confirmed")
    assert services.creator_summary(salma) == {"new_orders": 0}


def test_mark_order_paid_is_idempotent(order, django_capture_on_commit_callbacks):
    received = []
    signals.part_paid.connect(
        lambda sender, part, **kw: received.append(part.pk),
        weak=False,
        dispatch_uid="h1-test-order-paid",
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert (
                services.mark_order_paid(
                    order, method="card", amount=order.total_incl_tax, reference="pi_123"
                )
                is True
            )
            assert (
                services.mark_order_paid(
                    order, method="card", amount=order.total_incl_tax, reference="pi_123"
                )
                is False
            )
    finally:
        signals.part_paid.disconnect(dispatch_uid="h1-test-order-paid")
    order.refresh_from_db()
    assert order.paid_at and order.payment_reference == "pi_123"
    assert sorted(received) == sorted(order.parts.values_list("pk", flat=True))
    assert order.payment_events.count() == 1


# ---- client side -----------------------------------------------------------------------
def test_the_signed_link_shows_a_guest_their_order(order, salma):
    services.set_part_status(part_of(order, salma), "confirmed")
    link = url("checkout:order-status", number=order.number, hash=order.verification_hash())
    page = Client().get(link)
    assert page.status_code == 200
    assert fr("Confirmed") in text_of(page) and fr("Pending") in text_of(page)
    forged = url("checkout:order-status", number=order.number, hash=f"{order.number}:forged")
    assert Client().get(forged).status_code == 404


def test_the_receipt_is_for_its_client_and_staff_only(order, salma):
    receipt = url("checkout:receipt", number=order.number)
    assert Client().get(receipt).status_code == 404
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(receipt).status_code == 404
    assert login(salma).get(receipt).status_code == 404
    staff = Client()
    staff.force_login(UserFactory(is_staff=True))  # communication staff: no order permission
    assert staff.get(receipt).status_code == 404
    programme_staff = UserFactory(is_staff=True)
    programme_staff.user_permissions.add(
        Permission.objects.get(content_type__app_label="order", codename="view_order")
    )
    staff.force_login(programme_staff)
    assert staff.get(receipt).status_code == 200
    guest = Client()
    session = guest.session
    session["placed_orders"] = [order.number]
    session.save()
    page = guest.get(receipt)
    assert page.status_code == 200
    assert "print-receipt.css" in page.content.decode()


def test_an_account_sees_its_own_receipt(print_a):
    user = UserFactory()
    order = order_of([(print_a, 1)], user=user)
    client = Client()
    client.force_login(user)
    assert client.get(url("checkout:receipt", number=order.number)).status_code == 200
    other = order_of([(print_a, 1)], user=UserFactory())
    assert client.get(url("checkout:receipt", number=other.number)).status_code == 404


def pdf():
    return SimpleUploadedFile("recu.pdf", b"%PDF-1.4\n%fake receipt\n", "application/pdf")


def test_bank_transfer_receipt_upload_and_staff_confirmation(
    print_a, lamp, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    from django.utils.functional import empty

    from core import uploads

    uploads._private._wrapped = empty
    order = order_of([(print_a, 1), (lamp, 1)], payment_method="bank_transfer")
    guest = Client()
    session = guest.session
    session["placed_orders"] = [order.number]
    session.save()
    page = guest.get(url("checkout:receipt", number=order.number))
    assert order.transfer_reference in text_of(page)
    response = guest.post(
        url("checkout:bank-receipt", number=order.number), {"bank_receipt": pdf()}
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.bank_receipt
    # A picture renamed .pdf that is neither is refused.
    bad = SimpleUploadedFile("x.pdf", b"<html>", "application/pdf")
    other = order_of([(print_a, 1)], payment_method="bank_transfer")
    session["placed_orders"] = [order.number, other.number]
    session.save()
    guest.post(url("checkout:bank-receipt", number=other.number), {"bank_receipt": bad})
    other.refresh_from_db()
    assert not other.bank_receipt
    # The file: its client and staff only.
    file_url = url("checkout:bank-receipt-file", number=order.number)
    assert guest.get(file_url).status_code == 200
    assert Client().get(file_url).status_code == 404
    # Staff confirm in the admin: every part becomes paid.
    admin = Client()
    admin.force_login(UserFactory(is_staff=True, is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            "/django-admin/order/order/",
            {"action": "confirm_payment", "_selected_action": [order.pk]},
        )
    assert response.status_code == 302
    change = admin.get(f"/django-admin/order/order/{order.pk}/change/")
    assert change.status_code == 200
    assert file_url in change.content.decode()
    order.refresh_from_db()
    assert order.paid_at is not None
    assert not order.parts.filter(paid_at__isnull=True).exists()
    uploads._private._wrapped = empty


def test_receipt_upload_is_post_only_and_for_the_client(print_a):
    order = order_of([(print_a, 1)], payment_method="bank_transfer")
    upload = url("checkout:bank-receipt", number=order.number)
    assert Client().post(upload, {"bank_receipt": pdf()}).status_code == 404
    guest = Client()
    session = guest.session
    session["placed_orders"] = [order.number]
    session.save()
    assert guest.get(upload).status_code == 405


def test_order_totals_include_each_creators_delivery_fee(print_a, lamp, karim, salma):
    from tests.factories import province

    order = order_of(
        [(print_a, 1), (lamp, 1)],
        choices={str(karim.pk): "delivery"},
        province=province("berkane"),
    )
    assert order.total_incl_tax == Decimal("595.00")  # 200 + 350 + 45
    assert part_of(order, karim).delivery_fee == Decimal("45.00")
    assert part_of(order, salma).delivery_fee == Decimal("0")
