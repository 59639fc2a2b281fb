"""One availability rule at add-to-basket, at every checkout step and at order placement
(issue 20, item 2): hidden, hidden by staff, suspended shop, vacation, out of stock, quote."""

from decimal import Decimal

import pytest
from django.utils import timezone, translation
from oscar.apps.order.exceptions import UnableToPlaceOrder

from shop.catalogue.models import Product
from shop.order.models import Order
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.orders import basket_with, place

from .test_checkout_flow import BASKET_ADD, checkout_to_preview, fill_basket, url

pytestmark = pytest.mark.django_db


def _hide(product):
    product.is_public = False
    product.save()


def _staff_hide(product):
    Product.objects.filter(pk=product.pk).update(is_public=False, staff_hidden_at=timezone.now())


def _suspend(product):
    partner = product.stockrecords.get().partner
    partner.is_active = False
    partner.save()


def _vacation(product):
    partner = product.stockrecords.get().partner
    partner.on_vacation = True
    partner.save()


def _sold_out(product):
    product.stockrecords.update(num_in_stock=0)


def _on_quote(product):
    Product.objects.filter(pk=product.pk).update(price_kind=Product.PriceKind.QUOTE)


STATES = {
    "hidden": _hide,
    "hidden_by_staff": _staff_hide,
    "suspended_shop": _suspend,
    "vacation": _vacation,
    "sold_out": _sold_out,
    "priced_on_quote": _on_quote,
}


@pytest.fixture
def product():
    return ProductFactory(
        kind="physical", partner=PartnerFactory(), price=Decimal("100.00"), num_in_stock=3
    )


@pytest.mark.parametrize("state", STATES)
def test_add_to_basket_refuses_a_product_that_cannot_be_bought(client, product, state):
    STATES[state](product)

    response = client.post(BASKET_ADD.format(product.pk), {"quantity": 1})

    assert response.status_code in (302, 404)
    assert client.get(url("basket:summary")).context["basket"].num_items == 0


@pytest.mark.parametrize("state", STATES)
def test_every_checkout_step_sends_the_client_back_to_the_basket(
    client, salma, karim, print_a, lamp, state
):
    fill_basket(client, print_a, lamp)
    checkout_to_preview(client, salma, karim)
    STATES[state](lamp)

    for step in ("checkout:shipping-address", "checkout:payment-method", "checkout:preview"):
        response = client.get(url(step))
        assert response.status_code == 302, step
        assert response.url == url("basket:summary"), step
    response = client.post(url("checkout:preview"), {"action": "place_order"})
    assert response.status_code == 302
    assert response.url == url("basket:summary")
    assert not Order.objects.exists()


@pytest.mark.parametrize("state", STATES)
def test_order_placement_refuses_it_on_the_locked_rows(product, state):
    basket = basket_with([(product, 1)])
    STATES[state](product)

    with pytest.raises(UnableToPlaceOrder):
        place(basket)
    assert not Order.objects.exists()


def test_the_basket_says_why(client, product):
    fill_basket(client, product)
    _vacation(product)

    response = client.get(url("checkout:shipping-address"), follow=True)

    with translation.override("fr"):
        expected = translation.gettext("The creator is away: orders resume soon.")
    assert expected in response.content.decode()
