"""The gateway calls back twice at the same moment (and the browser returns meanwhile):
exactly one payment is recorded. PostgreSQL only: SQLite serialises every writer."""

import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client

from shop.order.models import Order, PaymentMethod
from shop.payment import cmi, cmi_simulator
from shop.payment.models import CmiNotification
from shop.payouts.models import Earning
from tests.factories import ProductFactory
from tests.factories.payments import placed_order

CALLERS = 4


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: row locks (select_for_update) and concurrent writers",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_callbacks_record_one_payment(cmi_on, keep_migrated_rows):
    order = placed_order(
        [(ProductFactory(price=Decimal("120.00")), 1), (ProductFactory(price=Decimal("80.00")), 1)],
        payment_method=PaymentMethod.CMI,
    )
    Order.objects.filter(pk=order.pk).update(status=Order.AWAITING_CARD_PAYMENT)
    attempt = cmi.start_payment(order, "fr")
    form = cmi.payment_form(
        attempt,
        ok_url="http://t/ok",
        fail_url="http://t/fail",
        callback_url="http://t/cb",
        shop_url="http://t/shop",
    )
    fields = cmi_simulator.signed_answer(form, cmi_simulator.APPROVE)
    barrier = threading.Barrier(CALLERS)
    answers = []
    lock = threading.Lock()

    def call(path):
        try:
            barrier.wait(timeout=30)
            response = Client().post(path, fields)
            with lock:
                answers.append((path, response.status_code, response.content))
        finally:
            connection.close()

    paths = ["/payments/cmi/callback/"] * (CALLERS - 1) + ["/payments/cmi/ok/"]
    threads = [threading.Thread(target=call, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    callbacks = sorted(content for path, _s, content in answers if "callback" in path)
    assert callbacks == [b"ACTION=POSTAUTH"] * (CALLERS - 1), answers
    order.refresh_from_db()
    assert order.is_paid
    assert order.payment_events.filter(event_type__name="Paid").count() == 1
    assert cmi.cmi_source(order).amount_debited == Decimal("200.00")
    outcomes = sorted(CmiNotification.objects.values_list("outcome", flat=True))
    assert outcomes == ["paid"] + ["replay"] * (CALLERS - 1)
    assert Earning.objects.filter(order=order).count() == 2
