"""The payouts ledger: earnings from paid order parts, balances, the creator's earnings page,
staff's payouts and CSV exports."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from shop.order import services as order_services
from shop.order import signals as order_signals
from shop.order.models import OrderPart
from shop.payouts import services
from shop.payouts.models import Earning, Payout
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.payments import placed_order
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

EARNINGS = "/fr/shop/my-shop/earnings/"


def pay(order, django_capture_on_commit_callbacks, method="card"):
    with django_capture_on_commit_callbacks(execute=True):
        order_services.mark_order_paid(
            order, method=method, amount=order.total_incl_tax, reference="ref"
        )


def creator_client(partner):
    client = Client()
    client.force_login(partner.users.first())
    return client


def test_a_paid_part_gives_one_earning_per_line(django_capture_on_commit_callbacks):
    shop = PartnerFactory()
    other = PartnerFactory()
    order = placed_order(
        [
            (ProductFactory(partner=shop, price=Decimal("120.00")), 2),
            (ProductFactory(partner=shop, price=Decimal("80.00")), 1),
            (ProductFactory(partner=other, price=Decimal("500.00")), 1),
        ]
    )
    pay(order, django_capture_on_commit_callbacks)

    mine = Earning.objects.filter(partner=shop).order_by("gross")
    assert [e.gross for e in mine] == [Decimal("80.00"), Decimal("240.00")]
    assert [e.net for e in mine] == [Decimal("80.00"), Decimal("240.00")]  # no commission
    assert {e.collected_by for e in mine} == {Earning.CollectedBy.PROGRAMME}
    assert Earning.objects.filter(partner=other).get().gross == Decimal("500.00")
    assert services.creator_summary(shop) == {"balance": Decimal("320.00")}


def test_the_commission_rate_setting_is_taken_off(settings, django_capture_on_commit_callbacks):
    settings.TAKAFAMAP_COMMISSION_RATE = Decimal("0.10")
    shop = PartnerFactory()
    order = placed_order([(ProductFactory(partner=shop, price=Decimal("99.99")), 1)])
    pay(order, django_capture_on_commit_callbacks)

    earning = Earning.objects.get(partner=shop)
    assert earning.commission == Decimal("10.00")
    assert earning.net == Decimal("89.99")
    assert earning.commission_rate == Decimal("0.1000")
    assert services.totals(shop)["balance"] == Decimal("89.99")


def test_earnings_are_recorded_once_whatever_the_repeats(django_capture_on_commit_callbacks):
    shop = PartnerFactory()
    order = placed_order([(ProductFactory(partner=shop), 1)])
    pay(order, django_capture_on_commit_callbacks)
    part = order.parts.get()
    order_signals.part_paid.send(sender=OrderPart, part=part)
    services.record_part_earnings(part)

    assert Earning.objects.filter(partner=shop).count() == 1


def test_delivery_fees_are_earned_without_commission(settings, django_capture_on_commit_callbacks):
    settings.TAKAFAMAP_COMMISSION_RATE = Decimal("0.20")
    shop = PartnerFactory()
    order = placed_order(
        [(ProductFactory(partner=shop, price=Decimal("100.00")), 1)],
        fulfilment=OrderPart.Fulfilment.DELIVERY,
        delivery_fee=Decimal("35.00"),
    )
    pay(order, django_capture_on_commit_callbacks)
    services.record_part_earnings(order.parts.get())

    fee = Earning.objects.get(partner=shop, kind=Earning.Kind.DELIVERY)
    assert (fee.gross, fee.commission, fee.net) == (Decimal("35.00"), 0, Decimal("35.00"))
    assert services.totals(shop)["balance"] == Decimal("80.00") + Decimal("35.00")


def test_cash_collected_by_the_creator_is_not_owed_to_them(
    settings, django_capture_on_commit_callbacks
):
    """Cash stays with the creator: it adds nothing to what the programme owes them, and
    the commission on it is taken from their balance."""
    settings.TAKAFAMAP_COMMISSION_RATE = Decimal("0.10")
    shop = PartnerFactory()
    cash = placed_order(
        [(ProductFactory(partner=shop, price=Decimal("200.00")), 1)], payment_method="cash"
    )
    card = placed_order([(ProductFactory(partner=shop, price=Decimal("300.00")), 1)])
    with django_capture_on_commit_callbacks(execute=True):
        order_services.mark_part_paid(cash.parts.get(), by=shop.users.first())
    pay(card, django_capture_on_commit_callbacks)

    cash_earning = Earning.objects.get(order=cash)
    assert cash_earning.collected_by == Earning.CollectedBy.CREATOR
    figures = services.totals(shop)
    assert figures["cash_gross"] == Decimal("200.00")
    assert figures["programme_net"] == Decimal("270.00")
    assert figures["balance"] == Decimal("270.00") - Decimal("20.00")


def test_payouts_reduce_the_balance(django_capture_on_commit_callbacks):
    shop = PartnerFactory()
    order = placed_order([(ProductFactory(partner=shop, price=Decimal("400.00")), 1)])
    pay(order, django_capture_on_commit_callbacks)
    Payout.objects.create(
        partner=shop, date=date(2026, 11, 2), amount=Decimal("150.00"), bank_reference="VIR-001"
    )

    figures = services.totals(shop)
    assert figures["paid_out"] == Decimal("150.00")
    assert services.creator_summary(shop)["balance"] == Decimal("250.00")


def test_an_unpaid_order_earns_nothing():
    shop = PartnerFactory()
    placed_order([(ProductFactory(partner=shop), 1)])
    assert not Earning.objects.exists()
    assert services.creator_summary(shop) == {"balance": Decimal("0.00")}


# --------------------------------------------------------------------------------------
# The creator's earnings page
# --------------------------------------------------------------------------------------
def test_the_creator_sees_their_balance_and_only_their_earnings(
    django_capture_on_commit_callbacks,
):
    shop = PartnerFactory()
    other = PartnerFactory()
    mine = ProductFactory(partner=shop, price=Decimal("310.00"), title="Portrait de famille")
    theirs = ProductFactory(partner=other, price=Decimal("999.00"), title="Clip musical")
    order = placed_order([(mine, 1), (theirs, 1)])
    pay(order, django_capture_on_commit_callbacks)
    Payout.objects.create(
        partner=shop, date=date(2026, 11, 2), amount=Decimal("100.00"), bank_reference="VIR-777"
    )
    Payout.objects.create(
        partner=other, date=date(2026, 11, 2), amount=Decimal("5.00"), bank_reference="VIR-OTHER"
    )

    response = creator_client(shop).get(EARNINGS)
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["totals"]["balance"] == Decimal("210.00")
    assert 'data-balance="210.00"' in page
    assert "Portrait de famille" in page
    assert "VIR-777" in page
    assert "Clip musical" not in page
    assert "VIR-OTHER" not in page
    assert [e.partner_id for e in response.context["earnings"]] == [shop.pk]


def test_the_page_is_for_creators_only():
    assert Client().get(EARNINGS).status_code == 302  # to sign in
    client = Client()
    client.force_login(UserFactory())
    assert client.get(EARNINGS).status_code == 403


def test_the_nav_links_to_the_earnings_page():
    shop = PartnerFactory()
    page = creator_client(shop).get(EARNINGS).content.decode()
    assert f'href="{EARNINGS}" aria-current="page"' in page


def test_the_page_runs_the_same_queries_for_few_and_many_entries(
    django_capture_on_commit_callbacks,
):
    shop = PartnerFactory()
    client = creator_client(shop)
    product = ProductFactory(partner=shop)

    def add(n):
        for _ in range(n):
            order = placed_order([(product, 1)])
            pay(order, django_capture_on_commit_callbacks)
            Payout.objects.create(
                partner=shop, date=date(2026, 11, 2), amount=Decimal("1.00"), bank_reference="VIR"
            )

    add(1)
    client.get(EARNINGS)  # warm the caches (site, content types) once
    few = count_queries(client, EARNINGS)
    add(8)
    many = count_queries(client, EARNINGS)
    assert few == many


# --------------------------------------------------------------------------------------
# Staff: CSV exports and payouts in Wagtail's admin
# --------------------------------------------------------------------------------------
def staff(*perms):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *[Permission.objects.get(content_type__app_label="payouts", codename=p) for p in perms],
    )
    client = Client()
    client.force_login(user)
    return user, client


def rows_of(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_staff_export_the_balances_as_csv(django_capture_on_commit_callbacks):
    shop = PartnerFactory(name='=HYPERLINK("http://evil")')
    order = placed_order([(ProductFactory(partner=shop, price=Decimal("640.00")), 1)])
    pay(order, django_capture_on_commit_callbacks)
    Payout.objects.create(
        partner=shop, date=date(2026, 11, 2), amount=Decimal("40.00"), bank_reference="VIR-1"
    )
    _user, client = staff("view_earning")

    response = client.get("/admin/payouts-export/balances.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, row = rows_of(response)
    assert len(header) == 6
    assert row[0].startswith("'=")  # a spreadsheet will not run it as a formula
    assert row[1:] == ["640.00", "0.00", "0.00", "40.00", "600.00"]


def test_staff_export_the_full_ledger(django_capture_on_commit_callbacks):
    shop = PartnerFactory()
    order = placed_order([(ProductFactory(partner=shop, price=Decimal("70.00")), 1)])
    pay(order, django_capture_on_commit_callbacks)
    Payout.objects.create(
        partner=shop, date=date(2026, 11, 2), amount=Decimal("70.00"), bank_reference="VIR-9"
    )
    _user, client = staff("view_earning")

    rows = rows_of(client.get("/admin/payouts-export/ledger.csv"))
    assert len(rows) == 3
    assert any(order.number in row and "70.00" in row for row in rows[1:])
    assert any("VIR-9" in row for row in rows[1:])


def test_the_exports_need_the_ledger_permission():
    _user, client = staff()
    for url in ("/admin/payouts-export/balances.csv", "/admin/payouts-export/ledger.csv"):
        response = client.get(url)
        assert response.status_code in (302, 403)  # Wagtail sends a refused user home
        assert not response.get("Content-Type", "").startswith("text/csv")
    creator = Client()
    creator.force_login(PartnerFactory().users.first())
    assert creator.get("/admin/payouts-export/balances.csv").status_code in (302, 403)


def test_staff_record_a_payout_in_wagtail_and_their_name_is_kept():
    shop = PartnerFactory()
    user, client = staff("add_payout", "view_payout", "change_payout")
    response = client.post(
        "/admin/snippets/payouts/payout/add/",
        {
            "partner": shop.pk,
            "date": "2026-11-20",
            "amount": "350.00",
            "bank_reference": "VIR-2026-11-20",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    payout = Payout.objects.get()
    assert (payout.partner, payout.amount, payout.recorded_by) == (shop, Decimal("350.00"), user)


def test_nobody_edits_earnings_by_hand():
    user = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    assert client.get("/admin/snippets/payouts/earning/").status_code == 200
    assert client.get("/admin/snippets/payouts/earning/add/").status_code in (302, 403)
