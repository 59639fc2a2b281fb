"""The small things people trip on in their account, basket and the catalogue: signing out,
the header's basket count after an update, a basket that cannot be checked out, the
"Remove" buttons' names, the phone at checkout, stock after a sale, sold-out products last,
the phone filter panel."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from shop.partner.models import StockRecord
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import basket_with, place

pytestmark = pytest.mark.django_db


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def header_count(page):
    badge = page.select_one("#header-basket-count .badge")
    return int(re.match(r"\d+", badge.get_text(strip=True)).group(0)) if badge else 0


@pytest.fixture
def client_user():
    return UserFactory(email="amal@example.ma")


@pytest.fixture
def print_a():
    return ProductFactory(kind="physical", num_in_stock=5, title="Tirage Oujda")


@pytest.fixture
def print_b():
    return ProductFactory(kind="physical", num_in_stock=5, title="Tirage Berkane")


# Signing out ---------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["/fr/", "customer:summary"])
def test_a_signed_in_visitor_signs_out_from_the_header_and_the_account_page(
    client, client_user, where
):
    client.force_login(client_user)
    response = client.get(where if where.startswith("/") else url(where), follow=True)
    forms = [
        form
        for form in soup(response).select("form")
        if form.get("action") == url("customer:logout") and form.get("method") == "post"
    ]

    assert forms, "no sign-out form"
    assert all(form.select_one("input[name=csrfmiddlewaretoken]") for form in forms)
    signed_out = client.post(url("customer:logout"))
    assert signed_out.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_account_menu_leads_to_the_quote_requests(client, client_user):
    client.force_login(client_user)

    page = soup(client.get(url("customer:profile-view")))

    assert page.select_one(f".account-nav a[href='{url('quotes:list')}']")


# The basket ----------------------------------------------------------------------------
def test_the_header_count_follows_an_ajax_quantity_change_and_removal(client, print_a, print_b):
    for product in (print_a, print_b):
        client.post(url("basket:add", pk=product.pk), {"quantity": 1})
    page = client.get(url("basket:summary"))
    assert header_count(soup(page)) == 2
    formset = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    lines = soup(page).select("#basket_formset input[name$='-id']")
    for index, line in enumerate(lines):
        formset[f"form-{index}-id"] = line["value"]
        formset[f"form-{index}-quantity"] = "3" if index == 0 else "1"
    formset["form-1-DELETE"] = "on"

    response = client.post(
        url("basket:summary"), formset, headers={"x-requested-with": "XMLHttpRequest"}
    )

    fresh = BeautifulSoup(response.json()["content_html"], "html.parser")
    update = fresh.select_one("template#basket-count-update")
    assert update is not None, "the AJAX answer carries no header count"
    assert re.match(r"\d+", update.decode_contents().split(">", 1)[1]).group(0) == "3"
    assert header_count(soup(client.get(url("basket:summary")))) == 3


def test_a_basket_whose_only_item_is_sold_out_does_not_offer_checkout(client, print_a):
    client.post(url("basket:add", pk=print_a.pk), {"quantity": 1})
    StockRecord.objects.filter(product=print_a).update(num_in_stock=0)

    page = soup(client.get(url("basket:summary")))

    summary = page.select_one(".basket-summary")
    assert not summary.select_one(f"a[href='{url('checkout:index')}']")
    assert summary.select_one("[aria-disabled=true]")
    assert summary.select_one(".basket-blocked")


def test_each_remove_button_names_its_product(client, print_a, print_b):
    for product in (print_a, print_b):
        client.post(url("basket:add", pk=product.pk), {"quantity": 1})

    page = soup(client.get(url("basket:summary")))

    names = [a["aria-label"] for a in page.select("#basket_formset [data-behaviours=remove]")]
    assert sorted(names) == ["Retirer Tirage Berkane du panier", "Retirer Tirage Oujda du panier"]


# Checkout ------------------------------------------------------------------------------
def test_checkout_prefills_the_phone_a_client_gave_on_a_previous_order(
    client, client_user, print_a
):
    place(basket_with([(print_a, 1)], owner=client_user), user=client_user)
    order = client_user.orders.get()
    order.contact_phone = "+212612345678"
    order.save(update_fields=["contact_phone"])
    client.force_login(client_user)
    client.post(url("basket:add", pk=print_a.pk), {"quantity": 1})

    page = soup(client.get(url("checkout:shipping-address"), follow=True))

    phone = page.select_one("input[name=phone]")
    assert phone is not None and phone.get("value", "").replace(" ", "").endswith("612345678")


# Stock ---------------------------------------------------------------------------------
def test_after_the_only_unit_sold_the_creators_list_says_sold_out_like_the_public_page(
    client, client_user
):
    shop = PartnerFactory()
    product = ProductFactory(kind="physical", partner=shop, num_in_stock=1, title="Pièce unique")
    place(basket_with([(product, 1)], owner=client_user), user=client_user)
    client.force_login(shop.profile.user)

    creator_page = client.get(url("creators:product-list"))
    public_page = client.get(product.get_absolute_url())

    assert "Épuisé" in creator_page.content.decode()
    assert "1 en stock" not in creator_page.content.decode()
    assert "Indisponible" in public_page.content.decode()


def test_newest_first_puts_sold_out_products_after_available_ones(client):
    shop = PartnerFactory()
    available_old = ProductFactory(
        kind="physical", partner=shop, num_in_stock=3, title="Ancien disponible"
    )
    sold_out_new = ProductFactory(kind="physical", partner=shop, num_in_stock=0, title="Épuisé")
    service = ProductFactory(kind="service", partner=shop, price=Decimal("100.00"))

    page = soup(client.get(url("catalogue:index")))

    titles = [a.get_text(strip=True) for a in page.select(".product-card h3 a, .card-title a")]
    order = [t for t in titles if t in {available_old.title, sold_out_new.title, service.title}]
    assert order[-1] == sold_out_new.title, order


def test_on_a_phone_the_filter_panel_is_folded_after_filtering(client):
    page = soup(client.get(url("catalogue:index") + "?kind=physical"))

    panel = page.select_one("#more-filters")
    assert "show" not in panel["class"]
