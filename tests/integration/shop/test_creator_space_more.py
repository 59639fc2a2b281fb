"""Creator space additions: delivery fees, digital files, staff hiding, the IDOR matrix."""

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from shop.catalogue.models import Product, ProductClass, ProductImage
from shop.partner.models import PartnerDeliveryFee
from tests.factories import PartnerFactory, ProductFactory, UserFactory, discipline, province
from tests.factories.market import DeliveryFeeFactory
from tests.factories.partner import creator_with_shop
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

SPACE = "/fr/shop/my-shop/"
DETAILS = SPACE + "details/"
PRODUCTS = SPACE + "products/"
ADD = PRODUCTS + "add/"


def fr(message):
    with translation.override("fr"):
        return translation.gettext(message)


@pytest.fixture
def creator():
    return creator_with_shop()


@pytest.fixture
def other_creator():
    shop = PartnerFactory()
    user = shop.profile.user
    user.shop = shop
    return user


def fees_data(rows, initial=0, **extra):
    """POST data of the shop details form with the delivery table ``rows``."""
    data = {
        "description": "",
        "policies": "",
        "vacation_message": "",
        "fees-TOTAL_FORMS": str(len(rows)),
        "fees-INITIAL_FORMS": str(initial),
        "fees-MIN_NUM_FORMS": "0",
        "fees-MAX_NUM_FORMS": "8",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"fees-{index}-{key}"] = value
    data.update(extra)
    return data


# --------------------------------------------------------------------------------------
# Delivery fees
# --------------------------------------------------------------------------------------
def test_a_creator_sets_delivery_fees_shown_on_the_shop_page(client, creator):
    client.force_login(creator)
    rows = [
        {"province": province("oujda-angad").pk, "fee": "20"},
        {"province": province("nador").pk, "fee": "45.50"},
    ]

    assert client.post(DETAILS, fees_data(rows)).status_code == 302

    fees = {f.province.slug: f.fee for f in creator.shop.delivery_fees.all()}
    assert {slug: str(fee) for slug, fee in fees.items()} == {
        "oujda-angad": "20.00",
        "nador": "45.50",
    }
    page = text_of(Client().get(creator.shop.get_absolute_url()))
    assert province("nador").label in page and "45,50" in page


def test_a_creator_changes_and_removes_a_delivery_fee(client, creator):
    fee = DeliveryFeeFactory(partner=creator.shop, province=province("nador"))
    kept = DeliveryFeeFactory(partner=creator.shop, province=province("oujda-angad"))
    client.force_login(creator)
    rows = [
        {"id": fee.pk, "province": fee.province_id, "fee": "30", "DELETE": "on"},
        {"id": kept.pk, "province": kept.province_id, "fee": "15"},
    ]

    client.post(DETAILS, fees_data(rows, initial=2))

    assert list(creator.shop.delivery_fees.values_list("pk", "fee")) == [(kept.pk, 15)]


def test_a_province_appears_once_and_a_negative_fee_is_refused(client, creator):
    client.force_login(creator)
    rows = [
        {"province": province("nador").pk, "fee": "20"},
        {"province": province("nador").pk, "fee": "25"},
        {"province": province("oujda-angad").pk, "fee": "-3"},
    ]

    response = client.post(DETAILS, fees_data(rows, description="Gardé"))

    assert response.status_code == 200
    assert fr("This province is already in the list.") in text_of(response)
    assert response.context["fees"].forms[2].has_error("fee")
    assert not PartnerDeliveryFee.objects.exists()
    creator.shop.refresh_from_db()
    assert creator.shop.description == ""  # nothing half-saved
    assert "Gardé" in text_of(response)


def test_another_creators_delivery_fee_id_answers_404(client, creator, other_creator):
    theirs = DeliveryFeeFactory(partner=other_creator.shop, province=province("nador"))
    client.force_login(creator)
    rows = [{"id": theirs.pk, "province": theirs.province_id, "fee": "1", "DELETE": "on"}]

    response = client.post(DETAILS, fees_data(rows, initial=1))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.fee == 30 and theirs.partner == other_creator.shop


# --------------------------------------------------------------------------------------
# Digital files
# --------------------------------------------------------------------------------------
def digital_data(**overrides):
    data = {
        "title": "Pack de LUTs Oriental",
        "product_class": ProductClass.objects.get(slug="digital").pk,
        "discipline": discipline("photographie").pk,
        "description": "Douze LUTs.",
        "price": "150",
        "price_kind": "fixed",
        "num_in_stock": "",
        "is_public": "on",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "8",
    }
    data.update(overrides)
    return data


ZIP = b"PK\x03\x04" + b"\x00" * 60


def test_a_creator_uploads_the_file_of_a_digital_product_kept_private(client, creator, settings):
    client.force_login(creator)

    response = client.post(
        ADD, digital_data(digital_file=SimpleUploadedFile("luts.zip", ZIP, "application/zip"))
    )

    assert response.status_code == 302
    product = Product.objects.get(title="Pack de LUTs Oriental")
    assert product.digital_file.read() == ZIP
    path = product.digital_file.path
    assert str(settings.PRIVATE_MEDIA_ROOT) in path and str(settings.MEDIA_ROOT) not in path
    page = Client().get(product.get_absolute_url()).content.decode()
    assert "luts.zip" not in page
    assert product.digital_file.name not in page


def test_a_digital_product_needs_its_file(client, creator):
    client.force_login(creator)

    response = client.post(ADD, digital_data())

    assert response.context["form"].has_error("digital_file")
    assert not Product.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.zip", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("drawing.pdf", b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("x.bin", b"\xef\xbb\xbf  <svg onload='alert(1)'/>"),
        ("empty.zip", b""),
    ],
)
def test_a_page_a_drawing_or_an_empty_file_is_refused(client, creator, name, content):
    client.force_login(creator)

    response = client.post(ADD, digital_data(digital_file=SimpleUploadedFile(name, content)))

    assert response.status_code == 200
    assert response.context["form"].has_error("digital_file")
    assert not Product.objects.exists()


def test_a_too_large_file_is_refused(client, creator, monkeypatch):
    monkeypatch.setattr("shop.catalogue.validators.MAX_DIGITAL_BYTES", 100)
    client.force_login(creator)

    response = client.post(
        ADD, digital_data(digital_file=SimpleUploadedFile("big.zip", ZIP * 3, "application/zip"))
    )

    assert response.context["form"].has_error("digital_file", code="too_large")


def test_only_digital_products_take_a_file(client, creator):
    client.force_login(creator)
    data = digital_data(
        product_class=ProductClass.objects.get(slug="service").pk,
        digital_file=SimpleUploadedFile("luts.zip", ZIP, "application/zip"),
    )

    response = client.post(ADD, data)

    assert response.context["form"].has_error("digital_file")


# --------------------------------------------------------------------------------------
# IDOR: another creator's picture ids
# --------------------------------------------------------------------------------------
def test_another_products_picture_id_answers_404_in_the_product_form(
    client, creator, other_creator
):
    mine = ProductFactory(partner=creator.shop, kind="service")
    theirs = ProductFactory(partner=other_creator.shop, kind="service")
    image = ProductImage.objects.create(
        product=theirs, caption="Leur photo", display_order=0, original="x.jpg"
    )
    client.force_login(creator)
    data = digital_data(
        title="Volé",
        product_class=mine.product_class_id,
        **{
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "1",
            "images-0-id": str(image.pk),
            "images-0-caption": "Pris",
            "images-0-DELETE": "on",
        },
    )

    response = client.post(f"{PRODUCTS}{mine.pk}/edit/", data)

    assert response.status_code == 404
    image.refresh_from_db()
    assert image.caption == "Leur photo" and image.product == theirs
    mine.refresh_from_db()
    assert mine.title != "Volé"


def test_a_creator_cannot_hide_products_through_the_staff_page(client, creator, other_creator):
    theirs = ProductFactory(partner=other_creator.shop)
    client.force_login(creator)

    response = client.post(f"/fr/shop/staff/products/{theirs.pk}/hide/", {"reason": "Non"})

    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.is_public and not theirs.is_hidden_by_staff


# --------------------------------------------------------------------------------------
# Staff hide a product with a reason, emailed to the creator
# --------------------------------------------------------------------------------------
def product_moderator():
    """A staff member with the programme staff's right to hide products."""
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="hide_product"))
    return user


def test_staff_hide_a_product_and_the_creator_is_told_why(
    client, creator, django_capture_on_commit_callbacks
):
    product = ProductFactory(partner=creator.shop, title="Tirage contesté")
    creator.email = "salma@example.ma"
    creator.save()
    client.force_login(product_moderator())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/fr/shop/staff/products/{product.pk}/hide/",
            {"reason": "La photo reprend une œuvre sans autorisation."},
        )

    assert response.status_code == 302
    product.refresh_from_db()
    assert not product.is_public and product.is_hidden_by_staff
    assert product.staff_hidden_reason == "La photo reprend une œuvre sans autorisation."
    assert Client().get(product.get_absolute_url()).status_code == 404
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["salma@example.ma"]
    assert "La photo reprend une œuvre sans autorisation." in mail.outbox[0].body
    assert "Tirage contesté" in mail.outbox[0].subject

    client.force_login(creator)
    listing = text_of(client.get(PRODUCTS))
    assert fr("Hidden by the programme staff") in listing
    assert "La photo reprend une œuvre sans autorisation." in listing


def test_the_creator_cannot_show_a_product_hidden_by_staff(client, creator):
    product = ProductFactory(partner=creator.shop)
    client.force_login(product_moderator())
    client.post(f"/fr/shop/staff/products/{product.pk}/hide/", {"reason": "Contenu à revoir."})
    client.force_login(creator)

    client.post(f"{PRODUCTS}{product.pk}/visibility/")

    product.refresh_from_db()
    assert not product.is_public


def test_staff_must_give_a_reason_and_hiding_is_post_only(client, creator):
    product = ProductFactory(partner=creator.shop)
    client.force_login(product_moderator())
    url = f"/fr/shop/staff/products/{product.pk}/hide/"

    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": ""})

    assert response.status_code == 200
    assert response.context["form"].has_error("reason")
    product.refresh_from_db()
    assert product.is_public
    assert not mail.outbox


def test_staff_let_the_creator_show_the_product_again(client, creator):
    product = ProductFactory(partner=creator.shop)
    client.force_login(product_moderator())
    url = f"/fr/shop/staff/products/{product.pk}/hide/"
    client.post(url, {"reason": "À revoir."})

    client.post(url, {"action": "restore"})

    product.refresh_from_db()
    assert not product.is_hidden_by_staff
    client.force_login(creator)
    client.post(f"{PRODUCTS}{product.pk}/visibility/")
    product.refresh_from_db()
    assert product.is_public


def test_staff_without_the_moderation_right_can_neither_hide_nor_see_the_link(client, creator):
    product = ProductFactory(partner=creator.shop, title="Tirage")
    client.force_login(UserFactory(is_staff=True))  # communication staff, for example

    response = client.post(f"/fr/shop/staff/products/{product.pk}/hide/", {"reason": "Non"})

    assert response.status_code == 403
    product.refresh_from_db()
    assert product.is_public and not product.is_hidden_by_staff
    page = client.get(product.get_absolute_url()).content.decode()
    assert f"/fr/shop/staff/products/{product.pk}/hide/" not in page
    client.force_login(product_moderator())
    page = client.get(product.get_absolute_url()).content.decode()
    assert f"/fr/shop/staff/products/{product.pk}/hide/" in page


def test_an_anonymous_visitor_is_sent_to_sign_in_for_the_staff_page(client):
    product = ProductFactory()

    response = client.post(f"/fr/shop/staff/products/{product.pk}/hide/", {"reason": "x"})

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.is_public


# --------------------------------------------------------------------------------------
# Summary and the "My shop" link
# --------------------------------------------------------------------------------------
def test_the_summary_lists_its_stat_cards(client, creator):
    ProductFactory(partner=creator.shop, kind="physical", num_in_stock=1)
    client.force_login(creator)

    response = client.get(SPACE)

    stats = {str(stat.label): stat.value for stat in response.context["stats"]}
    assert stats[str(fr("products and services"))] == 1
    assert stats[str(fr("low in stock"))] == 1


def test_the_header_links_creators_to_their_shop(client, creator):
    my_shop = f'href="{SPACE}"'
    assert my_shop not in client.get("/fr/shop/catalogue/").content.decode()

    client.force_login(UserFactory())
    assert my_shop not in client.get("/fr/shop/catalogue/").content.decode()

    client.force_login(creator)
    assert my_shop in client.get("/fr/shop/catalogue/").content.decode()


def test_the_digital_file_is_never_given_a_public_address(creator):
    product = ProductFactory(partner=creator.shop, kind="digital")
    product.digital_file.save("pack.zip", ContentFile(ZIP))

    with pytest.raises(ValueError):
        product.digital_file.url  # noqa: B018


def test_the_django_admin_action_opens_the_staff_form_for_one_product(client):
    product = ProductFactory()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        "/django-admin/catalogue/product/",
        {"action": "hide_with_reason", "_selected_action": [product.pk]},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/fr/shop/staff/products/{product.pk}/hide/"


def test_the_my_shop_link_costs_no_query_for_anonymous_visitors(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PartnerFactory()
    client.get("/fr/shop/catalogue/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/shop/catalogue/")

    assert not [q for q in queries.captured_queries if "partner_partner_users" in q["sql"]]


def test_a_creator_downloads_their_own_digital_file_but_not_anothers(
    client, creator, other_creator
):
    mine = ProductFactory(partner=creator.shop, kind="digital")
    mine.digital_file.save("pack.zip", ContentFile(ZIP))
    theirs = ProductFactory(partner=other_creator.shop, kind="digital")
    theirs.digital_file.save("leur-pack.zip", ContentFile(ZIP))

    assert Client().get(f"{PRODUCTS}{mine.pk}/file/").status_code == 302  # sign in first
    client.force_login(creator)
    response = client.get(f"{PRODUCTS}{mine.pk}/file/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == ZIP
    assert "attachment" in response["Content-Disposition"]
    assert client.get(f"{PRODUCTS}{theirs.pk}/file/").status_code == 404
