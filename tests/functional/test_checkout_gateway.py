"""The checkout's first step reads in order: email, how to order, then the password that only
returning customers give (optional for the others, asked for clearly when missing)."""

from decimal import Decimal

import pytest
from django.test import Client

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.helpers import text_of

pytestmark = pytest.mark.django_db


def _with_basket():
    client = Client()
    product = ProductFactory(
        kind="physical", partner=PartnerFactory(), price=Decimal("10"), num_in_stock=5
    )
    client.post(f"/fr/shop/basket/add/{product.pk}/", {"quantity": 1})
    return client


def test_the_password_comes_after_the_choice_and_is_optional_for_guests():
    client = _with_basket()
    html = client.get("/fr/shop/checkout/").content.decode()

    assert html.index('name="options"') < html.index('name="password"')
    assert "Mot de passe (clients déjà inscrits)" in html

    response = client.post(
        "/fr/shop/checkout/", {"username": "invite@example.ma", "options": "anonymous"}
    )
    assert response.status_code == 302


def test_a_returning_customer_without_a_password_is_asked_for_it_and_keeps_the_email():
    UserFactory(email="client@example.ma")
    client = _with_basket()

    response = client.post(
        "/fr/shop/checkout/",
        {"username": "client@example.ma", "options": "existing", "password": ""},
    )

    assert response.status_code == 200
    assert "Saisissez votre mot de passe pour vous connecter." in text_of(response)
    assert 'value="client@example.ma"' in response.content.decode()
