"""Reviews: only verified buyers review, once; staff moderate; approved ones are shown."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.apps.basket.models import Basket
from oscar.apps.partner.strategy import Default
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

ProductReview = get_model("reviews", "ProductReview")


def fr(message):
    with translation.override("fr"):
        return translation.gettext(message)


def buy(user, product):
    """An order of ``user`` with one line for ``product``."""
    basket = Basket.objects.create(owner=user)
    basket.strategy = Default()
    basket.add_product(product)
    return create_order(basket=basket, user=user)


def add_url(product):
    return reverse(
        "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
    )


REVIEW = {"title": "Très beau tirage", "score": "5", "body": "Livré vite, papier superbe."}


@pytest.fixture
def product():
    return ProductFactory(kind="physical", price=Decimal("300.00"), title="Tirage Saïdia")


def test_a_verified_buyer_reviews_and_the_review_waits_for_moderation(client, product):
    buyer = UserFactory()
    buy(buyer, product)
    client.force_login(buyer)

    response = client.post(add_url(product), REVIEW)

    assert response.status_code == 302
    review = ProductReview.objects.get(product=product)
    assert review.user == buyer
    assert review.status == ProductReview.FOR_MODERATION
    assert "Très beau tirage" not in text_of(client.get(product.get_absolute_url()))


def test_an_approved_review_and_the_average_show_on_the_product_and_shop_pages(client, product):
    for score in (4, 5):
        buyer = UserFactory()
        buy(buyer, product)
        ProductReview.objects.create(
            product=product,
            user=buyer,
            title=f"Avis {score}",
            score=score,
            body="Bien.",
            status=ProductReview.APPROVED,
        )
    product.refresh_from_db()
    assert product.rating == 4.5

    page = text_of(client.get(product.get_absolute_url()))
    assert "Avis 4" in page and "Avis 5" in page
    assert "4,5" in page
    shop_page = text_of(client.get(product.stockrecords.get().partner.get_absolute_url()))
    assert "4,5" in shop_page


def test_a_rejected_review_is_not_shown(client, product):
    buyer = UserFactory()
    buy(buyer, product)
    ProductReview.objects.create(
        product=product,
        user=buyer,
        title="Refusé",
        score=1,
        body="…",
        status=ProductReview.REJECTED,
    )

    assert "Refusé" not in text_of(client.get(product.get_absolute_url()))


def test_a_user_who_did_not_buy_cannot_review_and_is_told_why(client, product):
    client.force_login(UserFactory())

    page = text_of(client.get(product.get_absolute_url()))
    assert fr("Only clients who bought this product or service can review it.") in page
    assert add_url(product) not in page

    response = client.post(add_url(product), REVIEW)
    assert response.status_code == 302
    assert not ProductReview.objects.exists()


def test_a_buyer_of_another_product_cannot_review_this_one(client, product):
    buyer = UserFactory()
    buy(buyer, ProductFactory(kind="physical"))
    client.force_login(buyer)

    client.post(add_url(product), REVIEW)

    assert not ProductReview.objects.filter(product=product).exists()


def test_an_anonymous_visitor_is_invited_to_sign_in(client, product):
    page = text_of(client.get(product.get_absolute_url()))

    assert fr("Sign in to review a product you bought.") in page
    client.post(add_url(product), {**REVIEW, "name": "X", "email": "x@example.ma"})
    assert not ProductReview.objects.exists()


def test_a_buyer_reviews_only_once(client, product):
    buyer = UserFactory()
    buy(buyer, product)
    client.force_login(buyer)
    client.post(add_url(product), REVIEW)

    client.post(add_url(product), {**REVIEW, "title": "Encore"})

    assert ProductReview.objects.filter(product=product).count() == 1
    page = text_of(client.get(product.get_absolute_url()))
    assert fr("You have already reviewed this product. Thank you!") in page


def test_a_creator_cannot_review_their_own_product(client):
    shop = PartnerFactory()
    product = ProductFactory(partner=shop, kind="physical")
    creator = shop.profile.user
    buy(creator, product)
    client.force_login(creator)

    client.post(add_url(product), REVIEW)

    assert not ProductReview.objects.exists()


def test_a_superuser_approves_reviews_in_oscars_dashboard(client, product):
    buyer = UserFactory()
    buy(buyer, product)
    review = ProductReview.objects.create(
        product=product, user=buyer, title="À modérer", score=3, body="Correct."
    )
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("dashboard:reviews-update", kwargs={"pk": review.pk}),
        {"title": review.title, "body": review.body, "score": 3, "status": ProductReview.APPROVED},
    )

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == ProductReview.APPROVED
    assert "À modérer" in text_of(client.get(product.get_absolute_url()))
