"""No answer tells whether an email has an account; sign-in limits count the account, not
the spelling (issue 20, items 5 and 13)."""

from decimal import Decimal
from unittest import mock

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import PartnerFactory, ProductFactory
from tests.factories.users import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def url(name):
    with translation.override("fr"):
        return reverse(name)


@pytest.fixture
def known():
    return UserFactory(email="client@example.ma")


def _with_basket():
    client = Client()
    product = ProductFactory(
        kind="physical", partner=PartnerFactory(), price=Decimal("10"), num_in_stock=5
    )
    client.post(f"/fr/shop/basket/add/{product.pk}/", {"quantity": 1})
    return client


def _gateway(client, email, options, password=""):
    return client.post(
        url("checkout:index"), {"username": email, "options": options, "password": password}
    )


@pytest.mark.parametrize("options", ["anonymous", "new"])
def test_the_checkout_gateway_answers_alike_for_known_and_unknown_emails(known, options):
    answers = []
    for email in (known.email, "nobody@example.ma"):
        response = _gateway(_with_basket(), email, options)
        answers.append((response.status_code, response.get("Location", "").split("?")[0]))

    assert answers[0] == answers[1]
    assert answers[0][0] == 302


def test_a_wrong_password_at_checkout_reads_the_same_for_any_email(known):
    known_answer = _gateway(_with_basket(), known.email, "existing", "wrong")
    unknown_answer = _gateway(_with_basket(), "nobody@example.ma", "existing", "wrong")

    assert known_answer.status_code == unknown_answer.status_code == 200
    assert (
        known_answer.context["form"].errors.as_data().keys()
        == unknown_answer.context["form"].errors.as_data().keys()
    )


def test_the_checkout_sign_in_is_limited_per_account_whatever_the_spelling(known):
    client = _with_basket()
    spellings = [
        "client@example.ma",
        "CLIENT@example.ma",
        " Client@Example.MA",
        "client@EXAMPLE.ma",
    ]
    for number in range(10):
        _gateway(client, spellings[number % 4], "existing", "wrong")

    response = client.post(
        url("checkout:index"),
        {"username": "Client@example.ma", "options": "existing", "password": PASSWORD},
        REMOTE_ADDR="10.9.9.9",
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_sign_in_page_limit_counts_the_normalised_email(client, known):
    spellings = [
        "client@example.ma",
        "CLIENT@example.ma",
        " client@example.ma",
        "Client@example.MA",
    ]
    for number in range(10):
        client.post(
            url("customer:login"),
            {"login-username": spellings[number % 4], "login-password": "x", "login_submit": "1"},
            REMOTE_ADDR=f"10.1.0.{number}",
        )

    response = client.post(
        url("customer:login"),
        {"login-username": "CLIENT@example.ma ", "login-password": PASSWORD, "login_submit": "1"},
        REMOTE_ADDR="10.1.1.1",
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def _hashes(email, password):
    with mock.patch.object(
        MD5PasswordHasher, "encode", autospec=True, wraps=MD5PasswordHasher.encode
    ) as encode:
        authenticate(None, username=email, password=password)
    return encode.call_count


def test_a_known_and_an_unknown_email_cost_the_same_password_hashing(known):
    assert _hashes(known.email, "wrong") == _hashes("nobody@example.ma", "wrong") == 1


def test_sign_in_accepts_the_email_in_any_case_with_spaces(known):
    assert authenticate(None, username=" CLIENT@example.ma ", password=PASSWORD) == known
    assert authenticate(None, username="client@example.ma", password="wrong") is None
