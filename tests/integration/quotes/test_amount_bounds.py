"""Every amount of a quote has bounds, enforced with a clear message by the form and by the
model and service (issue 20, item 3)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from shop.quotes import services
from shop.quotes.forms import QuoteLineFormSet
from shop.quotes.models import QuoteLine, QuoteVersion
from shop.quotes.services import LineData
from tests.factories.quotes import QuoteRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quote_request():
    return QuoteRequestFactory()


@pytest.fixture
def creator_user(quote_request):
    return quote_request.partner.users.first()


def _formset(quantity, unit_price):
    data = {
        "lines-TOTAL_FORMS": "4",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "4",
        "lines-MAX_NUM_FORMS": "30",
        "lines-0-label": "Concert",
        "lines-0-quantity": quantity,
        "lines-0-unit_price": unit_price,
    }
    return QuoteLineFormSet(data, prefix="lines")


@pytest.mark.parametrize(
    ("quantity", "unit_price", "message"),
    [
        ("99999999.99", "999999.99", "A quantity cannot be above"),
        ("10001", "1", "A quantity cannot be above"),
        ("1", "1000000.01", "A unit price cannot be above"),
        ("1", "99999999999", "A unit price cannot be above"),
    ],
)
def test_the_form_refuses_an_amount_out_of_bounds_with_a_clear_message(
    quantity, unit_price, message
):
    with translation.override("en"):
        formset = _formset(quantity, unit_price)
        assert not formset.is_valid()
        assert message in str(formset.errors)


def test_the_form_refuses_a_total_out_of_bounds():
    with translation.override("en"):
        formset = _formset("10000", "1000000")
        assert not formset.is_valid()
        assert "A quote's total cannot be above 10,000,000 MAD." in list(formset.non_form_errors())


def test_the_service_refuses_a_total_out_of_bounds_and_saves_nothing(quote_request, creator_user):
    with pytest.raises(services.QuoteError):
        services.send_quote(
            quote_request,
            by=creator_user,
            lines=[LineData("Concert", Decimal("99999999.99"), Decimal("999999.99"))],
            deposit_percent=30,
            valid_until=timezone.localdate() + timedelta(days=10),
        )
    assert not QuoteVersion.objects.exists()


def test_the_database_refuses_a_line_out_of_bounds(quote_request):
    version = QuoteVersion.objects.create(
        request=quote_request,
        number=1,
        total=Decimal("10"),
        deposit_percent=0,
        valid_until=timezone.localdate(),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        QuoteLine.objects.create(
            version=version, label="x", quantity=Decimal("1"), unit_price=Decimal("2000000")
        )
