"""The payouts ledger's operations: record earnings, compute balances, export for staff."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils.translation import gettext as _

from core.money import format_money
from shop.creators.summary import Stat
from shop.order.models import MarketSale
from shop.partner.models import Partner

from .models import Earning, Payout

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def _money(value):
    """A sum as MAD with centimes (SQLite's sums lose the trailing zeros)."""
    return Decimal(value or 0).quantize(CENT)


def commission_rate():
    """The programme's commission rate (``TAKAFAMAP_COMMISSION_RATE``, 0 by default)."""
    rate = Decimal(str(getattr(settings, "TAKAFAMAP_COMMISSION_RATE", "0") or "0"))
    return min(max(rate, Decimal("0")), Decimal("1"))


def split(gross, rate):
    """``(commission, net)`` of a gross amount at ``rate``, rounded to the centime."""
    commission = (gross * rate).quantize(CENT, rounding=ROUND_HALF_UP)
    return commission, gross - commission


def _collected_by(order):
    if getattr(order, "payment_method", "") == "cash":
        return Earning.CollectedBy.CREATOR
    return Earning.CollectedBy.PROGRAMME


def record_part_earnings(part):
    """One ``Earning`` per line of a paid order part (and one for its delivery fee).

    Idempotent: a line already in the ledger is skipped, so the signal arriving twice, or a
    part paid again, records nothing new. Returns the earnings created.
    """
    order = part.order
    rate = commission_rate()
    collected_by = _collected_by(order)
    created = []
    with transaction.atomic():
        lines = order.lines.filter(partner_id=part.partner_id, earning__isnull=True)
        for line in lines.order_by("pk"):
            gross = line.line_price_incl_tax or ZERO
            commission, net = split(gross, rate)
            earning, was_created = Earning.objects.get_or_create(
                line=line,
                defaults={
                    "partner_id": part.partner_id,
                    "order": order,
                    "part": part,
                    "kind": Earning.Kind.LINE,
                    "description": f"{line.quantity} × {line.title}"[:255],
                    "gross": gross,
                    "commission_rate": rate,
                    "commission": commission,
                    "net": net,
                    "collected_by": collected_by,
                },
            )
            if was_created:
                created.append(earning)
        fee = getattr(part, "delivery_fee", None) or ZERO
        if fee > 0:
            earning, was_created = Earning.objects.get_or_create(
                part=part,
                kind=Earning.Kind.DELIVERY,
                defaults={
                    "partner_id": part.partner_id,
                    "order": order,
                    "description": _("Delivery fee"),
                    "gross": fee,
                    "net": fee,
                    "collected_by": collected_by,
                },
            )
            if was_created:
                created.append(earning)
    return created


def reverse_order_earnings(order):
    """A fully refunded order: one negative ``refund`` earning per part that had earnings.

    Idempotent (one reversal per part). Returns the reversals created.
    """
    created = []
    with transaction.atomic():
        parts = order.parts.filter(earnings__isnull=False).distinct().order_by("pk")
        for part in parts:
            if Earning.objects.filter(part=part, kind=Earning.Kind.REFUND).exists():
                continue
            earned = Earning.objects.filter(part=part).exclude(kind=Earning.Kind.REFUND)
            sums = earned.aggregate(gross=Sum("gross"), commission=Sum("commission"))
            gross, commission = _money(sums["gross"]), _money(sums["commission"])
            earning, was_created = Earning.objects.get_or_create(
                part=part,
                kind=Earning.Kind.REFUND,
                defaults={
                    "partner_id": part.partner_id,
                    "order": order,
                    "description": _("Refund to the client"),
                    "gross": -gross,
                    "commission": -commission,
                    "net": -(gross - commission),
                    "collected_by": Earning.CollectedBy.PROGRAMME,
                },
            )
            if was_created:
                created.append(earning)
    return created


def totals(partner):
    """The creator's ledger in figures (two queries)."""
    earned = Earning.objects.filter(partner=partner).aggregate(
        programme_net=Sum("net", filter=Q(collected_by=Earning.CollectedBy.PROGRAMME)),
        cash_gross=Sum("gross", filter=Q(collected_by=Earning.CollectedBy.CREATOR)),
        cash_commission=Sum("commission", filter=Q(collected_by=Earning.CollectedBy.CREATOR)),
        commission=Sum("commission"),
    )
    paid_out = Payout.objects.filter(partner=partner).aggregate(total=Sum("amount"))["total"]
    figures = {key: _money(value) for key, value in earned.items()}
    figures["paid_out"] = _money(paid_out)
    figures["balance"] = figures["programme_net"] - figures["cash_commission"] - figures["paid_out"]
    return figures


MARKET_DAYS = 14


def market_totals(partner):
    """The creator's sales at L'Karfour stands (two queries): overall and per day.

    The cash was taken by the creator at the stand and the programme takes no commission on
    it, so these sales are shown beside the ledger and never change the balance owed."""
    sales = MarketSale.objects.filter(partner=partner)
    overall = sales.aggregate(
        count=Count("pk"),
        items=Sum("quantity"),
        cash=Sum("cash_received"),
        conflicts=Count("pk", filter=Q(shortfall__gt=0)),
    )
    days = list(
        sales.annotate(day=TruncDate("recorded_at"))
        .values("day")
        .annotate(
            count=Count("pk"),
            items=Sum("quantity"),
            cash=Sum("cash_received"),
            conflicts=Count("pk", filter=Q(shortfall__gt=0)),
        )
        .order_by("-day")[:MARKET_DAYS]
    )
    overall["cash"] = _money(overall["cash"])
    overall["items"] = overall["items"] or 0
    return {"overall": overall, "days": days}


def creator_summary(partner):
    """For the creator-space summary: what the programme owes this creator."""
    return {"balance": totals(partner)["balance"]}


def creator_stats(partner):
    """The creator-space summary's card (registered from ``PayoutsConfig.ready()``)."""
    balance = creator_summary(partner)["balance"]
    return [
        Stat(format_money(balance), _("owed to you"), url=reverse("payouts:earnings"), wide=True)
    ]


def balances():
    """Every shop with ledger entries and its figures, for the staff export (3 queries)."""
    rows = {}
    earned = Earning.objects.values("partner_id").annotate(
        programme_net=Sum("net", filter=Q(collected_by=Earning.CollectedBy.PROGRAMME)),
        cash_gross=Sum("gross", filter=Q(collected_by=Earning.CollectedBy.CREATOR)),
        cash_commission=Sum("commission", filter=Q(collected_by=Earning.CollectedBy.CREATOR)),
        commission=Sum("commission"),
    )
    for row in earned:
        rows[row.pop("partner_id")] = {key: _money(value) for key, value in row.items()}
    for row in Payout.objects.values("partner_id").annotate(total=Sum("amount")):
        rows.setdefault(
            row["partner_id"],
            {
                "programme_net": ZERO,
                "cash_gross": ZERO,
                "cash_commission": ZERO,
                "commission": ZERO,
            },
        )["paid_out"] = _money(row["total"])
    partners = Partner.objects.in_bulk(list(rows))
    result = []
    for partner_id, figures in rows.items():
        figures.setdefault("paid_out", ZERO)
        figures["balance"] = (
            figures["programme_net"] - figures["cash_commission"] - figures["paid_out"]
        )
        result.append((partners[partner_id], figures))
    result.sort(key=lambda item: item[0].name.lower())
    return result
