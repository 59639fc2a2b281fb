"""Fuzzing the public forms and search parameters with Hypothesis (issue 10).

Arbitrary text (any Unicode, right-to-left marks, very long strings, NUL characters, markup)
goes into every public form and search parameter. Whatever it is: no 500, and the markup
never comes back unescaped.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.models import ContactPage
from directory.models import Profile
from tests.factories.directory import ProfileFactory
from tests.factories.pages import contact_page

PAYLOAD = '<script>alert("x")</script>'

SPECIAL = st.sampled_from(
    [
        "",
        "\x00",
        "a\x00b",
        "\u202eevil\u202c",  # right-to-left override
        "\u200f\u200e",  # RTL / LTR marks
        "مرحبا بكم في وجدة",
        "ⵜⴰⵎⴰⵣⵉⵖⵜ",
        "🎬🎶💡",
        "x" * 5000,
        "' OR 1=1 --",
        "%",
        "_",
        "\\",
        "../../etc/passwd",
        "{{ 7*7 }}{% debug %}",
        '"><img src=x onerror=alert(1)>',
        "\r\nSet-Cookie: a=b",
    ]
)
TEXT = st.one_of(st.text(max_size=300), SPECIAL, st.text(max_size=40).map(lambda t: t + PAYLOAD))

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def url(name, **kwargs):
    with translation.override("fr"):
        return reverse(name, kwargs=kwargs)


def check(response):
    assert response.status_code < 500, response.status_code
    content_type = response.headers.get("Content-Type", "")
    if content_type.startswith("text/html"):
        assert PAYLOAD.encode() not in response.content
        assert b"<img src=x onerror" not in response.content


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    # The forms are sent far more often than a person could; limits are tested elsewhere.
    settings.RATELIMITS = {
        name: [("ip", "100000/s")]
        for name in ("accounts.login", "accounts.signup", "accounts.password_reset")
    }
    cache.clear()


SITE_FACETS = ("sector", "discipline", "province", "kind", "product_type", "price", "type")
CATALOGUE_FACETS = ("sector", "province", "kind", "karfour", "creator", "sort_by", "discipline")
DIRECTORY_FACETS = ("sector", "discipline", "province", "kind")


@pytest.mark.django_db
@FUZZ
@given(q=TEXT, facet=st.sampled_from(SITE_FACETS), value=TEXT, page=TEXT)
def test_site_search(client, q, facet, value, page):
    check(client.get(url("sitesearch:search"), {"q": q, facet: value, "page": page}))
    check(client.get(url("sitesearch:suggest"), {"q": q}))


@pytest.mark.django_db
@FUZZ
@given(q=TEXT, facet=st.sampled_from(CATALOGUE_FACETS), value=TEXT, page=TEXT)
def test_catalogue_filters(client, q, facet, value, page):
    check(client.get(url("catalogue:index"), {"q": q, facet: value, "page": page}))


@pytest.mark.django_db
@FUZZ
@given(q=TEXT, facet=st.sampled_from(DIRECTORY_FACETS), value=TEXT, page=TEXT)
def test_directory_filters_and_map(client, q, facet, value, page):
    params = {"q": q, facet: value, "page": page}
    check(client.get(url("directory:index"), params))
    check(client.get(url("directory:geojson"), params))


@pytest.mark.django_db
@FUZZ
@given(name=TEXT, email=TEXT, phone=TEXT, message=TEXT)
def test_directory_contact_relay(client, name, email, phone, message):
    profile = Profile.objects.filter(email="pro@example.org").first() or ProfileFactory(
        email="pro@example.org"
    )
    data = {"name": name, "email": email, "phone": phone, "message": message, "website": ""}
    check(client.post(url("directory:contact", slug=profile.slug), data))
    cache.clear()


@pytest.mark.django_db
@FUZZ
@given(name=TEXT, email=TEXT, message=TEXT)
def test_contact_page(client, name, email, message):
    page = ContactPage.objects.filter(slug="contact").first() or contact_page()
    check(client.post(page.url, {"nom": name, "email": email, "message": message}))
    cache.clear()


@pytest.mark.django_db
@FUZZ
@given(email=TEXT, password=TEXT, redirect=TEXT)
def test_sign_up_and_sign_in(client, email, password, redirect):
    check(
        client.post(
            url("customer:register"),
            {
                "email": email,
                "password1": password,
                "password2": password,
                "redirect_url": redirect,
            },
        )
    )
    check(
        client.post(
            url("customer:login"),
            {
                "login-username": email,
                "login-password": password,
                "login-redirect_url": redirect,
                "login_submit": "1",
            },
        )
    )
    client.logout()
