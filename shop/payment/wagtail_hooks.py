"""CMI card payments in Wagtail's admin: the payments with their gateway references (read
only), every call the gateway made, the refunds recorded, a "record a refund" button and the
reconciliation CSV (``cmi_admin``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import cmi_admin
from .models import CmiNotification, CmiPayment, CmiRefund


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Written by the gateway's calls and the refund form only, never edited by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "lock", "unlock", "publish"):
            return False
        return super().user_has_permission(user, action)


for _model in (CmiPayment, CmiNotification, CmiRefund):
    register_permission_policy(_model, ReadOnlyPermissionPolicy(_model))


class CmiPaymentViewSet(SnippetViewSet):
    model = CmiPayment
    icon = "credit-card"
    menu_label = _("Card payments")
    inspect_view_enabled = True
    list_display = [
        "created_at",
        "order",
        "amount",
        "status",
        "trans_id",
        "card_brand",
        "masked_pan",
        "amount_refunded",
    ]
    list_filter = ["status"]
    search_fields = ["oid", "trans_id", "order__number"]


class CmiNotificationViewSet(SnippetViewSet):
    model = CmiNotification
    icon = "list-ul"
    menu_label = _("Gateway calls")
    inspect_view_enabled = True
    list_display = ["received_at", "channel", "oid", "trans_id", "hash_valid", "outcome", "answer"]
    list_filter = ["channel", "outcome", "hash_valid"]
    search_fields = ["oid", "trans_id"]


class CmiRefundViewSet(SnippetViewSet):
    model = CmiRefund
    icon = "undo"
    menu_label = _("Card refunds")
    list_display = ["created_at", "payment", "amount", "reference", "recorded_by"]
    search_fields = ["reference", "payment__oid", "payment__order__number"]


class ReconciliationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("payment.view_cmipayment")


class CmiToolsViewSet(ViewSet):
    """The reconciliation export and the refund form."""

    name = "cmi"
    url_prefix = "cmi"
    icon = "download"
    menu_label = _("Reconciliation (CSV)")
    menu_item_class = ReconciliationMenuItem

    def get_urlpatterns(self):
        return [
            path("", cmi_admin.reconciliation, name="index"),
            path("refund/<int:pk>/", cmi_admin.record_refund, name="refund"),
        ]


class CardPaymentsGroup(SnippetViewSetGroup):
    menu_label = _("Card payments (CMI)")
    menu_icon = "credit-card"
    menu_order = 340
    items = (CmiPaymentViewSet, CmiRefundViewSet, CmiNotificationViewSet, CmiToolsViewSet)


register_snippet(CardPaymentsGroup)


@hooks.register("register_snippet_listing_buttons")
def refund_button(snippet, user, next_url=None):
    if (
        isinstance(snippet, CmiPayment)
        and snippet.refundable
        and user.has_perm("payment.add_cmirefund")
    ):
        yield ListingButton(
            _("Record a refund"),
            url=reverse("cmi:refund", args=[snippet.pk]),
            icon_name="undo",
            priority=10,
        )
