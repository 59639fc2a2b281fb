"""Oscar's customer "re-order this line" action, made POST-only and safe on unknown lines.

Oscar's ``OrderLineView`` answers GET by rendering a template that does not exist, and an
unknown line id raises ``DoesNotExist``: both were 500s. ``config/urls.py`` mounts this view
on the same path, ahead of Oscar's URLs, so ``{% url 'customer:order-line' %}`` still works.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from oscar.apps.customer.views import OrderLineView as OscarOrderLineView
from oscar.core.loading import get_model

Order = get_model("order", "Order")


class OrderLineView(OscarOrderLineView):
    http_method_names = ["post"]

    def get_object(self, queryset=None):
        order = get_object_or_404(Order, user=self.request.user, number=self.kwargs["order_number"])
        return get_object_or_404(order.lines, id=self.kwargs["line_id"])


order_line_view = login_required(OrderLineView.as_view())
