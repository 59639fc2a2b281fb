"""The account's "buy this again" action on an order line: POST only, the owner's lines only."""

import pytest

from tests.factories import ProductFactory, UserFactory
from tests.factories.orders import order_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def order():
    client_a = UserFactory()
    product = ProductFactory(kind="physical", num_in_stock=5)
    return order_of([(product, 1)], user=client_a)


def url(order, line_id):
    return f"/fr/shop/accounts/orders/{order.number}/{line_id}/"


def test_get_is_refused_without_an_error(client, order):
    client.force_login(order.user)

    assert client.get(url(order, order.lines.get().pk)).status_code == 405


def test_the_owner_puts_the_line_back_in_the_basket(client, order):
    client.force_login(order.user)

    response = client.post(url(order, order.lines.get().pk), {"action": "reorder"})

    assert response.status_code == 302
    assert response["Location"].endswith("/shop/basket/")


def test_unknown_lines_and_other_peoples_orders_answer_404(client, order):
    client.force_login(order.user)
    assert client.post(url(order, 999999), {"action": "reorder"}).status_code == 404

    client.force_login(UserFactory())
    assert client.post(url(order, order.lines.get().pk), {"action": "reorder"}).status_code == 404
