"""The shop's back office for programme staff, in the Wagtail admin ("Shop" menu).

- Orders: search (number, client, email, phone), filter by payment state, payment method,
  a part's status, creator and creator's province; the order page shows each creator's
  part, the lines, the bank-transfer receipt and the history, with the actions: payment
  received (bank transfer or cash for the whole order, ``mark_order_paid``), a creator's
  part paid in cash (``mark_part_paid``), cancel a part with its reason (``set_part_status``).
  Reading needs ``order.view_order``; the actions need ``order.change_order``.
- Quote requests (added by shop/quotes/wagtail_hooks.py through the
  ``register_shop_admin_viewset`` hook): oversight, read only.
- Products: which are hidden and why; hide (with the reason emailed to the creator) or show
  again through the staff form (``catalogue.hide_product``).
- Product reviews: approve or reject (``reviews.change_productreview``).
- L'Karfour sales: a day's totals per stand and the market sales that conflict with online
  orders, with the orders to contact (``order.view_order``).

Nobody adds, edits or deletes an order, a quote or a product here: those belong to clients
and creators. The services are the shop's own (shop/order/services.py), the same the
creators' space and the payment webhooks call.
"""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from oscar.apps.catalogue.reviews.models import ProductReview  # noqa: E402 (not forked)
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.admin_panels import Line, SummaryPanel
from core.money import format_money
from directory.models import Province
from shop.catalogue.models import Product
from shop.market.models import MarketEdition
from shop.partner.models import Partner

from . import services
from .models import MarketSale, Order, OrderPart, PaymentMethod


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Lists and inspect views only: no add, edit, copy or delete form for these models."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "lock", "unlock", "publish"):
            return False
        return super().user_has_permission(user, action)


for _model in (Order, Product):
    register_permission_policy(_model, ViewOnlyPolicy(_model))


# --------------------------------------------------------------------------------------
# Orders
# --------------------------------------------------------------------------------------
class OrderFilterSet(WagtailFilterSet):
    payment = django_filters.ChoiceFilter(
        label=gettext_lazy("Payment"),
        choices=[
            ("waiting", gettext_lazy("Waiting for payment")),
            ("paid", gettext_lazy("Paid")),
        ],
        method="filter_payment",
        empty_label=gettext_lazy("All"),
    )
    payment_method = django_filters.ChoiceFilter(
        label=gettext_lazy("Payment method"),
        choices=PaymentMethod.choices,
        empty_label=gettext_lazy("All"),
    )
    part_status = django_filters.ChoiceFilter(
        label=gettext_lazy("A creator's part is"),
        choices=OrderPart.Status.choices,
        method="filter_part_status",
        empty_label=gettext_lazy("All"),
    )
    creator = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Creator"),
        queryset=Partner.objects.order_by("name"),
        method="filter_creator",
    )
    province = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Creator's province"),
        queryset=Province.objects.order_by("sort_order", "name"),
        method="filter_province",
    )

    class Meta:
        model = Order
        fields = []

    def filter_payment(self, queryset, name, value):
        return queryset.filter(paid_at__isnull=(value == "waiting"))

    def _parts(self, queryset, **lookups):
        parts = OrderPart.objects.filter(order=OuterRef("pk"), **lookups)
        return queryset.filter(Exists(parts))

    def filter_part_status(self, queryset, name, value):
        return self._parts(queryset, status=value)

    def filter_creator(self, queryset, name, value):
        return self._parts(queryset, partner=value)

    def filter_province(self, queryset, name, value):
        return self._parts(queryset, partner__profile__province=value)


class OrderInspectView(InspectView):
    """The order with each creator's part, its lines, the receipt, the history, the actions."""

    template_name = "order/admin/order_inspect.html"

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.object
        parts = list(
            order.parts.select_related("partner", "partner__profile__province", "pickup_hub")
        )
        lines = list(order.lines.select_related("partner"))
        for part in parts:
            part.order_lines = [line for line in lines if line.partner_id == part.partner_id]
            part.can_cancel = part.can_move_to(OrderPart.Status.CANCELLED)
        can_change = self.request.user.has_perm("order.change_order")
        context.update(
            {
                "order": order,
                "parts": parts,
                "can_change": can_change,
                "payment_events": list(
                    order.payment_events.select_related("event_type").order_by("date_created")
                ),
                "receipt_url": (
                    reverse("checkout:bank-receipt-file", kwargs={"number": order.number})
                    if order.bank_receipt
                    else ""
                ),
                "mark_paid_url": reverse("wagtail_orders:mark_paid", args=(order.pk,)),
                "received_methods": [
                    (PaymentMethod.BANK_TRANSFER, PaymentMethod.BANK_TRANSFER.label),
                    (PaymentMethod.CASH, PaymentMethod.CASH.label),
                ],
                "history_url": reverse("wagtail_orders:history", args=(order.pk,)),
            }
        )
        return context


class OrderHistoryView(HistoryView):
    """The order's history (payments received, parts paid or cancelled, by whom): readable
    with ``order.view_order`` (Wagtail asks for an edit right by default)."""

    any_permission_required = ["view", "change"]


def _require_change(request):
    if not request.user.has_perm("order.change_order"):
        raise PermissionDenied


def _back(order):
    return HttpResponseRedirect(reverse("wagtail_orders:inspect", args=(order.pk,)))


@require_POST
def mark_paid(request, pk):
    """Payment received for the whole order (a bank transfer seen on the account, or cash)."""
    _require_change(request)
    order = get_object_or_404(Order, pk=pk)
    method = request.POST.get("method") or order.payment_method or PaymentMethod.BANK_TRANSFER
    if method not in PaymentMethod.values:
        messages.error(request, _("Unknown payment method."))
        return _back(order)
    if services.mark_order_paid(
        order, method=method, amount=order.total_incl_tax, reference=order.transfer_reference
    ):
        log(order, "takafamap.order.paid", user=request.user, data={"method": method})
        messages.success(request, _("Order %(number)s marked paid.") % {"number": order.number})
    else:
        messages.warning(
            request, _("Order %(number)s was already paid.") % {"number": order.number}
        )
    return _back(order)


@require_POST
def part_paid(request, pk, part_pk):
    """A creator received the cash for their part."""
    _require_change(request)
    order = get_object_or_404(Order, pk=pk)
    part = get_object_or_404(OrderPart, pk=part_pk, order=order)
    try:
        done = services.mark_part_paid(part, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(order)
    if done:
        log(order, "takafamap.order.part_paid", user=request.user, data={"part": str(part)})
        messages.success(request, _("%(part)s marked paid.") % {"part": part.partner.name})
    return _back(order)


@require_POST
def cancel_part(request, pk, part_pk):
    """Cancel a creator's part, with the reason the client and creator are told."""
    _require_change(request)
    order = get_object_or_404(Order, pk=pk)
    part = get_object_or_404(OrderPart, pk=part_pk, order=order)
    try:
        services.set_part_status(
            part, OrderPart.Status.CANCELLED, by=request.user, reason=request.POST.get("reason")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(order)
    log(
        order,
        "takafamap.order.part_cancelled",
        user=request.user,
        data={"part": str(part), "reason": request.POST.get("reason", "")[:300]},
    )
    messages.success(request, _("%(part)s cancelled.") % {"part": part.partner.name})
    return _back(order)


class OrderCustomerColumn(Column):
    def get_value(self, instance):
        return instance.user.email if instance.user_id else instance.guest_email


class MoneyColumn(Column):
    """An amount in the staff member's language and with its currency (``870,00 MAD``)."""

    def get_value(self, instance):
        return format_money(getattr(instance, self.accessor), instance.currency)


class OrderViewSet(ModelViewSet):
    model = Order
    icon = "list-ul"
    menu_label = gettext_lazy("Orders")
    name = "wagtail_orders"
    url_prefix = "shop/orders"
    inspect_view_enabled = True
    inspect_view_class = OrderInspectView
    history_view_class = OrderHistoryView
    copy_view_enabled = False
    add_to_reference_index = False  # nothing in pages refers to these rows
    filterset_class = OrderFilterSet
    search_fields = ["number", "user__email", "guest_email", "contact_phone", "contact_name"]
    search_backend_name = None
    list_display = [
        "number",
        OrderCustomerColumn("customer", label=gettext_lazy("Client")),
        MoneyColumn("total_incl_tax", label=gettext_lazy("Total")),
        "payment_method",
        "paid_at",
        "date_placed",
    ]
    list_per_page = 50
    form_fields = ["guest_email"]  # never shown: nobody edits an order here (ViewOnlyPolicy)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            filterset_class=OrderFilterSet,
            queryset=Order.objects.select_related("user"),
            default_ordering="-date_placed",
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("paid/<int:pk>/", mark_paid, name="mark_paid"),
            path("paid/<int:pk>/part/<int:part_pk>/", part_paid, name="part_paid"),
            path("cancel/<int:pk>/part/<int:part_pk>/", cancel_part, name="cancel_part"),
        ]


@hooks.register("register_log_actions")
def register_order_actions(actions):
    for action, label in (
        ("takafamap.order.paid", gettext_lazy("Payment received")),
        ("takafamap.order.part_paid", gettext_lazy("A creator's part paid")),
        ("takafamap.order.part_cancelled", gettext_lazy("A part cancelled")),
    ):
        actions.register_action(action, label, label)


# --------------------------------------------------------------------------------------
# Products (hidden or shown), reviews (moderation); quote requests join from shop.quotes
# --------------------------------------------------------------------------------------
class ProductFilterSet(WagtailFilterSet):
    visibility = django_filters.ChoiceFilter(
        label=gettext_lazy("Visibility"),
        choices=[
            ("hidden_by_staff", gettext_lazy("Hidden by staff")),
            ("hidden", gettext_lazy("Not public")),
            ("public", gettext_lazy("Public")),
        ],
        method="filter_visibility",
        empty_label=gettext_lazy("All"),
    )
    creator = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Creator"),
        queryset=Partner.objects.order_by("name"),
        field_name="stockrecords__partner",
        distinct=True,
    )

    class Meta:
        model = Product
        fields = []

    def filter_visibility(self, queryset, name, value):
        if value == "hidden_by_staff":
            return queryset.filter(staff_hidden_at__isnull=False)
        return queryset.filter(is_public=(value == "public"))


class HideColumn(Column):
    """A link to the staff form that hides a product (with the reason) or shows it again."""

    cell_template_name = "order/admin/hide_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse("creators:staff-hide-product", kwargs={"pk": instance.pk})
        context["hidden"] = instance.staff_hidden_at is not None
        return context


class ProductViewSet(ModelViewSet):
    model = Product
    icon = "pick"
    menu_label = gettext_lazy("Products")
    name = "wagtail_products"
    url_prefix = "shop/products"
    copy_view_enabled = False
    add_to_reference_index = False  # nothing in pages refers to these rows
    filterset_class = ProductFilterSet
    search_fields = ["title", "code", "stockrecords__partner__name"]
    search_backend_name = None
    list_display = [
        "title",
        "is_public",
        "staff_hidden_reason",
        HideColumn("hide", label=gettext_lazy("Hide or show")),
    ]
    form_fields = ["title"]  # never shown (ViewOnlyPolicy): creators edit their products

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            filterset_class=ProductFilterSet,
            queryset=Product.objects.filter(parent__isnull=True),
            default_ordering="title",
            **kwargs,
        )


class ReviewViewSet(ModelViewSet):
    model = ProductReview
    icon = "comment"
    menu_label = gettext_lazy("Reviews")
    name = "wagtail_reviews"
    url_prefix = "shop/reviews"
    copy_view_enabled = False
    add_to_reference_index = False  # nothing in pages refers to these rows
    list_filter = ["status"]
    search_fields = ["title", "body", "product__title"]
    search_backend_name = None
    list_display = ["title", "product", "score", "status", "date_created"]
    form_fields = ["status"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=ProductReview.objects.select_related("product"),
            default_ordering="-date_created",
            **kwargs,
        )


class MarketSalesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("order.view_order")


class MarketSalesViewSet(ViewSet):
    """L'Karfour days: each stand's totals on one day, and the sales that conflict with
    online orders (which order to contact). Read only; needs ``order.view_order``."""

    name = "market_sales"
    url_prefix = "shop/market-sales"
    icon = "pick"
    menu_label = gettext_lazy("L'Karfour sales")
    menu_item_class = MarketSalesMenuItem

    def index(self, request):
        if not request.user.has_perm("order.view_order"):
            raise PermissionDenied
        try:
            day = datetime.date.fromisoformat(request.GET.get("day", ""))
        except ValueError:
            day = timezone.localdate()
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        sales = MarketSale.objects.filter(
            recorded_at__gte=start, recorded_at__lt=start + datetime.timedelta(days=1)
        )
        stands = (
            sales.values("stand__number", "edition_id", "partner__name")
            .annotate(
                count=Count("pk"),
                items=Sum("quantity"),
                cash=Sum("cash_received"),
                conflicts=Count("pk", filter=Q(shortfall__gt=0)),
            )
            .order_by("edition_id", "stand__number", "partner__name")
        )
        # The edition's name in the staff member's language (one query for the day's few).
        stands = list(stands)
        editions = MarketEdition.objects.in_bulk({row["edition_id"] for row in stands} - {None})
        for row in stands:
            row["edition"] = editions.get(row["edition_id"])
        totals = sales.aggregate(
            count=Count("pk"), items=Sum("quantity"), cash=Sum("cash_received")
        )
        conflicts = (
            sales.filter(shortfall__gt=0)
            .select_related("partner", "stand")
            .prefetch_related("conflict_orders")
            .order_by("recorded_at", "pk")
        )
        return TemplateResponse(
            request,
            "order/admin/market_sales.html",
            {
                "day": day,
                "previous_day": day - datetime.timedelta(days=1),
                "next_day": day + datetime.timedelta(days=1),
                "stands": stands,
                "totals": totals,
                "conflicts": list(conflicts),
            },
        )

    def get_urlpatterns(self):
        return [path("", self.index, name="index")]


class ShopGroup(ViewSetGroup):
    menu_label = gettext_lazy("Shop")
    menu_icon = "pick"
    menu_order = 305

    def __init__(self):
        # Apps above the order app (quotes) add their viewsets through the
        # "register_shop_admin_viewset" hook, so this module never imports them.
        extra = tuple(fn() for fn in hooks.get_hooks("register_shop_admin_viewset"))
        self.items = (OrderViewSet, *extra, MarketSalesViewSet, ProductViewSet, ReviewViewSet)
        super().__init__()


@hooks.register("register_admin_viewset")
def register_shop_group():
    return ShopGroup()


# --------------------------------------------------------------------------------------
# The admin's home page: what waits for programme staff
# --------------------------------------------------------------------------------------
PANEL_ROWS = 5


def _orders_panel():
    open_parts = OrderPart.objects.exclude(status=OrderPart.Status.CANCELLED)
    waiting = Order.objects.filter(paid_at__isnull=True).filter(
        Exists(open_parts.filter(order=OuterRef("pk")))
    )
    to_fulfil = OrderPart.objects.filter(
        status__in=[OrderPart.Status.PENDING, OrderPart.Status.CONFIRMED, OrderPart.Status.READY]
    ).count()
    index = reverse("wagtail_orders:index")
    lines = [
        Line(_("Orders waiting for payment"), f"{index}?payment=waiting", waiting.count()),
        Line(
            _("Creators' parts waiting to be confirmed, prepared or handed over"),
            f"{index}?part_status=pending",
            to_fulfil,
        ),
    ]
    for order in waiting.order_by("date_placed")[:PANEL_ROWS]:
        lines.append(
            Line(
                _("Order %(number)s · %(method)s · %(date)s")
                % {
                    "number": order.number,
                    "method": order.get_payment_method_display() or "—",
                    "date": formats.date_format(timezone.localtime(order.date_placed)),
                },
                reverse("wagtail_orders:inspect", args=(order.pk,)),
            )
        )
    return SummaryPanel(
        "takafamap-orders",
        _("Orders"),
        lines,
        order=110,
        more_url=index,
        more_text=_("All orders"),
    )


@hooks.register("construct_homepage_panels")
def shop_home_panels(request, panels):
    if request.user.has_perm("order.view_order"):
        panels.append(_orders_panel())
