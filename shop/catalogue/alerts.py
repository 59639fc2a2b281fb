"""Stock alerts ("tell me when it is back"): Oscar's view, limited and telling nothing.

Oscar lets anyone sign any address up: each sign-up sends a confirmation email to that
address, so a visitor could mail strangers at will. Here a sign-up is counted (per IP, and
per address whatever its case) in the shared rate-limit counters; only products a visitor
may see take alerts; and the answer is the same whether the address already had an alert
or not (Oscar's "There is already an alert for …" told who had signed up). Anonymous
alerts still wait for the owner of the address to confirm them (Oscar's confirmation email).
"""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from oscar.core.loading import get_class

from core.ratelimit import check, normalised_post_field, too_many_requests

from .queries import public_products

OscarAlertCreateView = get_class("customer.alerts.views", "ProductAlertCreateView")

ALERT_RULES = [("ip", "5/h"), (normalised_post_field("email"), "3/d")]


def _sent_message():
    return _(
        "Thank you. If this address can receive it, a confirmation email is on its way: "
        "the alert starts once you follow its link."
    )


class ProductAlertCreateView(OscarAlertCreateView):
    http_method_names = ["get", "post"]

    def post(self, request, *args, **kwargs):
        self.product = get_object_or_404(public_products(prefetch=False), pk=self.kwargs["pk"])
        reached = check(request, "shop.stock_alerts", ALERT_RULES)
        if reached:
            return too_many_requests(request, reached)
        form = self.get_form()
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def get(self, request, *args, **kwargs):
        product = public_products(prefetch=False).filter(pk=self.kwargs["pk"]).first()
        if product is None:
            raise Http404
        return HttpResponseRedirect(product.get_absolute_url())

    def form_invalid(self, form):
        back = HttpResponseRedirect(self.product.get_absolute_url())
        if not self.request.user.is_authenticated and "email" not in form.errors:
            # Only Oscar's "already an alert for this address" errors remain: answered like
            # a new sign-up, and nothing is sent.
            messages.success(self.request, _sent_message())
            return back
        for errors in form.errors.values():
            for error in errors:
                messages.error(self.request, error)
        return back

    def get_success_url(self):
        if self.object.user:
            messages.success(self.request, _("An alert has been created"))
        else:
            messages.success(self.request, _sent_message())
        return self.object.product.get_absolute_url()
