"""The programme's indicators against its targets, by province and by sector.

Definitions:

- youth contacts: rows of the youth database (``youth.Contact``) plus the anonymous traces
  of contacts erased since (``youth.ErasedContact``), against 2,000;
- applications: hackathon applications, every call;
- beneficiaries: directory profiles marked accompanied in the latest cohort, against 30;
- projects accompanied: directory profiles marked accompanied, every cohort, against 100
  (selecting an application onboards its holder as such a profile, so selected applications
  are counted there once, with the creators accompanied without a hackathon);
- provinces with a hub: provinces with at least one approved hub profile, against 8;
- live shops: active shops of approved profiles with at least one public product;
- orders and sales (MAD): placed orders (cancelled ones left out), by the month placed and by
  the province and sector of the creators whose lines they hold;
- sales at L'Karfour: the cash sales creators record on the stand screen (``order.MarketSale``),
  their number and the cash received (MAD), beside the online orders and sales;
- quotes requested, and accepted (accepted, deposit paid or completed).

An order or a quote that involves a creator with two sectors counts once in each sector, so
sector columns may add up to more than the total. Every figure is one aggregate query (or
one per breakdown): the number of queries does not grow with the data.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.apps import apps
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Profile, Province, Sector

from .models import Application

TARGETS = {"youth": 2000, "beneficiaries": 30, "accompanied": 100, "hubs": 8}
ACCEPTED_QUOTES = ("accepted", "deposit_paid", "completed")
CANCELLED_ORDERS = ("Cancelled", "cancelled")
MONTHS = 12


def _model(app_label, name):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


@dataclass
class Indicator:
    key: str
    label: str
    total: object = 0
    target: int | None = None
    by_province: dict = field(default_factory=dict)
    by_sector: dict = field(default_factory=dict)
    money: bool = False
    available: bool = True
    note: str = ""

    @property
    def percent(self):
        if not self.target:
            return None
        return min(100, round(100 * float(self.total) / self.target))

    def province_cells(self, provinces):
        return [self.by_province.get(p.pk, 0) for p in provinces]

    def sector_cells(self, sectors):
        return [self.by_sector.get(s.pk, 0) for s in sectors]


def _grouped(queryset, path, value=None):
    """``{key: value}`` of one GROUP BY query (``value`` defaults to a distinct count)."""
    value = value or Count("pk", distinct=True)
    rows = queryset.order_by().values(path).annotate(v=value).values_list(path, "v")
    return {key: v or 0 for key, v in rows if key is not None}


def _counted(key, label, queryset, province, sector, target=None, note=""):
    return Indicator(
        key=key,
        label=label,
        total=queryset.order_by().count(),
        target=target,
        by_province=_grouped(queryset, province),
        by_sector=_grouped(queryset, sector),
        note=note,
    )


def _missing(key, label, target=None, money=False):
    return Indicator(key=key, label=label, target=target, money=money, available=False)


def youth_contacts():
    Contact = _model("youth", "Contact")
    if Contact is None:
        return _missing("youth", _("Youth contacts"), TARGETS["youth"])
    indicator = _counted(
        "youth",
        _("Youth contacts"),
        Contact.objects.all(),
        "province",
        "interests",
        TARGETS["youth"],
    )
    Erased = _model("youth", "ErasedContact")
    if Erased is not None:
        indicator.total += Erased.objects.count()
        for key, n in _grouped(Erased.objects.all(), "province").items():
            indicator.by_province[key] = indicator.by_province.get(key, 0) + n
    return indicator


def hubs():
    queryset = Profile.objects.filter(kind=Profile.Kind.HUB, status=Profile.Status.APPROVED)
    by_province = _grouped(queryset, "province")
    return Indicator(
        key="hubs",
        label=_("Provinces with a hub"),
        total=len(by_province),
        target=TARGETS["hubs"],
        by_province=by_province,
        by_sector=_grouped(queryset, "sectors"),
        note=_("Columns: approved hubs in each province or sector."),
    )


def live_shops():
    Partner = _model("partner", "Partner")
    queryset = Partner.objects.filter(
        is_active=True,
        profile__status=Profile.Status.APPROVED,
        stockrecords__product__is_public=True,
    )
    return Indicator(
        key="shops",
        label=_("Live shops"),
        total=queryset.order_by().values("pk").distinct().count(),
        by_province=_grouped(queryset, "profile__province"),
        by_sector=_grouped(queryset, "profile__sectors"),
    )


def orders_and_sales():
    Order = _model("order", "Order")
    Line = _model("order", "Line")
    if Order is None or Line is None:
        return (
            _missing("orders", _("Orders")),
            _missing("sales", _("Sales (MAD)"), money=True),
            [],
        )
    orders = Order.objects.exclude(status__in=CANCELLED_ORDERS)
    lines = Line.objects.exclude(order__status__in=CANCELLED_ORDERS)
    totals = orders.order_by().aggregate(n=Count("pk"), sales=Sum("total_incl_tax"))
    order_count = Indicator(
        key="orders",
        label=_("Orders"),
        total=totals["n"] or 0,
        by_province=_grouped(lines, "partner__profile__province", Count("order", distinct=True)),
        by_sector=_grouped(lines, "partner__profile__sectors", Count("order", distinct=True)),
    )
    sales = Indicator(
        key="sales",
        label=_("Sales (MAD)"),
        total=totals["sales"] or Decimal("0.00"),
        money=True,
        note=_("Totals include delivery fees; the columns count the creators' lines only."),
        by_province=_grouped(lines, "partner__profile__province", Sum("line_price_incl_tax")),
        by_sector=_grouped(lines, "partner__profile__sectors", Sum("line_price_incl_tax")),
    )
    sales.total = _cents(sales.total)
    sales.by_province = {k: _cents(v) for k, v in sales.by_province.items()}
    sales.by_sector = {k: _cents(v) for k, v in sales.by_sector.items()}
    return order_count, sales, monthly(orders)


def market_sales():
    """Cash sales recorded at L'Karfour stands (the stand screen), beside the online ones:
    the number of sales and the cash received, by the creator's province and sector."""
    MarketSale = _model("order", "MarketSale")
    if MarketSale is None:
        return (
            _missing("market_sales", _("Sales at L'Karfour")),
            _missing("market_cash", _("Sales at L'Karfour (MAD)"), money=True),
        )
    sales = MarketSale.objects.all()
    province, sector = "partner__profile__province", "partner__profile__sectors"
    count = _counted(
        "market_sales",
        _("Sales at L'Karfour"),
        sales,
        province,
        sector,
        note=_("Cash sales recorded on the stand screen; online orders are counted above."),
    )
    cash = Indicator(
        key="market_cash",
        label=_("Sales at L'Karfour (MAD)"),
        total=_cents(sales.order_by().aggregate(v=Sum("cash_received"))["v"]),
        money=True,
        by_province={
            k: _cents(v) for k, v in _grouped(sales, province, Sum("cash_received")).items()
        },
        by_sector={k: _cents(v) for k, v in _grouped(sales, sector, Sum("cash_received")).items()},
    )
    return count, cash


def _cents(value):
    return Decimal(value or 0).quantize(Decimal("0.01"))


def _month_starts(today, count=MONTHS):
    months, year, month = [], today.year, today.month
    for _step in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(months))


def monthly(orders, today=None):
    """``[{month, orders, sales, orders_pct, sales_pct}]`` for the last twelve months."""
    today = today or timezone.localdate()
    months = _month_starts(today)
    rows = (
        orders.filter(date_placed__date__gte=months[0])
        .annotate(month=TruncMonth("date_placed"))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"), sales=Sum("total_incl_tax"))
    )
    found = {}
    for row in rows:
        month = row["month"]
        month = month.date() if hasattr(month, "date") else month
        found[month.replace(day=1)] = (row["n"], _cents(row["sales"]))
    series = [
        {"month": m, "orders": found.get(m, (0, 0))[0], "sales": found.get(m, (0, _cents(0)))[1]}
        for m in months
    ]
    top_orders = max((r["orders"] for r in series), default=0) or 1
    top_sales = max((r["sales"] for r in series), default=0) or 1
    for row in series:
        row["orders_pct"] = round(100 * row["orders"] / top_orders)
        row["sales_pct"] = round(100 * float(row["sales"]) / float(top_sales))
    return series


def quotes():
    QuoteRequest = _model("quotes", "QuoteRequest")
    if QuoteRequest is None:
        return _missing("quotes", _("Quotes requested")), _missing(
            "quotes_accepted", _("Quotes accepted")
        )
    requested = QuoteRequest.objects.all()
    accepted = QuoteRequest.objects.filter(status__in=ACCEPTED_QUOTES)
    province, sector = "partner__profile__province", "partner__profile__sectors"
    return (
        _counted("quotes", _("Quotes requested"), requested, province, sector),
        _counted(
            "quotes_accepted",
            _("Quotes accepted"),
            accepted,
            province,
            sector,
            note=_("Accepted, deposit paid or completed."),
        ),
    )


def _row(values, items):
    """``[(value, percent of the row's largest)]`` in the order of ``items``."""
    cells = [values.get(item.pk, 0) for item in items]
    top = float(max(cells + [0])) or 1.0
    return [(value, round(100 * float(value) / top)) for value in cells]


def latest_cohort():
    return Profile.objects.filter(is_accompanied=True).aggregate(y=Max("cohort_year"))["y"]


def compute():
    """Everything the dashboard shows: ``{provinces, sectors, indicators, monthly, cohort}``."""
    provinces = list(Province.objects.order_by("sort_order", "name"))
    sectors = list(Sector.objects.order_by("sort_order", "name"))
    cohort = latest_cohort()
    accompanied = Profile.objects.filter(is_accompanied=True)
    beneficiaries = accompanied.filter(Q(cohort_year=cohort) if cohort else Q(pk__in=[]))
    orders, sales, series = orders_and_sales()
    quote_requested, quote_accepted = quotes()
    market_count, market_cash = market_sales()
    indicators = [
        youth_contacts(),
        _counted(
            "applications",
            _("Hackathon applications"),
            Application.objects.all(),
            "province",
            "sector",
        ),
        _counted(
            "beneficiaries",
            _("Beneficiaries (latest cohort)"),
            beneficiaries,
            "province",
            "sectors",
            TARGETS["beneficiaries"],
        ),
        _counted(
            "accompanied",
            _("Projects accompanied"),
            accompanied,
            "province",
            "sectors",
            TARGETS["accompanied"],
        ),
        hubs(),
        live_shops(),
        orders,
        sales,
        market_count,
        market_cash,
        quote_requested,
        quote_accepted,
    ]
    for indicator in indicators:
        indicator.province_row = _row(indicator.by_province, provinces)
        indicator.sector_row = _row(indicator.by_sector, sectors)
    return {
        "provinces": provinces,
        "sectors": sectors,
        "indicators": indicators,
        "monthly": series,
        "cohort": cohort,
    }


def csv_rows(data):
    """Rows for the CSV export: indicator, breakdown, item, value, target."""
    yield ["indicator", "breakdown", "item", "value", "target"]
    for indicator in data["indicators"]:
        if not indicator.available:
            continue
        target = indicator.target or ""
        yield [indicator.key, "total", "", indicator.total, target]
        for province in data["provinces"]:
            yield [
                indicator.key,
                "province",
                province.slug,
                indicator.by_province.get(province.pk, 0),
                "",
            ]
        for sector in data["sectors"]:
            yield [indicator.key, "sector", sector.slug, indicator.by_sector.get(sector.pk, 0), ""]
    for row in data["monthly"]:
        month = row["month"].strftime("%Y-%m")
        yield ["orders", "month", month, row["orders"], ""]
        yield ["sales", "month", month, row["sales"], ""]
