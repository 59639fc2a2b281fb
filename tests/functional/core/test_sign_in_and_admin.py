"""Signing in with an email address, and who may enter the two back offices."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db


def login_url(language="fr"):
    with translation.override(language):
        return reverse("customer:login")


def account_url(language="fr"):
    with translation.override(language):
        return reverse("customer:summary")


def sign_in(client, email, password, **extra):
    return client.post(
        login_url(),
        {"login-username": email, "login-password": password, "login_submit": "1", **extra},
    )


def test_the_login_page_is_under_the_language_prefix():
    assert login_url("fr").startswith("/fr/")
    assert login_url("ar").startswith("/ar/")


def test_the_login_page_shows_the_email_and_password_fields(client):
    response = client.get(login_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="login-username"' in page
    assert 'name="login-password"' in page
    assert 'name="login_submit"' in page


def test_a_user_signs_in_with_email_and_password_and_lands_on_their_account(client):
    user = UserFactory(email="salma@example.ma")

    response = sign_in(client, "salma@example.ma", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == account_url()
    account = client.get(response["Location"], follow=True)
    assert account.status_code == 200
    assert account.wsgi_request.user == user
    assert "salma@example.ma" in account.content.decode()


def test_signing_in_goes_back_to_the_page_asked_for(client):
    UserFactory(email="karim@example.ma")

    response = sign_in(
        client, "karim@example.ma", PASSWORD, **{"login-redirect_url": "/fr/directory/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/fr/directory/"


def test_signing_in_never_redirects_to_another_site(client):
    UserFactory(email="karim@example.ma")

    response = sign_in(
        client, "karim@example.ma", PASSWORD, **{"login-redirect_url": "https://evil.example/"}
    )

    assert response.status_code == 302
    assert response["Location"] == account_url()


def test_a_wrong_password_keeps_the_visitor_signed_out(client):
    UserFactory(email="salma@example.ma")

    response = sign_in(client, "salma@example.ma", "not-the-password")

    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert client.get(account_url()).status_code == 302


def test_the_account_page_asks_a_visitor_to_sign_in(client):
    response = client.get(account_url())

    assert response.status_code == 302
    assert response["Location"].startswith(login_url())


def test_a_superuser_reaches_the_wagtail_admin(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/admin/")

    assert response.status_code == 200


def test_an_editor_reaches_the_wagtail_admin(client):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200


def test_a_customer_is_sent_to_the_admin_login(client):
    client.force_login(UserFactory())

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_visitor_is_sent_to_the_admin_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_the_shop_dashboard_is_not_found_for_a_customer(client):
    client.force_login(UserFactory())

    response = client.get("/fr/shop/dashboard/")

    assert response.status_code == 404


def test_the_shop_dashboard_sends_a_visitor_to_the_login(client):
    response = client.get("/fr/shop/dashboard/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/shop/dashboard/login/?next=/fr/shop/dashboard/"


def test_the_shop_dashboard_is_not_found_for_staff_who_are_not_superusers(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get("/fr/shop/dashboard/").status_code == 404


def test_the_shop_dashboard_opens_for_a_superuser(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    assert client.get("/fr/shop/dashboard/").status_code == 200
