"""The creator space (/shop/my-shop/) and the creators' public shop pages."""

import html
import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from PIL import Image

from shop.catalogue.models import Product, ProductClass, ProductImage
from shop.partner.models import StockRecord
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, UserFactory, discipline
from tests.factories.partner import creator_with_shop
from tests.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db

SPACE = "/fr/shop/my-shop/"
PRODUCTS = SPACE + "products/"
ADD = PRODUCTS + "add/"


def edit_url(product):
    return f"{PRODUCTS}{product.pk}/edit/"


def fr(message):
    """``message`` as a French visitor reads it (the space is tested in French)."""
    with translation.override("fr"):
        return translation.gettext(message)


def stat(page, label):
    """The number shown beside ``label`` (English source) on the French summary page."""
    label = re.escape(html.escape(fr(label), quote=True))
    match = re.search(rf'stat-value">([^<]*)</span> <span class="stat-label">{label}<', page)
    return match and match.group(1)


def picture(name="photo.png", image_format="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def product_data(**overrides):
    data = {
        "title": "Tirage d'art 30×40",
        "product_class": ProductClass.objects.get(slug="physical").pk,
        "discipline": discipline("photographie").pk,
        "description": "<p>Un tirage <strong>signé</strong>.</p><script>alert(1)</script>",
        "price": "450.00",
        "price_kind": "fixed",
        "num_in_stock": "5",
        "available_at_karfour": "on",
        "is_public": "on",
        "images-TOTAL_FORMS": "2",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "8",
    }
    data.update(overrides)
    return data


@pytest.fixture
def creator():
    """A creator with a shop; ``creator.shop`` is the Partner."""
    return creator_with_shop()


@pytest.fixture
def other_creator():
    shop = PartnerFactory()
    user = shop.profile.user
    user.shop = shop
    return user


# --------------------------------------------------------------------------------------
# Access
# --------------------------------------------------------------------------------------
def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(SPACE)

    assert response.status_code == 302
    assert "/shop/accounts/login/" in response["Location"]


def test_a_signed_in_user_without_a_shop_is_refused(client):
    client.force_login(UserFactory())

    assert client.get(SPACE).status_code == 403
    assert client.get(ADD).status_code == 403


def test_a_creator_sees_the_summary_of_their_shop(client, creator):
    ProductFactory(partner=creator.shop, title="Visible")
    ProductFactory(partner=creator.shop, title="Caché", is_public=False)
    ProductFactory(partner=creator.shop, kind="physical", num_in_stock=1)
    ProductFactory(title="Produit d'un autre")
    client.force_login(creator)

    page = text_of(client.get(SPACE))

    assert stat(page, "products and services") == "3"
    assert stat(page, "hidden") == "1"
    assert stat(page, "low in stock") == "1"


# --------------------------------------------------------------------------------------
# Products
# --------------------------------------------------------------------------------------
def test_the_product_list_shows_only_the_creators_own_products(client, creator):
    ProductFactory(partner=creator.shop, title="Mon reportage")
    ProductFactory(title="Le reportage d'un autre")
    client.force_login(creator)

    page = text_of(client.get(PRODUCTS))

    assert "Mon reportage" in page
    assert "Le reportage d'un autre" not in page


def test_the_product_list_runs_a_fixed_number_of_queries(client, creator):
    client.force_login(creator)
    ProductFactory.create_batch(3, partner=creator.shop)
    count_queries(client, PRODUCTS)  # warm the caches (site settings, session)
    few = count_queries(client, PRODUCTS)
    ProductFactory.create_batch(30, partner=creator.shop, kind="physical")

    assert count_queries(client, PRODUCTS) == few


def test_a_creator_adds_a_physical_product_with_a_picture(client, creator):
    client.force_login(creator)
    data = product_data(**{"images-0-original": picture(), "images-0-caption": "Le tirage"})

    response = client.post(ADD, data)

    assert response.status_code == 302
    product = Product.objects.get(title="Tirage d'art 30×40")
    record = product.stockrecords.get()
    assert record.partner == creator.shop
    assert record.price == Decimal("450.00")
    assert record.price_currency == "MAD"
    assert record.num_in_stock == 5
    assert product.available_at_karfour and product.is_public
    assert [c.discipline.slug for c in product.categories.all()] == ["photographie"]
    assert "<script>" not in product.description
    assert "<strong>signé</strong>" in product.description
    image = product.images.get()
    assert image.caption == "Le tirage"


def test_the_new_product_appears_in_the_public_catalogue(client, creator):
    client.force_login(creator)
    client.post(ADD, product_data(title="Pack de sons urbains"))
    client.logout()

    assert "Pack de sons urbains" in text_of(client.get("/fr/shop/catalogue/"))


def test_a_service_keeps_no_stock(client, creator):
    client.force_login(creator)
    data = product_data(product_class=ProductClass.objects.get(slug="service").pk, num_in_stock="")

    assert client.post(ADD, data).status_code == 302
    assert StockRecord.objects.get(partner=creator.shop).num_in_stock is None


def test_bad_input_keeps_what_was_typed_and_saves_nothing(client, creator):
    client.force_login(creator)
    data = product_data(price="-3", num_in_stock="")

    response = client.post(ADD, data)

    assert response.status_code == 200
    page = text_of(response)
    assert "Tirage d'art 30×40" in page
    assert fr("Say how many you have in stock.") in page
    assert not Product.objects.filter(title="Tirage d'art 30×40").exists()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("evil.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/jpeg"),
        SimpleUploadedFile("page.png", b"<html><script>alert(1)</script></html>", "image/png"),
    ],
    ids=["svg-renamed-jpg", "html-renamed-png"],
)
def test_a_picture_is_checked_by_its_content(client, creator, upload):
    client.force_login(creator)
    upload.seek(0)
    data = product_data(**{"images-0-original": upload, "images-0-caption": "Une image"})

    response = client.post(ADD, data)

    assert response.status_code == 200
    assert not Product.objects.filter(title="Tirage d'art 30×40").exists()
    assert not ProductImage.objects.exists()


def test_a_gif_is_refused(client, creator):
    client.force_login(creator)
    data = product_data(
        **{"images-0-original": picture("a.gif", "GIF"), "images-0-caption": "Une image"}
    )

    assert client.post(ADD, data).status_code == 200
    assert not ProductImage.objects.exists()


def test_a_picture_needs_alt_text(client, creator):
    client.force_login(creator)
    data = product_data(**{"images-0-original": picture(), "images-0-caption": ""})

    response = client.post(ADD, data)

    assert response.status_code == 200
    assert fr("Describe the picture for people who cannot see it.") in text_of(response)
    assert not Product.objects.filter(title="Tirage d'art 30×40").exists()


def test_a_creator_edits_a_product_and_reorders_its_pictures(client, creator):
    product = ProductFactory(partner=creator.shop, kind="physical", title="Ancien titre")
    first = ProductImage.objects.create(
        product=product, original=picture("a.png"), caption="A", display_order=0
    )
    second = ProductImage.objects.create(
        product=product, original=picture("b.png"), caption="B", display_order=1
    )
    client.force_login(creator)
    data = product_data(
        title="Nouveau titre",
        price="99.50",
        **{
            "images-TOTAL_FORMS": "4",
            "images-INITIAL_FORMS": "2",
            "images-0-id": first.pk,
            "images-0-caption": "A",
            "images-0-display_order": "2",
            "images-1-id": second.pk,
            "images-1-caption": "B",
            "images-1-display_order": "0",
        },
    )

    response = client.post(edit_url(product), data)

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.title == "Nouveau titre"
    assert product.stockrecords.get().price == Decimal("99.50")
    assert product.primary_image().caption == "B"


def test_a_creator_hides_and_shows_a_product(client, creator):
    product = ProductFactory(partner=creator.shop, title="Séance en bord de mer")
    client.force_login(creator)
    url = f"{PRODUCTS}{product.pk}/visibility/"

    assert client.get(url).status_code == 405
    client.post(url)
    product.refresh_from_db()
    assert not product.is_public
    assert "Séance en bord de mer" not in text_of(Client().get("/fr/shop/catalogue/"))
    client.post(url)
    product.refresh_from_db()
    assert product.is_public


def test_a_creator_deletes_a_product_after_confirming(client, creator):
    product = ProductFactory(partner=creator.shop, title="À supprimer")
    client.force_login(creator)
    url = f"{PRODUCTS}{product.pk}/delete/"

    assert "À supprimer" in text_of(client.get(url))
    assert Product.objects.filter(pk=product.pk).exists()
    client.post(url)
    assert not Product.objects.filter(pk=product.pk).exists()


# --------------------------------------------------------------------------------------
# Two creators: one never reaches the other's products (IDOR matrix)
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", "edit/"),
        ("post", "edit/"),
        ("post", "visibility/"),
        ("get", "delete/"),
        ("post", "delete/"),
    ],
)
def test_a_creator_cannot_reach_another_creators_product(
    client, creator, other_creator, method, suffix
):
    theirs = ProductFactory(partner=other_creator.shop, title="Leur produit")
    client.force_login(creator)

    response = getattr(client, method)(f"{PRODUCTS}{theirs.pk}/{suffix}", product_data())

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Leur produit"
    assert theirs.is_public
    assert theirs.stockrecords.get().partner == other_creator.shop


# --------------------------------------------------------------------------------------
# Public shop pages
# --------------------------------------------------------------------------------------
def test_a_shop_page_shows_the_creator_and_their_public_products(client):
    shop = PartnerFactory(name="Studio Nour", profile=ProfileFactory(bio="Photographe à Oujda."))
    ProductFactory(partner=shop, title="Séance portrait", kind="service")
    ProductFactory(partner=shop, title="Tirage encadré", kind="physical")
    ProductFactory(partner=shop, title="Brouillon", is_public=False)
    ProductFactory(title="Produit d'une autre boutique")

    response = client.get(f"/fr/shop/creators/{shop.slug}/")

    page = text_of(response)
    assert "Studio Nour" in page
    assert "Photographe à Oujda." in page
    assert "Séance portrait" in page and "Tirage encadré" in page
    assert "Brouillon" not in page
    assert "Produit d'une autre boutique" not in page
    assert shop.profile.get_absolute_url() in response.content.decode()


def test_a_suspended_shop_is_not_found(client):
    shop = PartnerFactory(is_active=False)

    assert client.get(f"/fr/shop/creators/{shop.slug}/").status_code == 404


def test_a_shop_page_runs_a_fixed_number_of_queries(client):
    shop = PartnerFactory()
    ProductFactory.create_batch(2, partner=shop)
    url = shop.get_absolute_url()
    count_queries(client, url)  # warm the caches (site settings)
    few = count_queries(client, url)
    ProductFactory.create_batch(20, partner=shop, kind="physical")

    assert count_queries(client, url) == few


def test_the_shop_page_is_the_partners_address(client):
    shop = PartnerFactory(slug="studio-nour")

    assert shop.get_absolute_url() == "/fr/shop/creators/studio-nour/"


# --------------------------------------------------------------------------------------
# Shop details and vacation mode
# --------------------------------------------------------------------------------------
DETAILS = SPACE + "details/"


def test_a_creator_describes_their_shop(client, creator):
    client.force_login(creator)
    data = {
        "description": "Tirages et reportages dans tout l'Oriental.",
        "policies": "Retrait au hub sous 7 jours.",
        "banner": picture("banner.png", size=(120, 40)),
        "banner_alt": "Un coucher de soleil sur Saïdia",
        "vacation_message": "",
    }

    assert client.post(DETAILS, data).status_code == 302

    page = text_of(client.get(creator.shop.get_absolute_url()))
    assert "Tirages et reportages dans tout l'Oriental." in page
    assert "Retrait au hub sous 7 jours." in page
    assert 'alt="Un coucher de soleil sur Saïdia"' in page


def test_a_shop_banner_needs_alt_text(client, creator):
    client.force_login(creator)

    response = client.post(DETAILS, {"banner": picture(), "banner_alt": ""})

    assert fr("Describe the banner for people who cannot see it.") in text_of(response)
    creator.shop.refresh_from_db()
    assert not creator.shop.banner


def test_a_shop_banner_must_be_a_real_picture(client, creator):
    client.force_login(creator)
    fake = SimpleUploadedFile("b.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/jpeg")

    response = client.post(DETAILS, {"banner": fake, "banner_alt": "", "description": "Gardé"})

    assert response.status_code == 200
    assert response.context["form"].has_error("banner")
    assert "Gardé" in text_of(response)
    creator.shop.refresh_from_db()
    assert not creator.shop.banner and creator.shop.description == ""


def test_vacation_mode_hides_the_buy_buttons_and_the_basket_refuses(client, creator):
    product = ProductFactory(partner=creator.shop, kind="physical", title="Tirage")
    client.force_login(creator)
    client.post(DETAILS, {"on_vacation": "on", "vacation_message": "De retour le 15 juin."})
    visitor = Client()

    page = visitor.get(product.get_absolute_url()).content.decode()
    assert "De retour le 15 juin." in page
    assert 'id="add_to_basket_form"' not in page
    assert "De retour le 15 juin." in text_of(visitor.get(creator.shop.get_absolute_url()))
    visitor.post(f"/fr/shop/basket/add/{product.pk}/", {"quantity": 1})
    assert visitor.get("/fr/shop/basket/").context["basket"].num_items == 0


def test_without_vacation_mode_the_product_can_be_added_to_the_basket(client, creator):
    product = ProductFactory(partner=creator.shop, kind="physical")

    page = client.get(product.get_absolute_url()).content.decode()

    assert 'id="add_to_basket_form"' in page


def test_a_creator_cannot_change_another_shops_details(client, creator, other_creator):
    client.force_login(creator)

    client.post(DETAILS, {"description": "Mine"})

    other_creator.shop.refresh_from_db()
    creator.shop.refresh_from_db()
    assert other_creator.shop.description == ""
    assert creator.shop.description == "Mine"


# --------------------------------------------------------------------------------------
# Services: "from" price and price on quote
# --------------------------------------------------------------------------------------
def service_data(**overrides):
    return product_data(
        title="Sonorisation de mariage",
        product_class=ProductClass.objects.get(slug="service").pk,
        num_in_stock="",
        **overrides,
    )


def test_a_service_on_quote_has_no_price_and_cannot_be_bought(client, creator):
    client.force_login(creator)

    client.post(ADD, service_data(price_kind="quote", price=""))

    product = Product.objects.get(title="Sonorisation de mariage")
    assert product.stockrecords.get().price is None
    page = Client().get(product.get_absolute_url()).content.decode()
    assert fr("Price on quote") in page
    assert 'id="add_to_basket_form"' not in page


def test_a_service_with_a_from_price_shows_from(client, creator):
    client.force_login(creator)

    client.post(ADD, service_data(price_kind="from", price="800"))

    page = text_of(Client().get(f"/en/shop/creators/{creator.shop.slug}/"))
    card = re.sub(r"<[^>]+>", "", page[page.index("Sonorisation de mariage") :])
    # The product card: title, the creator's province (when known), then the price.
    price = r"^Sonorisation de mariage\s+(?:[\w-]+\s+)?From\s+MAD\s?800\.00"
    assert re.search(price, card), card[:200]


def test_only_services_have_a_from_price(client, creator):
    client.force_login(creator)

    response = client.post(ADD, product_data(price_kind="from"))

    assert response.status_code == 200
    assert response.context["form"].has_error("price_kind")


def test_a_fixed_price_is_required(client, creator):
    client.force_login(creator)

    response = client.post(ADD, product_data(price="", price_kind="fixed"))

    assert response.context["form"].has_error("price")
    assert not Product.objects.filter(title="Tirage d'art 30×40").exists()


def test_the_summary_counts_new_orders_open_quotes_and_the_balance(client, creator):
    from tests.factories.orders import order_of
    from tests.factories.quotes import QuoteRequestFactory

    mine = ProductFactory(partner=creator.shop, kind="physical", num_in_stock=5)
    order_of([(mine, 1)])
    order_of([(ProductFactory(kind="physical", num_in_stock=5), 1)])  # another creator's order
    QuoteRequestFactory(partner=creator.shop)
    QuoteRequestFactory()  # another creator's request
    client.force_login(creator)

    page = text_of(client.get(SPACE))

    assert stat(page, "new orders") == "1"
    assert stat(page, "open quote requests") == "1"
    assert stat(page, "owed to you").startswith("0")


def test_the_hidden_custom_work_product_of_quotes_stays_out_of_the_creators_lists(client, creator):
    from shop.quotes.services import custom_work_product

    custom = custom_work_product(creator.shop)
    client.force_login(creator)

    assert custom.title not in text_of(client.get(PRODUCTS))
    assert client.get(f"{PRODUCTS}{custom.pk}/edit/").status_code == 404
