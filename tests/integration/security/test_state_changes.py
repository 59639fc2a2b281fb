"""State changes need a POST with a CSRF token (issue 10).

The access matrix (test_access_matrix) already checks that none of its GETs writes to the
database; these tests check the state-changing views one by one, and that CSRF is enforced.
"""

import fnmatch

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from directory.models import Profile
from shop.catalogue.models import Product
from tests.factories.pages import contact_page

from . import matrix

# Views that are deliberately exempt from Django's CSRF middleware, with the reason.
CSRF_EXEMPT_ALLOWED = {
    "wagtailadmin_api:*": "Django REST framework views: its SessionAuthentication checks CSRF",
    "stripe-webhook": "called by Stripe, not a browser: the Stripe signature is verified",
    "cmi-callback": "called by CMI's server, not a browser: the version-3 hash is verified",
    "cmi-ok": "CMI's browser return, posted from CMI's page: recorded only if the hash verifies",
    "cmi-fail": "CMI's browser return, posted from CMI's page: recorded only if the hash verifies",
    "cmi-simulator*": "the local CMI simulator stands for another site (off in production)",
    "push:resubscribe": "called by the service worker, which cannot read the CSRF cookie: it "
    "proves the device with the old subscription's endpoint and auth secret",
}


def url(name, **kwargs):
    with translation.override("fr"):
        return reverse(name, kwargs=kwargs)


def test_no_view_is_csrf_exempt_without_a_reason():
    exempt = sorted(
        f"{e.name or e.route} [{e.module}]"
        for e in matrix.walk()
        if e.callback_csrf_exempt
        and not any(fnmatch.fnmatchcase(e.name or e.route, glob) for glob in CSRF_EXEMPT_ALLOWED)
    )
    assert exempt == []


@pytest.mark.django_db
def test_get_on_the_creator_space_changes_nothing(world, clients):
    product = world.products["creator_a"]
    client = clients["creator_a"]

    assert client.get(url("creators:product-visibility", pk=product.pk)).status_code == 405
    assert client.get(url("creators:product-delete", pk=product.pk)).status_code == 200

    product.refresh_from_db()
    assert product.is_public
    assert Product.objects.filter(pk=product.pk).exists()


@pytest.mark.django_db
def test_get_on_the_directory_self_service_and_relay_changes_nothing(world, clients):
    profile = world.profiles["professional"]
    before = Profile.objects.values().get(pk=profile.pk)

    assert clients["professional"].get(url("directory:resend-verification")).status_code == 405
    assert clients["anonymous"].get(url("directory:contact", slug=profile.slug)).status_code == 405
    assert (
        clients["professional"].get(url("directory:profile-edit", slug=profile.slug)).status_code
        == 200
    )

    assert mail.outbox == []
    assert Profile.objects.values().get(pk=profile.pk) == before


@pytest.mark.django_db
def test_sign_out_needs_a_post(world, clients):
    client = clients["client_a"]

    assert client.get(url("customer:logout")).status_code == 200
    assert "_auth_user_id" in client.session  # still signed in

    assert client.post(url("customer:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_posts_without_the_csrf_token_are_refused(world):
    product = world.products["creator_a"]
    profile = world.profiles["professional"]

    def csrf_client(role):
        client = Client(enforce_csrf_checks=True)
        user = world.user(role)
        if user:
            client.force_login(user)
        return client

    posts = [
        ("creator_a", url("creators:product-visibility", pk=product.pk), {}),
        ("creator_a", url("creators:product-delete", pk=product.pk), {}),
        ("creator_a", url("creators:shop-details"), {"description": "x"}),
        ("creator_a", url("creators:product-create"), {"title": "x"}),
        ("professional", url("directory:profile-edit", slug=profile.slug), {"name": "x"}),
        ("professional", url("directory:profile-create"), {"name": "x"}),
        ("professional", url("directory:resend-verification"), {}),
        ("anonymous", url("directory:contact", slug=profile.slug), {"message": "x"}),
        ("anonymous", url("customer:login"), {"login-username": "a@b.ma"}),
        ("anonymous", url("customer:register"), {"email": "a@b.ma"}),
        ("client_a", url("customer:logout"), {}),
        ("anonymous", url("set_language"), {"language": "ar"}),
        ("anonymous", url("basket:add", pk=product.pk), {"quantity": 1}),
        ("anonymous", contact_page().url, {"message": "x"}),
    ]
    for role, address, data in posts:
        response = csrf_client(role).post(address, data)
        assert response.status_code == 403, f"{address} as {role}: {response.status_code}"

    product.refresh_from_db()
    assert product.is_public
    assert mail.outbox == []


# ---- add-to-basket in every product state, for every role (issue 20, item 2) ------------------
PRODUCT_STATES = {
    "hidden": {"is_public": False},
    "hidden_by_staff": {"is_public": False, "staff_hidden_at": "now"},
    "priced_on_quote": {"price_kind": "quote"},
}
SHOP_STATES = {"suspended_shop": {"is_active": False}, "vacation": {"on_vacation": True}}


@pytest.mark.django_db
@pytest.mark.parametrize("state", [*PRODUCT_STATES, *SHOP_STATES, "sold_out"])
def test_no_role_can_add_a_product_that_cannot_be_bought(world, clients, state):
    from django.utils import timezone

    product = world.products["creator_a"]
    record = product.stockrecords.get()
    if state in PRODUCT_STATES:
        changes = {
            key: timezone.now() if value == "now" else value
            for key, value in PRODUCT_STATES[state].items()
        }
        Product.objects.filter(pk=product.pk).update(**changes)
    elif state in SHOP_STATES:
        type(record.partner).objects.filter(pk=record.partner_id).update(**SHOP_STATES[state])
    else:
        Product.objects.filter(pk=product.pk).update(product_class=_physical())
        record.num_in_stock = 0
        record.save()

    for role, client in clients.items():
        response = client.post(url("basket:add", pk=product.pk), {"quantity": 1})
        assert response.status_code < 500, role
        basket = client.get(url("basket:summary")).context["basket"]
        assert basket.num_items == 0, (state, role)


def _physical():
    from shop.catalogue.models import ProductClass

    return ProductClass.objects.get(slug="physical")
