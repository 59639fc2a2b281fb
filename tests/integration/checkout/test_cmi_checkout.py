"""Checkout with CMI on: one "Pay by card" choice, or both card methods labelled; a CMI
order is placed before the redirect, waiting for its card payment, its stock allocated."""

from decimal import Decimal

import pytest

from shop.order.models import Order
from shop.partner.models import StockRecord

from .test_checkout_flow import checkout_to_preview, fill_basket, guest_details, place, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def cmi_on(settings):
    settings.CMI_CLIENT_ID = "600000001"
    settings.CMI_STORE_KEY = "key"
    settings.CMI_GATEWAY_URL = "https://testpayment.cmi.co.ma/fim/est3Dgate"
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    return settings


def method_choices(client, salma, karim):
    from .test_checkout_flow import details_data

    guest_details(client)
    client.post(url("checkout:shipping-address"), details_data(salma, karim))
    page = client.get(url("checkout:payment-method"))
    return [(code, str(label)) for code, label in page.context["form"].fields["method"].choices]


def test_one_card_method_reads_pay_by_card(client, cmi_on, salma, karim, print_a, lamp):
    fill_basket(client, print_a, lamp)
    choices = method_choices(client, salma, karim)
    assert ("cmi", "Payer par carte") in choices
    assert "card" not in dict(choices)


def test_both_card_methods_are_labelled(client, cmi_on, salma, karim, print_a, lamp):
    cmi_on.STRIPE_SECRET_KEY, cmi_on.STRIPE_PUBLISHABLE_KEY = "sk_test_x", "pk_test_x"
    fill_basket(client, print_a, lamp)
    choices = dict(method_choices(client, salma, karim))
    assert choices["cmi"] == "Carte émise au Maroc (CMI, sécurisé par votre banque)"
    assert choices["card"] == "Carte émise à l'étranger (Stripe)"


def test_a_cmi_order_is_placed_awaiting_payment_and_sent_to_the_gateway(
    client, cmi_on, salma, karim, print_a, lamp, django_capture_on_commit_callbacks
):
    fill_basket(client, print_a, lamp)
    checkout_to_preview(client, salma, karim, method="cmi")
    response = place(client, django_capture_on_commit_callbacks)

    order = Order.objects.get()
    assert order.payment_method == "cmi" and not order.is_paid
    assert order.status == Order.AWAITING_CARD_PAYMENT
    assert response.status_code == 302
    assert response.url == url("payment:cmi", number=order.number)
    assert StockRecord.objects.get(product=print_a).num_allocated == 1
    page = client.get(response.url)
    html = page.content.decode()
    assert 'action="https://testpayment.cmi.co.ma/fim/est3Dgate"' in html
    assert f'name="amount" value="{order.total_incl_tax:.2f}"' in html
    assert order.total_incl_tax > Decimal("0")
    # The page's form may go to the gateway (CSP form-action), and nowhere else new.
    csp = page["Content-Security-Policy"]
    form_action = next(d for d in csp.split(";") if d.strip().startswith("form-action"))
    assert "https://testpayment.cmi.co.ma" in form_action
