"""No open redirect through ``next`` or a redirect field (issue 10)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.users import PASSWORD, UserFactory

EVIL = ["//evil.example", "https://evil.example", "/\\evil.example", "http:\\\\evil.example"]


def _on_site(url):
    # Browsers read a backslash as a slash: "/\evil" is "//evil".
    return urlsplit(url.replace("\\", "/")).netloc in ("", "testserver")


def stays_on_site(response):
    """The redirect, and the ``next`` it may carry to a sign-in page, both stay on the site."""
    location = response.headers.get("Location", "")
    next_values = parse_qs(urlsplit(location).query).get("next", [])
    return _on_site(location) and all(_on_site(value) for value in next_values)


def url(name):
    with translation.override("fr"):
        return reverse(name)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_shop_login(client, target):
    user = UserFactory()
    response = client.post(
        url("customer:login") + f"?next={target}",
        {
            "login-username": user.email,
            "login-password": PASSWORD,
            "login-redirect_url": target,
            "login_submit": "1",
        },
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session  # signed in, and sent somewhere on the site
    assert stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_shop_sign_up(client, target):
    response = client.post(
        url("customer:register") + f"?next={target}",
        {
            "email": "nouvelle@example.ma",
            "password1": "une-phrase-solide-2026",
            "password2": "une-phrase-solide-2026",
            "redirect_url": target,
        },
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_shop_logout(client, target):
    client.force_login(UserFactory())
    response = client.post(url("customer:logout") + f"?next={target}", {"next": target})
    assert response.status_code == 302
    assert stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_set_language(client, target):
    response = client.post(url("set_language"), {"language": "ar", "next": target})
    assert response.status_code in (302, 204)
    assert stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_set_language_referer(client, target):
    response = client.post(url("set_language"), {"language": "en"}, HTTP_REFERER=target)
    assert stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_wagtail_admin_login(client, target):
    user = UserFactory(is_superuser=True, is_staff=True)
    response = client.post(
        url("wagtailadmin_login"), {"username": user.email, "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_django_admin_login(client, target):
    user = UserFactory(is_superuser=True, is_staff=True)
    response = client.post(
        url("admin:login") + f"?next={target}",
        {"username": user.email, "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert stays_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_login_required_pages_keep_next_on_site(client, target):
    """The sign-in redirect of a protected page carries only its own path."""
    response = client.get(url("creators:summary") + f"?next={target}")
    assert response.status_code == 302
    assert stays_on_site(response)
