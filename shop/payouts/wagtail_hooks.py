"""Staff side of the payouts ledger, in Wagtail's admin: record payouts, read earnings, export.

Earnings are written by the shop (a paid order part), never by hand: their snippet is read
only whatever the user's permissions. Payouts are recorded by staff with the
``payouts.add_payout`` permission; ``recorded_by`` is set to whoever saved it.
"""

from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .models import Earning, Payout


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """View (and inspect) only: nobody adds, edits or deletes ledger earnings by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "lock", "unlock", "publish"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Earning, ReadOnlyPermissionPolicy(Earning))


class PayoutViewSet(SnippetViewSet):
    model = Payout
    icon = "doc-full"
    menu_label = _("Payouts")
    list_display = ["partner", "date", "amount", "bank_reference", "recorded_by"]
    list_filter = ["partner"]
    search_fields = ["bank_reference", "note", "partner__name"]
    panels = [
        FieldPanel("partner"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("amount")]),
        FieldPanel("bank_reference"),
        FieldPanel("note"),
    ]


class EarningViewSet(SnippetViewSet):
    model = Earning
    icon = "list-ul"
    menu_label = _("Earnings")
    inspect_view_enabled = True
    list_display = [
        "partner",
        "order",
        "description",
        "collected_by",
        "gross",
        "commission",
        "net",
        "created_at",
    ]
    list_filter = ["partner", "collected_by", "kind"]
    search_fields = ["description", "order__number", "partner__name"]


class LedgerExportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("payouts.view_earning")


class LedgerExportViewSet(ViewSet):
    """A page with the two CSV exports (balances per shop, full ledger)."""

    name = "payouts_export"
    url_prefix = "payouts-export"
    icon = "download"
    menu_label = _("CSV exports")
    menu_item_class = LedgerExportMenuItem

    def index(self, request):
        views._require_ledger_permission(request.user)
        return render(
            request,
            "payouts/admin/exports.html",
            {
                "balances_url": reverse(self.get_url_name("balances")),
                "ledger_url": reverse(self.get_url_name("ledger")),
            },
        )

    def get_urlpatterns(self):
        return [
            path("", self.index, name="index"),
            path("balances.csv", views.export_balances, name="balances"),
            path("ledger.csv", views.export_ledger, name="ledger"),
        ]


class PayoutsGroup(SnippetViewSetGroup):
    menu_label = _("Payouts")
    menu_icon = "doc-full"
    menu_order = 330
    items = (PayoutViewSet, EarningViewSet, LedgerExportViewSet)


register_snippet(PayoutsGroup)


@hooks.register("after_create_snippet")
def set_payout_recorder(request, instance):
    if isinstance(instance, Payout) and instance.recorded_by_id is None:
        instance.recorded_by = request.user
        instance.save(update_fields=["recorded_by"])
