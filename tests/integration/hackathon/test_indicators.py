"""The indicators dashboard against known data, its CSV export and its query count."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from directory.models import Profile
from hackathon import indicators
from tests.factories import (
    PartnerFactory,
    ProductFactory,
    ProfileFactory,
    UserFactory,
    province,
    sector,
)
from tests.factories.hackathon import ApplicationFactory, CallFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

_orders = iter(range(100000, 200000))


def contact(province_slug, sectors=()):
    Contact = apps.get_model("youth", "Contact")
    n = next(_orders)
    item = Contact.objects.create(
        first_name="Imane",
        last_name=f"T{n}",
        province=province(province_slug),
        email=f"jeune{n}@example.ma",
    )
    item.interests.set([sector(s) for s in sectors])
    return item


def order(lines, status="Pending", placed=None):
    """An order with ``lines`` = [(partner, amount)], placed ``placed`` (now by default)."""
    Order = apps.get_model("order", "Order")
    Line = apps.get_model("order", "Line")
    total = sum((Decimal(a) for _p, a in lines), Decimal("0"))
    item = Order.objects.create(
        number=str(next(_orders)),
        currency="MAD",
        total_incl_tax=total,
        total_excl_tax=total,
        shipping_incl_tax=0,
        shipping_excl_tax=0,
        status=status,
    )
    if placed:
        Order.objects.filter(pk=item.pk).update(date_placed=placed)
    for partner, amount in lines:
        Line.objects.create(
            order=item,
            partner=partner,
            partner_name=partner.name,
            partner_sku="SKU",
            title="Tirage",
            quantity=1,
            line_price_incl_tax=Decimal(amount),
            line_price_excl_tax=Decimal(amount),
            line_price_before_discounts_incl_tax=Decimal(amount),
            line_price_before_discounts_excl_tax=Decimal(amount),
            num_allocated=0,
        )
    return item


def quote(partner, status):
    QuoteRequest = apps.get_model("quotes", "QuoteRequest")
    return QuoteRequest.objects.create(
        client=UserFactory(),
        partner=partner,
        starts_on=timezone.localdate(),
        place="Oujda",
        province=province("oujda-angad"),
        brief="Concert",
        phone="+212612345678",
        status=status,
    )


@pytest.fixture
def known_data():
    """Contacts 3 (+1 erased), applications 3, beneficiaries 2 of 2026 (+1 of 2025), hubs in
    2 provinces, 2 live shops, 2 orders for 600 MAD (+1 cancelled), 3 quotes (2 accepted)."""
    contact("oujda-angad", ["image"])
    contact("oujda-angad", ["image", "son"])
    contact("berkane", ["son"])
    apps.get_model("youth", "ErasedContact").objects.create(
        province=province("nador"), reason="request"
    )

    call = CallFactory()
    ApplicationFactory(call=call)
    ApplicationFactory(call=call)
    ApplicationFactory(
        call=call,
        province=province("nador"),
        sector=sector("son"),
    )

    oujda = PartnerFactory(profile__is_accompanied=True, profile__cohort_year=2026)
    berkane = PartnerFactory(
        profile__is_accompanied=True,
        profile__cohort_year=2026,
        profile__province=province("berkane"),
        profile__disciplines=["mixage"],
    )
    ProfileFactory(is_accompanied=True, cohort_year=2025, province=province("figuig"))
    ProductFactory(partner=oujda)
    ProductFactory(partner=berkane, discipline="mixage")
    PartnerFactory()  # no product: not live
    ProductFactory(partner=PartnerFactory(is_active=False))  # suspended: not live

    for slug, status in [
        ("oujda-angad", "approved"),
        ("oujda-angad", "approved"),
        ("berkane", "approved"),
        ("nador", "pending"),
    ]:
        ProfileFactory(
            kind=Profile.Kind.HUB, status=status, province=province(slug), disciplines=[]
        )

    order([(oujda, "300.00")])
    order([(berkane, "200.00"), (oujda, "100.00")])
    order([(oujda, "500.00")], status="Cancelled")

    quote(oujda, "requested")
    quote(oujda, "accepted")
    quote(berkane, "completed")
    return {"oujda": oujda, "berkane": berkane}


def by_key(data):
    return {item.key: item for item in data["indicators"]}


def test_the_figures_match_the_known_data(known_data):
    data = indicators.compute()
    figures = by_key(data)
    oujda, berkane, nador = (province(s).pk for s in ("oujda-angad", "berkane", "nador"))
    image, son = sector("image").pk, sector("son").pk

    assert figures["youth"].total == 4 and figures["youth"].target == 2000
    assert figures["youth"].by_province == {oujda: 2, berkane: 1, nador: 1}
    assert figures["youth"].by_sector == {image: 2, son: 2}

    assert figures["applications"].total == 3
    assert figures["applications"].by_province == {oujda: 2, nador: 1}
    assert figures["applications"].by_sector == {image: 2, son: 1}

    assert data["cohort"] == 2026
    assert figures["beneficiaries"].total == 2 and figures["beneficiaries"].target == 30
    assert figures["beneficiaries"].by_province == {oujda: 1, berkane: 1}
    assert figures["accompanied"].total == 3 and figures["accompanied"].target == 100

    assert figures["hubs"].total == 2 and figures["hubs"].target == 8
    assert figures["hubs"].by_province == {oujda: 2, berkane: 1}

    assert figures["shops"].total == 2
    assert figures["shops"].by_province == {oujda: 1, berkane: 1}
    assert figures["shops"].by_sector == {image: 1, son: 1}

    assert figures["orders"].total == 2
    assert figures["orders"].by_province == {oujda: 2, berkane: 1}
    assert figures["sales"].total == Decimal("600.00")
    assert figures["sales"].by_province == {oujda: Decimal("400.00"), berkane: Decimal("200.00")}
    assert figures["sales"].by_sector == {image: Decimal("400.00"), son: Decimal("200.00")}

    this_month = data["monthly"][-1]
    assert (this_month["orders"], this_month["sales"]) == (2, Decimal("600.00"))
    assert len(data["monthly"]) == 12
    assert sum(row["orders"] for row in data["monthly"][:-1]) == 0

    assert figures["quotes"].total == 3
    assert figures["quotes_accepted"].total == 2
    assert figures["quotes_accepted"].by_province == {oujda: 1, berkane: 1}


def test_orders_are_counted_in_the_month_they_were_placed(known_data):
    earlier = timezone.now() - timedelta(days=62)
    order([(known_data["oujda"], "50.00")], placed=earlier)
    series = indicators.compute()["monthly"]
    month = timezone.localtime(earlier).date().replace(day=1)
    row = next(r for r in series if r["month"] == month)
    assert (row["orders"], row["sales"]) == (1, Decimal("50.00"))


@pytest.fixture
def staff(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="hackathon",
            codename__in=["view_application", "decide_application", "view_indicators"],
        ),
    )
    client.force_login(user)
    return user


def test_the_dashboard_shows_the_figures(client, staff, known_data):
    response = client.get(reverse("hackathon_admin:indicators"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-indicator="applications">3<' in content
    assert 'data-indicator="beneficiaries">2<' in content
    assert '<rect class="bar-fill" x="0" y="0" width="7" height="8"/>' in content  # 2 of 30


def test_the_csv_export_holds_every_figure(client, staff, known_data):
    response = client.get(reverse("hackathon_admin:indicators-csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    # UTF-8 with a BOM, like every export (core/spreadsheets.py), for spreadsheets.
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["indicator", "breakdown", "item", "value", "target"]
    assert ["applications", "total", "", "3", ""] in rows
    assert ["beneficiaries", "total", "", "2", "30"] in rows
    assert ["youth", "province", "nador", "1", ""] in rows
    assert ["sales", "province", "berkane", "200.00", ""] in rows
    assert ["quotes_accepted", "total", "", "2", ""] in rows


def test_the_dashboard_query_count_does_not_grow_with_the_data(client, staff):
    url = reverse("hackathon_admin:indicators")
    call = CallFactory()
    ApplicationFactory(call=call)
    PartnerFactory(profile__is_accompanied=True, profile__cohort_year=2026)
    few = count_queries(client, url)
    for _ in range(5):
        ApplicationFactory(call=call)
        partner = PartnerFactory(profile__is_accompanied=True, profile__cohort_year=2026)
        ProductFactory(partner=partner)
        order([(partner, "120.00")])
    contact("berkane", ["son"])
    many = count_queries(client, url)
    assert many == few


def test_the_applications_list_query_count_does_not_grow(client, staff):
    call = CallFactory()
    ApplicationFactory(call=call)
    url = reverse("hackathon_admin:list")
    few = count_queries(client, url)
    for _ in range(6):
        ApplicationFactory(call=call)
    assert count_queries(client, url) == few
