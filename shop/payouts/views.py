"""The creator's earnings page and the staff's CSV exports of the ledger."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import ListView

from core.spreadsheets import csv_response
from shop.creators.views import CreatorMixin

from . import services
from .models import Earning, Payout

RECENT_PAYOUTS = 12


class EarningsView(CreatorMixin, ListView):
    """``/shop/my-shop/earnings/``: balance, payouts received and earnings, own shop only."""

    template_name = "payouts/earnings.html"
    context_object_name = "earnings"
    paginate_by = 25

    def get_queryset(self):
        return (
            Earning.objects.filter(partner=self.partner)
            .select_related("order")
            .order_by("-created_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = services.totals(self.partner)
        context["market"] = services.market_totals(self.partner)
        context["payouts"] = list(
            Payout.objects.filter(partner=self.partner).order_by("-date", "-pk")[:RECENT_PAYOUTS]
        )
        return context


# --------------------------------------------------------------------------------------
# Staff exports (CSV)
# --------------------------------------------------------------------------------------
def _csv_response(filename, header, rows):
    return csv_response(filename, header, rows)


def _require_ledger_permission(user):
    # The role's permission decides: staff created in the Wagtail admin are not is_staff.
    if not (user.is_authenticated and user.has_perm("payouts.view_earning")):
        raise PermissionDenied


def export_balances(request):
    """One row per shop: earned, collected in cash, commission, paid out, balance owed."""
    _require_ledger_permission(request.user)
    header = [
        _("Shop"),
        _("Earned through the programme (MAD)"),
        _("Collected in cash by the creator (MAD)"),
        _("Commission (MAD)"),
        _("Paid out (MAD)"),
        _("Balance owed to the creator (MAD)"),
    ]
    rows = (
        [
            partner.name,
            figures["programme_net"],
            figures["cash_gross"],
            figures["commission"],
            figures["paid_out"],
            figures["balance"],
        ]
        for partner, figures in services.balances()
    )
    stamp = timezone.localdate().isoformat()
    return _csv_response(f"takafamap-balances-{stamp}.csv", header, rows)


def export_ledger(request):
    """Every earning and every payout, oldest first."""
    _require_ledger_permission(request.user)
    header = [
        _("Date"),
        _("Shop"),
        _("Entry"),
        _("Order"),
        _("Description"),
        _("Money collected by"),
        _("Price paid (MAD)"),
        _("Commission (MAD)"),
        _("Earned (MAD)"),
        _("Payout (MAD)"),
        _("Bank reference"),
    ]
    earnings = Earning.objects.select_related("partner", "order").order_by("created_at", "pk")
    payouts = Payout.objects.select_related("partner").order_by("date", "pk")
    entries = [
        (
            timezone.localdate(e.created_at),
            e.partner.name,
            e.get_kind_display(),
            e.order.number,
            e.description,
            e.get_collected_by_display(),
            e.gross,
            e.commission,
            e.net,
            "",
            "",
        )
        for e in earnings.iterator()
    ] + [
        (
            p.date,
            p.partner.name,
            _("Payout"),
            "",
            p.note,
            "",
            "",
            "",
            "",
            p.amount,
            p.bank_reference,
        )
        for p in payouts.iterator()
    ]
    entries.sort(key=lambda row: row[0])
    stamp = timezone.localdate().isoformat()
    return _csv_response(f"takafamap-ledger-{stamp}.csv", header, entries)
