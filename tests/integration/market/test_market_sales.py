"""Market sales sent by the stand screen (POST /fr/shop/my-shop/stand/sales/).

What the phone observes (the JSON answer) and what the creator, the stock and the staff
observe afterwards. The endpoint is tested as the page calls it: JSON body, CSRF token."""

import json
import uuid
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from shop.order.models import MarketSale
from shop.partner.models import StockRecord
from tests.factories import ProductFactory
from tests.factories.market import StandFactory
from tests.factories.orders import order_of
from tests.factories.partner import creator_with_shop
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

URL = "/fr/shop/my-shop/stand/sales/"
STAND = "/fr/shop/my-shop/stand/"


def sale(product, quantity=1, cash="250.00", **extra):
    return {
        "id": str(uuid.uuid4()),
        "product": product.pk,
        "quantity": quantity,
        "cash": cash,
        "phone": "",
        "recorded_at": timezone.now().isoformat(),
        **extra,
    }


def signed_in(user, enforce_csrf=True):
    client = Client(enforce_csrf_checks=enforce_csrf)
    client.force_login(user)
    client.get(STAND)  # the page sets the CSRF cookie, as the stand screen's first opening
    return client


def post(client, sales, creator=None):
    body = {"sales": sales}
    if creator is not None:
        body["creator"] = str(creator)
    return client.post(
        URL,
        json.dumps(body),
        content_type="application/json",
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )


def stock(product):
    return StockRecord.objects.get(product=product).num_in_stock


@pytest.fixture
def creator():
    return creator_with_shop()


@pytest.fixture
def mug(creator):
    return ProductFactory(
        partner=creator.shop, kind="physical", num_in_stock=5, price=Decimal("80")
    )


def test_sales_are_recorded_once_and_lower_the_stock(creator, mug):
    stand = StandFactory(partner=creator.shop)
    client = signed_in(creator)
    batch = [sale(mug, 2, "160.00", phone="0612345678"), sale(mug, 1, "80")]

    response = post(client, batch, creator=creator.shop.pk)

    assert response.status_code == 200
    answer = response.json()["sales"]
    assert [item["status"] for item in answer] == ["recorded", "recorded"]
    assert [item["id"] for item in answer] == [item["id"] for item in batch]
    assert stock(mug) == 2
    recorded = MarketSale.objects.get(uuid=batch[0]["id"])
    assert recorded.partner == creator.shop
    assert recorded.stand == stand and recorded.edition == stand.edition
    assert recorded.cash_received == Decimal("160.00")
    assert str(recorded.client_phone) == "+212612345678"
    assert recorded.recorded_by == creator
    assert recorded.received_at is not None


def test_a_replayed_batch_changes_nothing_and_answers_the_same(creator, mug):
    client = signed_in(creator)
    batch = [sale(mug, 1), sale(mug, 2)]
    first = post(client, batch).json()["sales"]

    for _ in range(2):
        again = post(client, batch)
        assert again.status_code == 200
        replay = again.json()["sales"]
        assert [item["status"] for item in replay] == ["already_recorded"] * 2
        assert [item["id"] for item in replay] == [item["id"] for item in first]
    # A batch mixing a sent sale and a new one records only the new one.
    mixed = post(client, [batch[0], sale(mug, 1)]).json()["sales"]
    assert [item["status"] for item in mixed] == ["already_recorded", "recorded"]

    assert MarketSale.objects.count() == 3
    assert stock(mug) == 1


def test_a_creator_cannot_record_on_another_creators_products(creator, mug):
    other = creator_with_shop()
    theirs = ProductFactory(partner=other.shop, kind="physical", num_in_stock=3)
    client = signed_in(creator)

    response = post(client, [sale(theirs)])

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors.values())[0]["product"]
    assert MarketSale.objects.count() == 0
    assert stock(theirs) == 3
    # A sale id already used by another shop is refused, not returned.
    mine = sale(mug)
    assert post(client, [mine]).status_code == 200
    other_client = signed_in(other)
    stolen = post(other_client, [{**mine, "product": theirs.pk}])
    assert stolen.status_code == 400
    assert "id" in stolen.json()["errors"][mine["id"]]
    assert MarketSale.objects.get().partner == creator.shop


def test_sales_made_for_another_account_on_this_phone_are_kept_for_it(creator, mug):
    client = signed_in(creator)
    response = post(client, [sale(mug)], creator=creator.shop.pk + 1000)
    assert response.status_code == 409
    assert MarketSale.objects.count() == 0


@pytest.mark.parametrize(
    "body, field",
    [
        ({"quantity": 0}, "quantity"),
        ({"quantity": "deux"}, "quantity"),
        ({"cash": "-5"}, "cash"),
        ({"phone": "12"}, "phone"),
        ({"recorded_at": "hier"}, "recorded_at"),
        ({"product": "x"}, "product"),
    ],
)
def test_bad_sales_get_a_400_that_says_why_and_record_nothing(creator, mug, body, field):
    client = signed_in(creator)
    bad = {**sale(mug), **body}

    response = post(client, [sale(mug), bad])

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors[bad["id"]]
    assert all(message for message in errors[bad["id"]][field])
    assert MarketSale.objects.count() == 0
    assert stock(mug) == 5


@pytest.mark.parametrize("raw", [b"not json", b"[]", b'{"sales": []}', b'{"sales": "x"}'])
def test_malformed_batches_get_a_400(creator, raw):
    client = signed_in(creator)
    response = client.post(
        URL,
        raw,
        content_type="application/json",
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"]


def test_the_endpoint_needs_a_signed_in_creator_and_the_csrf_token(creator, mug):
    anonymous = Client()
    assert anonymous.post(URL, "{}", content_type="application/json").status_code == 403
    client = signed_in(creator)
    no_token = client.post(URL, json.dumps({"sales": [sale(mug)]}), content_type="application/json")
    assert no_token.status_code == 403
    assert MarketSale.objects.count() == 0
    not_a_creator = creator_with_shop()
    not_a_creator.shop.users.clear()
    shopper = Client()
    shopper.force_login(not_a_creator)
    body = json.dumps({"sales": [sale(mug)]})
    assert shopper.post(URL, body, content_type="application/json").status_code == 403


def test_a_sale_of_items_an_online_order_took_is_kept_with_the_conflict(creator):
    lamp = ProductFactory(partner=creator.shop, kind="physical", num_in_stock=1)
    order = order_of([(lamp, 1)])
    record = StockRecord.objects.get(product=lamp)
    assert (record.num_in_stock, record.num_allocated) == (1, 1)
    client = signed_in(creator)

    response = post(client, [sale(lamp, 1)])

    assert response.status_code == 200
    answer = response.json()["sales"][0]
    assert answer["shortfall"] == 1
    assert answer["conflict_orders"] == [str(order.number)]
    record.refresh_from_db()
    assert record.num_in_stock == 0  # the physical count floors at 0
    assert record.num_allocated == 1  # the online order keeps its claim: the creator calls
    recorded = MarketSale.objects.get()
    assert list(recorded.conflict_orders.all()) == [order]
    # The stand screen shows it, with the order to contact.
    page = client.get(STAND).content.decode()
    assert "stand-sale is-conflict" in page or "is-conflict" in page
    assert str(order.number) in page
    # The replay answers the same conflict.
    again = post(client, [{**sale(lamp), "id": answer["id"]}]).json()["sales"][0]
    assert again["conflict_orders"] == [str(order.number)]


def test_a_batch_costs_a_fixed_number_of_queries(creator, django_assert_max_num_queries):
    products = [
        ProductFactory(partner=creator.shop, kind="physical", num_in_stock=1) for _ in range(4)
    ]
    for product in products:
        order_of([(product, 1)])  # every sale will be a conflict: the costliest path
    client = signed_in(creator)
    post(client, [sale(products[0], 1)])  # the rate counter's row exists from now on
    small = [sale(products[0], 1)]
    with django_assert_max_num_queries(25) as small_queries:
        assert post(client, small).status_code == 200
    big = [sale(product, 2) for product in products for _ in range(5)]
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        assert post(client, big).status_code == 200
    assert MarketSale.objects.filter(shortfall__gt=0).count() == 22


def test_the_stand_screen_is_the_creators_own(creator, mug):
    other = creator_with_shop()
    ProductFactory(partner=other.shop, kind="physical", title="Lampe de l'autre")
    client = signed_in(creator, enforce_csrf=False)
    page = client.get(STAND)
    assert page.status_code == 200
    text = page.content.decode()
    assert mug.title in text
    assert "Lampe de l&#x27;autre" not in text and "Lampe de l'autre" not in text
    assert Client().get(STAND).status_code == 302


# --------------------------------------------------------------------------------------
# Where the sales show: the creator's earnings, the staff's day per stand, the indicators
# --------------------------------------------------------------------------------------
def test_market_sales_show_in_the_creators_earnings_only_their_own(creator, mug):
    other = creator_with_shop()
    theirs = ProductFactory(partner=other.shop, kind="physical", num_in_stock=9)
    client = signed_in(creator)
    post(client, [sale(mug, 2, "160"), sale(mug, 1, "80")])
    post(signed_in(other), [sale(theirs, 1, "999")])

    page = client.get("/fr/shop/my-shop/earnings/")

    assert page.status_code == 200
    text = page.content.decode()
    assert 'aria-labelledby="market-title"' in text
    assert "240,00" in text  # 160 + 80, French format
    assert "999" not in text


def test_staff_see_a_days_totals_per_stand_and_the_conflicts(creator):
    from django.contrib.auth.models import Group

    from accounts import roles
    from tests.factories import UserFactory

    stand = StandFactory(
        partner=creator.shop, number="07", edition__name="L'Karfour 9", edition__name_ar="لكرفور 9"
    )
    lamp = ProductFactory(partner=creator.shop, kind="physical", num_in_stock=1, title="Lampe")
    order = order_of([(lamp, 1)])
    client = signed_in(creator)
    post(client, [sale(lamp, 1, "300"), sale(lamp, 2, "600")])
    staff_user = UserFactory()
    staff_user.groups.add(Group.objects.get(name=roles.PROGRAMME_STAFF))
    staff = Client()
    staff.force_login(staff_user)

    page = staff.get("/admin/shop/market-sales/")

    assert page.status_code == 200
    text = page.content.decode()
    assert stand.number in text and creator.shop.name in text
    assert "900,00" in text or "900.00" in text
    assert 'id="market-conflicts"' in text
    assert f"/admin/shop/orders/inspect/{order.pk}/" in text or str(order.number) in text
    # The edition in the staff member's language.
    arabic = staff.get("/admin/shop/market-sales/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "لكرفور 9" in arabic and "L&#x27;Karfour 9" not in arabic
    # Another day: nothing.
    other_day = staff.get("/admin/shop/market-sales/?day=2001-01-01").content.decode()
    assert "market-stands" not in other_day
    assert staff.get("/admin/shop/market-sales/?day=nonsense").status_code == 200
    # A creator is no staff.
    assert client.get("/admin/shop/market-sales/").status_code in (302, 403)


def test_the_indicators_count_market_sales_beside_online_ones(creator, mug):
    from hackathon import indicators

    order_of([(mug, 1)])
    post(signed_in(creator), [sale(mug, 2, "160.00")])

    figures = {item.key: item for item in indicators.compute()["indicators"]}

    assert figures["market_sales"].total == 1
    assert figures["market_cash"].total == Decimal("160.00")
    assert figures["orders"].total == 1


def test_the_stand_screen_runs_a_fixed_number_of_queries(creator, mug):
    client = signed_in(creator, enforce_csrf=False)
    lamp = ProductFactory(partner=creator.shop, kind="physical", num_in_stock=1)
    order_of([(lamp, 1)])
    post(signed_in(creator), [sale(lamp), sale(mug)])
    before = count_queries(client, STAND)
    for _ in range(4):
        extra = ProductFactory(partner=creator.shop, kind="physical", num_in_stock=1)
        order_of([(extra, 1)])
        post(signed_in(creator), [sale(extra), sale(mug)])
    assert count_queries(client, STAND) == before


def test_a_market_sale_makes_public_pages_show_the_new_stock_at_once(creator, mug):
    from core import cache as page_cache

    before = page_cache.generation()

    post(signed_in(creator), [sale(mug, 1, "80")])

    assert page_cache.generation() > before
