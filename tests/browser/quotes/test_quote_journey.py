"""The whole quote flow in a browser: the client asks, the creator quotes, the client
accepts and pays the deposit in cash at pickup, the creator hands over and completes."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from directory.models import Profile
from shop.order.models import Order
from shop.quotes.models import QuoteRequest, Status
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, UserFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.browser


def fr(message):
    with translation.override("fr"):
        return translation.gettext(message)


def sign_in(page, base, email):
    page.goto(f"{base}/fr/shop/accounts/login/")
    page.locator("#id_login-username").fill(email)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator('button[name="login_submit"]').click()


def test_request_quote_accept_pay_deposit_and_complete(page, live_server, console_errors, browser):
    hub = ProfileFactory(kind=Profile.Kind.HUB, name="Hub Nador", user=None)
    salma = PartnerFactory(name="Salma Benali", pickup_hub=hub)
    service = ProductFactory(
        kind="service", partner=salma, price=None, title="Sonorisation de concert"
    )
    client = UserFactory(email="omar@example.ma")
    base = live_server.url
    start = timezone.localdate() + timedelta(days=30)

    # The client asks from the service page.
    sign_in(page, base, client.email)
    page.goto(f"{base}{service.get_absolute_url()}")
    page.locator(f'a[href="/fr/shop/quotes/new/?product={service.pk}"]').click()
    page.locator("#id_starts_on").fill(start.isoformat())
    page.locator("#id_place").fill("Salle polyvalente")
    page.locator("#id_province").select_option(label="Nador")
    page.locator("#id_audience_size").fill("400")
    page.locator("#id_brief").fill("Concert de fin d'année, deux groupes.")
    page.locator("#id_phone").fill("0612345678")
    page.locator(".quote-request-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/fr/shop/quotes/\d+/$"))
    quote_request = QuoteRequest.objects.get()
    assert quote_request.status == Status.REQUESTED

    # The creator answers with an itemised quote (40 % deposit).
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    creator = context.new_page()
    sign_in(creator, base, salma.users.get().email)
    creator.goto(f"{base}/fr/shop/my-shop/quotes/")
    creator.locator(".quote-list a").first.click()
    creator.locator(f'a[href="/fr/shop/my-shop/quotes/{quote_request.pk}/quote/"]').click()
    creator.locator("#id_lines-0-label").fill("Journée de sonorisation")
    creator.locator("#id_lines-0-quantity").fill("2")
    creator.locator("#id_lines-0-unit_price").fill("1500")
    creator.locator("#id_lines-1-label").fill("Transport vers Nador")
    creator.locator("#id_lines-1-quantity").fill("1")
    creator.locator("#id_lines-1-unit_price").fill("500")
    creator.locator("#id_deposit_percent").fill("40")
    creator.locator("#id_valid_until").fill((timezone.localdate() + timedelta(days=10)).isoformat())
    creator.locator(".creator-form button[type=submit]").click()
    expect(creator).to_have_url(re.compile(rf"/fr/shop/my-shop/quotes/{quote_request.pk}/$"))

    # The client accepts: the deposit (40 % of 3 500 = 1 400 MAD) is in the basket.
    page.goto(f"{base}/fr/shop/quotes/{quote_request.pk}/")
    expect(page.locator("main")).to_contain_text("Journée de sonorisation")
    page.locator(f'form[action$="/accept/{quote_request.latest_version().pk}/"] button').click()
    expect(page).to_have_url(re.compile(r"/fr/shop/basket/$"))
    page.locator('a[href="/fr/shop/checkout/"]').first.click()
    for field, value in (("#id_first_name", "Omar"), ("#id_last_name", "Lamrani")):
        if page.locator(field).count() and not page.locator(field).input_value():
            page.locator(field).fill(value)
    if page.locator("#id_phone").count():
        page.locator("#id_phone").fill("0612345678")
    if page.locator(".checkout-details").count():
        page.locator(".checkout-details button[type=submit]").click()
    page.locator('input[name="method"][value="cash"]').check()
    page.locator("main form button[type=submit]").click()
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/fr/shop/checkout/thank-you/$"))

    order = Order.objects.get()
    assert order.total_incl_tax == Decimal("1400.00")
    quote_request.refresh_from_db()
    assert (quote_request.order, quote_request.status) == (order, Status.ACCEPTED)

    # The creator sees the order, hands it over, takes the cash, then completes it.
    creator.goto(f"{base}/fr/shop/my-shop/orders/")
    creator.locator(".fulfilment-item a").first.click()
    expect(creator.locator("tr.part-line")).to_have_count(1)
    for status in ("confirmed", "ready", "handed_over"):
        creator.locator(f'button[data-status="{status}"]').click()
        expect(creator.locator("#part-status")).to_have_text(re.compile(".+"))
    creator.locator("#mark-paid").click()
    expect(creator.locator("#part-status")).to_have_text(fr("Handed over"))
    quote_request.refresh_from_db()
    assert quote_request.status == Status.DEPOSIT_PAID
    creator.locator('button[data-status="completed"]').click()
    expect(creator.locator("#part-status")).to_have_text(fr("Completed"))
    context.close()

    quote_request.refresh_from_db()
    assert quote_request.status == Status.COMPLETED
    page.goto(f"{base}/fr/shop/quotes/{quote_request.pk}/")
    expect(page.locator("main .badge").first).to_have_text(fr("Completed"))
    expect(page.locator("main")).to_contain_text("2 100,00")  # balance due, 3 500 − 1 400
    assert console_errors == []
