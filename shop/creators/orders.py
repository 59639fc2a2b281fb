"""The creator space's orders (``/shop/my-shop/orders/``): each creator's parts of clients'
orders (``shop.order.models.OrderPart``).

A creator sees their own parts of clients' orders only: a part is looked up among the
signed-in creator's parts, so another creator's part answers 404, and the detail lists only
the creator's own lines. Status changes and "paid" are POST-only.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView, View

from shop.order import services
from shop.order.models import OrderPart, PaymentMethod

from .forms import PartStatusForm
from .views import CreatorMixin

# What the creator's buttons say for each next status.
ACTIONS = {
    OrderPart.Status.CONFIRMED: gettext_lazy("Confirm the order"),
    OrderPart.Status.READY: gettext_lazy("Mark ready"),
    OrderPart.Status.HANDED_OVER: gettext_lazy("Mark handed over"),
    OrderPart.Status.SHIPPED: gettext_lazy("Mark shipped"),
    OrderPart.Status.COMPLETED: gettext_lazy("Mark completed"),
    OrderPart.Status.CANCELLED: gettext_lazy("Cancel"),
}


class PartMixin(CreatorMixin):
    def own_parts(self):
        return OrderPart.objects.filter(partner=self.partner)

    def get_part(self):
        return get_object_or_404(
            self.own_parts().select_related(
                "order",
                "order__user",
                "order__shipping_address",
                "province",
                "pickup_hub",
                "stand_edition",
            ),
            pk=self.kwargs["pk"],
        )


class PartListView(PartMixin, ListView):
    template_name = "creators/orders/part_list.html"
    context_object_name = "parts"
    paginate_by = 30

    def get_queryset(self):
        parts = self.own_parts().select_related("order", "order__user", "province")
        status = self.request.GET.get("status")
        if status in OrderPart.Status.values:
            parts = parts.filter(status=status)
        return parts.order_by("-created_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = OrderPart.Status.choices
        context["current_status"] = self.request.GET.get("status", "")
        return context


class PartDetailView(PartMixin, TemplateView):
    template_name = "creators/orders/part_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        part = self.get_part()
        context.update(
            part=part,
            order=part.order,
            lines=part.order.lines.filter(partner=self.partner).select_related("product"),
            next_statuses=[(status, ACTIONS[status]) for status in part.next_statuses()],
            can_mark_paid=(
                part.paid_at is None
                and part.order.payment_method in ("", PaymentMethod.CASH)
                and part.status != OrderPart.Status.CANCELLED
            ),
        )
        return context


class PartStatusView(PartMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        part = self.get_part()
        form = PartStatusForm(request.POST)
        if form.is_valid():
            try:
                services.set_part_status(
                    part,
                    form.cleaned_data["status"],
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                part.refresh_from_db()
                messages.success(
                    request,
                    _("Order %(number)s: %(status)s.")
                    % {"number": part.order.number, "status": part.get_status_display()},
                )
        else:
            messages.error(request, _("This status is not known."))
        return HttpResponseRedirect(reverse("creator_orders:detail", kwargs={"pk": part.pk}))


class PartPaidView(PartMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        part = self.get_part()
        if part.order.payment_method not in ("", PaymentMethod.CASH):
            messages.error(request, _("This order is paid online: the programme confirms it."))
        else:
            try:
                services.mark_part_paid(part, by=request.user)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Marked paid."))
        return HttpResponseRedirect(reverse("creator_orders:detail", kwargs={"pk": part.pk}))
