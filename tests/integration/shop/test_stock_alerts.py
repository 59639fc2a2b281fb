"""Stock alert sign-ups are limited, confirmed by the address's owner and tell nothing about
who signed up (issue 20, item 7)."""

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from oscar.core.loading import get_model

from shop.catalogue.models import Product
from tests.factories import PartnerFactory, ProductFactory

pytestmark = pytest.mark.django_db

ProductAlert = get_model("customer", "ProductAlert")


@pytest.fixture
def product():
    return ProductFactory(
        kind="physical", partner=PartnerFactory(), price=Decimal("10"), num_in_stock=0
    )


def alert_url(product):
    return f"/fr/shop/accounts/alerts/create/{product.pk}/"


def test_one_visitor_cannot_sign_up_a_dozen_addresses(client, product):
    answers = [
        client.post(alert_url(product), {"email": f"x{n}@example.ma"}, REMOTE_ADDR="10.3.0.1")
        for n in range(12)
    ]

    assert [a.status_code for a in answers[:5]] == [302] * 5
    assert {a.status_code for a in answers[5:]} == {429}
    assert ProductAlert.objects.count() == 5
    assert len(mail.outbox) == 5


def test_one_address_is_limited_whatever_its_spelling_and_the_ip(product):
    spellings = ["nour@example.ma", "NOUR@example.ma", " Nour@Example.ma", "nour@EXAMPLE.MA"]
    answers = [
        Client().post(alert_url(product), {"email": email}, REMOTE_ADDR=f"10.4.0.{n}")
        for n, email in enumerate(spellings)
    ]

    assert answers[-1].status_code == 429


def test_an_alert_waits_for_its_owner_to_confirm_it(client, product):
    client.post(alert_url(product), {"email": "nour@example.ma"})

    alert = ProductAlert.objects.get()
    assert alert.status == ProductAlert.UNCONFIRMED
    [email] = mail.outbox
    assert email.to == ["nour@example.ma"]


def test_a_known_and_an_unknown_address_get_the_same_answer(product):
    Client().post(alert_url(product), {"email": "known@example.ma"}, REMOTE_ADDR="10.5.0.1")
    mail.outbox.clear()

    known = Client().post(alert_url(product), {"email": "known@example.ma"}, REMOTE_ADDR="10.5.0.2")
    unknown = Client().post(alert_url(product), {"email": "new@example.ma"}, REMOTE_ADDR="10.5.0.3")

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    known_text = [str(m) for m in get_messages(known.wsgi_request)]
    unknown_text = [str(m) for m in get_messages(unknown.wsgi_request)]
    assert known_text == unknown_text
    assert "known@example.ma" not in " ".join(known_text)
    assert [m.to for m in mail.outbox] == [["new@example.ma"]]


def test_a_hidden_product_takes_no_alert(client, product):
    Product.objects.filter(pk=product.pk).update(is_public=False)

    response = client.post(alert_url(product), {"email": "nour@example.ma"})

    assert response.status_code == 404
    assert not ProductAlert.objects.exists()
