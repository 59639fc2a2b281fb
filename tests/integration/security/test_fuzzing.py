"""Fuzzing the public forms and search parameters with Hypothesis (issue 10).

Arbitrary text (any Unicode, right-to-left marks, very long strings, NUL characters, markup)
goes into every public form and search parameter. Whatever it is: no 500, and the markup
never comes back unescaped.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, example, given, settings
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


# ---- amounts of a quote and the basket (issue 20, items 2 and 3) --------------------------
AMOUNT = st.one_of(
    TEXT,
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["999999.99", "99999999.99", "1e30", "-0.01", "0.001", "1,5", "NaN"]),
)


@pytest.mark.django_db
@FUZZ
@given(quantity=AMOUNT, unit_price=AMOUNT)
@example(quantity="999999.99", unit_price="99999999.99")  # the review's 500
def test_quote_line_amounts(client, quantity, unit_price):
    from datetime import timedelta

    from django.utils import timezone

    from shop.quotes.models import QuoteVersion
    from tests.factories.quotes import QuoteRequestFactory

    quote_request = QuoteRequestFactory()
    client.force_login(quote_request.partner.users.first())
    data = {
        "deposit_percent": "30",
        "valid_until": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "terms": "",
        "lines-TOTAL_FORMS": "4",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "4",
        "lines-MAX_NUM_FORMS": "30",
        "lines-0-label": "Concert",
        "lines-0-quantity": quantity,
        "lines-0-unit_price": unit_price,
    }
    check(client.post(url("quotes:creator-quote", pk=quote_request.pk), data))
    for version in QuoteVersion.objects.filter(request=quote_request):
        assert 0 <= version.total <= 10_000_000
    check(client.get(url("quotes:creator-detail", pk=quote_request.pk)))
    client.force_login(quote_request.client)
    check(client.get(url("quotes:detail", pk=quote_request.pk)))


@pytest.mark.django_db
@FUZZ
@given(
    state=st.sampled_from(["hidden", "staff_hidden", "suspended", "vacation", "sold_out", "quote"]),
    quantity=AMOUNT,
)
def test_basket_add_in_every_product_state(client, state, quantity):
    from decimal import Decimal

    from django.utils import timezone

    from shop.catalogue.models import Product
    from tests.factories import PartnerFactory, ProductFactory

    partner = PartnerFactory()
    product = ProductFactory(kind="physical", partner=partner, price=Decimal("10"), num_in_stock=2)
    changes = {
        "hidden": lambda: Product.objects.filter(pk=product.pk).update(is_public=False),
        "staff_hidden": lambda: Product.objects.filter(pk=product.pk).update(
            is_public=False, staff_hidden_at=timezone.now()
        ),
        "suspended": lambda: type(partner).objects.filter(pk=partner.pk).update(is_active=False),
        "vacation": lambda: type(partner).objects.filter(pk=partner.pk).update(on_vacation=True),
        "sold_out": lambda: product.stockrecords.update(num_in_stock=0),
        "quote": lambda: Product.objects.filter(pk=product.pk).update(price_kind="quote"),
    }
    changes[state]()
    check(client.post(f"/fr/shop/basket/add/{product.pk}/", {"quantity": quantity}))
    response = client.get(url("basket:summary"))
    check(response)
    assert response.context["basket"].num_items == 0
