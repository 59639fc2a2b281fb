"""Price, visibility and pictures are enforced where a product is saved, whatever the form
(issue 20, item 1): Oscar's dashboard forms and the Django admin cannot bypass them."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from oscar.apps.dashboard.catalogue.forms import ProductForm as DashboardProductForm
from oscar.apps.dashboard.catalogue.forms import StockRecordForm as DashboardStockRecordForm

from shop.catalogue.models import Product
from shop.partner.models import StockRecord
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return ProductFactory(
        kind="physical", partner=PartnerFactory(), price=Decimal("100.00"), num_in_stock=3
    )


def _staff_hide(product):
    Product.objects.filter(pk=product.pk).update(is_public=False, staff_hidden_at=timezone.now())
    product.refresh_from_db()


@pytest.mark.parametrize("price", ["-1", "-0.01", "1000000.01", "9999999999"])
def test_a_stock_record_refuses_a_price_out_of_bounds_in_any_model_form(product, price):
    record = product.stockrecords.get()
    form = DashboardStockRecordForm(
        product.get_product_class(),
        UserFactory(is_staff=True, is_superuser=True),
        {
            "partner": record.partner_id,
            "partner_sku": record.partner_sku,
            "price": price,
            "num_in_stock": "3",
        },
        instance=record,
    )

    assert not form.is_valid()
    assert "price" in form.errors or form.non_field_errors()


def test_the_database_refuses_a_negative_price(product):
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(product=product).update(price=Decimal("-5"))


def test_a_product_hidden_by_staff_cannot_be_shown_again_through_another_form(product):
    _staff_hide(product)
    form = DashboardProductForm(
        product.get_product_class(),
        data={
            "title": product.title,
            "upc": "",
            "is_public": "on",
            "is_discountable": "on",
            "structure": "standalone",
            "slug": product.slug,
        },
        instance=product,
    )

    with translation.override("en"):
        assert not form.is_valid()
        assert "The programme staff hid this product" in str(form.errors["is_public"])


def test_the_database_keeps_a_product_hidden_by_staff_hidden(product):
    _staff_hide(product)
    product.is_public = True
    with pytest.raises(IntegrityError), transaction.atomic():
        product.save()


def test_staff_restoring_a_product_lets_its_creator_show_it(product):
    _staff_hide(product)
    product.staff_hidden_at = None
    product.save()
    product.is_public = True
    product.save()
    assert Product.objects.get(pk=product.pk).is_public


def test_a_bare_post_to_any_product_form_is_never_a_500(product):
    """Only a CSRF token (none needed by the test client): a form error, never a crash."""
    from django.test import Client

    from tests.factories.partner import creator_with_shop

    creator = creator_with_shop()
    own = ProductFactory(kind="physical", partner=creator.shop, price=Decimal("5"), num_in_stock=1)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    forms = {
        creator: [
            "/fr/shop/my-shop/products/add/",
            f"/fr/shop/my-shop/products/{own.pk}/edit/",
        ],
        superuser: [
            f"/fr/shop/dashboard/catalogue/products/{product.pk}/",
            "/fr/shop/dashboard/catalogue/products/create/physical/",
            f"/django-admin/catalogue/product/{product.pk}/change/",
            "/django-admin/partner/stockrecord/add/",
        ],
    }
    for user, urls in forms.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        for url in urls:
            assert client.post(url, {}).status_code < 500, url
