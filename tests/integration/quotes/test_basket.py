"""An accepted quote in the basket: its price comes from the quote, nothing else."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop.partner.strategy import Selector
from shop.quotes import services
from shop.quotes.models import QuoteRequest, Status
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.quotes import QuoteRequestFactory, accepted_request, send_quote

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")


def basket_of(user):
    basket = Basket.open.filter(owner=user).first()
    basket.strategy = Selector().strategy()
    return basket


def test_accepting_puts_the_deposit_in_the_basket(client):
    quote_request = QuoteRequestFactory()
    version = send_quote(quote_request, total="2000.00", deposit=25)
    client.force_login(quote_request.client)
    response = client.post(
        reverse("quotes:accept", kwargs={"pk": quote_request.pk, "version": version.pk})
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("basket:summary")
    basket = basket_of(quote_request.client)
    line = basket.all_lines()[0]
    assert basket.num_lines == 1
    assert line.product == quote_request.product
    assert line.quantity == 1
    assert line.unit_price_incl_tax == Decimal("500.00")
    assert basket.total_incl_tax == Decimal("500.00")
    assert line.purchase_info.availability.is_available_to_buy
    # Accepting again does nothing more.
    client.post(reverse("quotes:accept", kwargs={"pk": quote_request.pk, "version": version.pk}))
    assert basket_of(quote_request.client).num_lines == 1


def test_without_deposit_the_whole_price_goes_in_the_basket():
    quote_request = accepted_request(deposit=0)
    basket = Basket.objects.create(owner=quote_request.client)
    basket.strategy = Selector().strategy()
    services.add_to_basket(basket, quote_request)
    assert basket.all_lines()[0].unit_price_incl_tax == Decimal("1000.00")


def test_the_basket_price_cannot_be_tampered_with():
    quote_request = accepted_request()
    basket = Basket.objects.create(owner=quote_request.client)
    basket.strategy = Selector().strategy()
    line = services.add_to_basket(basket, quote_request)
    # A changed stored price is ignored: the strategy prices from the accepted version.
    type(line).objects.filter(pk=line.pk).update(price_excl_tax=1, price_incl_tax=1)
    basket = basket_of(quote_request.client)
    line = basket.all_lines()[0]
    assert line.unit_price_incl_tax == Decimal("300.00")
    # A second unit is refused, by the basket form's check and at checkout.
    assert not line.purchase_info.availability.is_purchase_permitted(2)[0]
    allowed, _reason = basket.is_quantity_allowed(1, line=line)
    assert not allowed
    type(line).objects.filter(pk=line.pk).update(quantity=3)
    basket = basket_of(quote_request.client)
    assert not basket.all_lines()[0].purchase_info.availability.is_purchase_permitted(3)[0]


def test_the_quote_line_is_unavailable_in_another_basket_or_once_cancelled():
    quote_request = accepted_request()
    other = Basket.objects.create(owner=UserFactory())
    other.strategy = Selector().strategy()
    with pytest.raises(services.QuoteError):
        services.add_to_basket(other, quote_request)
    # Even a line forged into another user's basket is not sellable.
    own = Basket.objects.create(owner=quote_request.client)
    line = services.add_to_basket(own, quote_request)
    type(line).objects.filter(pk=line.pk).update(basket=other)
    other = basket_of(other.owner)
    assert not other.all_lines()[0].purchase_info.availability.is_available_to_buy
    type(line).objects.filter(pk=line.pk).update(basket=own)
    services.cancel(quote_request, by=quote_request.client)
    own = basket_of(quote_request.client)
    assert not own.all_lines()[0].purchase_info.availability.is_available_to_buy


def test_free_description_requests_use_the_creators_hidden_custom_work_product():
    partner = PartnerFactory()
    first = accepted_request(partner=partner, product=None, description="Mapping de façade")
    second = accepted_request(partner=partner, product=None, description="Création lumière")
    basket = Basket.objects.create(owner=first.client)
    basket.strategy = Selector().strategy()
    line = services.add_to_basket(basket, first)
    product = line.product
    assert product.is_public is False
    assert product.price_kind == "quote"
    assert product.stockrecords.get().partner == partner
    assert services.product_for(second) == product  # one per creator
    assert line.unit_price_incl_tax == Decimal("300.00")


def test_a_normal_product_beside_a_quote_keeps_its_own_price():
    quote_request = accepted_request()
    basket = Basket.objects.create(owner=quote_request.client)
    basket.strategy = Selector().strategy()
    services.add_to_basket(basket, quote_request)
    product = ProductFactory(price=Decimal("120.00"), kind="physical")
    basket.add_product(product)
    prices = sorted(line.unit_price_incl_tax for line in basket_of(basket.owner).all_lines())
    assert prices == [Decimal("120.00"), Decimal("300.00")]


def test_placing_the_order_links_it_to_the_quote_and_shows_the_balance():
    from django.template.loader import render_to_string
    from oscar.test.factories import create_order

    quote_request = accepted_request()
    basket = Basket.objects.create(owner=quote_request.client)
    basket.strategy = Selector().strategy()
    services.add_to_basket(basket, quote_request)
    order = create_order(basket=basket, user=quote_request.client)
    quote_request.refresh_from_db()
    assert quote_request.order == order
    assert quote_request.status == Status.ACCEPTED  # until the part is paid
    assert order.lines.get().line_price_incl_tax == Decimal("300.00")
    html = render_to_string("quotes/order_balance.html", {"order": order})
    assert "700" in html  # 1000 quoted − 300 deposit
    # Once ordered, the quote cannot be paid a second time.
    again = Basket.objects.create(owner=quote_request.client)
    again.strategy = Selector().strategy()
    with pytest.raises(services.QuoteError):
        services.add_to_basket(again, quote_request)
    assert QuoteRequest.objects.filter(order=order).count() == 1


def test_the_quote_of_a_basket_line_is_found_for_templates():
    from shop.quotes.templatetags.quote_tags import quote_of_line

    quote_request = accepted_request()
    basket = Basket.objects.create(owner=quote_request.client)
    basket.strategy = Selector().strategy()
    line = services.add_to_basket(basket, quote_request)
    assert quote_of_line(line) == quote_request
    other = ProductFactory(kind="physical")
    plain, _created = basket.add_product(other)
    assert quote_of_line(plain) is None


def test_the_basket_shows_the_quote_a_line_pays_and_no_quantity_to_change(client):
    from django.utils import translation

    quote_request = QuoteRequestFactory()
    version = send_quote(quote_request, total="2000.00", deposit=40)
    client.force_login(quote_request.client)
    client.post(reverse("quotes:accept", kwargs={"pk": quote_request.pk, "version": version.pk}))
    other = ProductFactory(title="Tirage photo", price=100)
    client.post(reverse("basket:add", kwargs={"pk": other.pk}), {"quantity": 1})

    page = client.get(reverse("basket:summary")).content.decode()

    assert "Quote =" not in page and "Devis =" not in page
    with translation.override("fr"):
        assert translation.gettext("Quote no. %(number)s") % {"number": quote_request.pk} in page
        assert "acompte de 40" in page
        assert translation.gettext("Quantity: 1 (set by the quote)") in page
    assert page.count('type="number"') == 1  # only the ordinary line's quantity can change
