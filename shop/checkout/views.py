"""Checkout steps (Oscar's views, our forms and templates) and the pages around an order.

Steps: ``index`` (guests give their email) → ``shipping-address`` (our details step: name,
phone, fulfilment per creator, address only for delivery) → ``payment-method`` →
``preview`` (place the order) → ``thank-you``. ``shipping-method`` and ``payment-details``
only pass through: the delivery fees are the shipping charge, and nothing is typed for
payment here.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.checkout import views as oscar_views

from core.ratelimit import check, normalised_post_field, too_many_requests
from core.uploads import private_file_response
from shop.order import payment_methods
from shop.order.forms import BankReceiptForm
from shop.order.models import Order

from .forms import DetailsForm, GatewayForm, PaymentMethodForm
from .mixins import PLACED_ORDERS
from .session import CheckoutSessionMixin

# The checkout's sign-in counts with the shop's sign-in page (same group, same keys): the
# same email, whatever its case, gets 10 tries per 10 minutes across both.
GATEWAY_RULES = [("ip", "20/10m"), (normalised_post_field("username"), "10/10m")]


class IndexView(oscar_views.IndexView):
    """Guest email or sign-in: rate-limited like the sign-in page, no account oracle."""

    form_class = GatewayForm

    def post(self, request, *args, **kwargs):
        reached = check(request, "accounts.login", GATEWAY_RULES)
        if reached:
            return too_many_requests(request, reached)
        return super().post(request, *args, **kwargs)


def _known_phone(user):
    """The phone a signed-in client gave last: the account's, else their last order's or
    quote request's."""
    if getattr(user, "phone", ""):
        return user.phone
    last_order = (
        Order.objects.filter(user=user).exclude(contact_phone="").order_by("-date_placed").first()
    )
    if last_order is not None:
        return last_order.contact_phone
    last_request = user.quote_requests.exclude(phone="").order_by("-pk").first()
    return last_request.phone if last_request is not None else ""


class ShippingAddressView(CheckoutSessionMixin, generic.FormView):
    """The details step: contact, how each creator's items reach the client, address."""

    template_name = "oscar/checkout/shipping_address.html"
    form_class = DetailsForm
    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
    ]
    skip_conditions = []

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["groups"] = self.get_groups()
        return kwargs

    def get_initial(self):
        details = self.get_details() or {}
        initial = {
            key: details.get(key) for key in ("first_name", "last_name", "phone", "city", "line1")
        }
        initial["province"] = details.get("province")
        for partner_id, code in (details.get("choices") or {}).items():
            initial[f"fulfilment_{partner_id}"] = code
        user = self.request.user
        if user.is_authenticated:
            initial["first_name"] = initial["first_name"] or user.first_name
            initial["last_name"] = initial["last_name"] or user.last_name
            initial["phone"] = initial["phone"] or _known_phone(user) or None
        return initial

    def get_context_data(self, **kwargs):
        kwargs.setdefault("groups", self.get_groups())
        return super(generic.FormView, self).get_context_data(**kwargs)

    def form_valid(self, form):
        self.set_details(form.to_session())
        return redirect("checkout:payment-method")


class ShippingMethodView(CheckoutSessionMixin, generic.View):
    """Delivery fees are chosen per creator in the details step: nothing to choose here."""

    def get(self, request, *args, **kwargs):
        return redirect("checkout:payment-method")

    post = get


class PaymentMethodView(CheckoutSessionMixin, generic.FormView):
    template_name = "oscar/checkout/payment_method.html"
    form_class = PaymentMethodForm
    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
        "check_shipping_data_is_captured",
    ]
    skip_conditions = []

    def get_initial(self):
        method = self.get_payment_method()
        available = payment_methods.available_methods()
        if method not in available and available:
            method = available[0]
        return {"method": method}

    def get_context_data(self, **kwargs):
        kwargs["bank"] = payment_methods.bank_details()
        return super(generic.FormView, self).get_context_data(**kwargs)

    def form_valid(self, form):
        self.set_payment_method(form.cleaned_data["method"])
        return redirect("checkout:preview")


class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """``payment-details`` passes on to the preview; the preview places the order."""

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def submit(self, user, basket, *args, **kwargs):
        return self.already_submitted(basket) or super().submit(user, basket, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["groups"] = self.get_groups()
        context["payment_method"] = self.get_payment_method()
        context["payment_method_label"] = dict(payment_methods.choices()).get(
            self.get_payment_method(), ""
        )
        context["details"] = self.get_details() or {}
        return context


def viewer_may_see(request, order):
    """The client who placed it (account or this browser's session), or the programme staff
    (``order.view_order``; communication staff and moderators are ``is_staff`` but not that)."""
    user = request.user
    if user.is_authenticated and (order.user_id == user.pk or user.has_perm("order.view_order")):
        return True
    placed = {str(number) for number in request.session.get(PLACED_ORDERS, [])}
    if order.user_id is None and str(order.number) in placed:
        return True
    return False


def order_queryset():
    return Order.objects.select_related("user", "shipping_address").prefetch_related(
        "parts__partner", "parts__pickup_hub", "parts__province", "lines__product"
    )


class OrderContextMixin:
    def order_context(self, order):
        return {
            "order": order,
            "parts": list(order.parts.all()),
            "lines": list(order.lines.all()),
            "bank": payment_methods.bank_details(),
            "receipt_form": BankReceiptForm(),
        }


class ThankYouView(OrderContextMixin, oscar_views.ThankYouView):
    def get_object(self, queryset=None):
        order = super().get_object(queryset)
        if order is None:
            return None
        return order_queryset().filter(pk=order.pk).first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.order_context(self.object))
        return context


class OrderStatusView(OrderContextMixin, generic.TemplateView):
    """A guest's order, through the signed link of the confirmation email."""

    template_name = "oscar/checkout/order_status.html"

    def get_context_data(self, **kwargs):
        order = order_queryset().filter(number=self.kwargs["number"], user__isnull=True).first()
        if order is None or not order.check_verification_hash(self.kwargs["hash"]):
            raise Http404
        # The link proves the client: let this browser see the receipt too.
        numbers = list(self.request.session.get(PLACED_ORDERS, []))
        if order.number not in numbers:
            self.request.session[PLACED_ORDERS] = [*numbers, order.number][-20:]
        context = super().get_context_data(**kwargs)
        context.update(self.order_context(order))
        return context


class OwnOrderMixin:
    def get_order(self):
        order = order_queryset().filter(number=self.kwargs["number"]).first()
        if order is None or not viewer_may_see(self.request, order):
            raise Http404
        return order


class ReceiptView(OwnOrderMixin, OrderContextMixin, generic.TemplateView):
    template_name = "oscar/checkout/receipt.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.order_context(self.get_order()))
        return context


class BankReceiptUploadView(OwnOrderMixin, generic.View):
    """The client uploads the receipt of their bank transfer (POST only)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        order = self.get_order()
        if order.payment_method != "bank_transfer" or order.is_paid:
            raise PermissionDenied
        form = BankReceiptForm(request.POST, request.FILES, instance=order)
        if form.is_valid():
            form.save()
            messages.success(request, _("Thank you: the staff will check your transfer."))
        else:
            for error in form.errors.get("bank_receipt", []):
                messages.error(request, error)
        return HttpResponseRedirect(self.back_url(order))

    def back_url(self, order):
        if order.user_id:
            return reverse("customer:order", kwargs={"order_number": order.number})
        return reverse("checkout:receipt", kwargs={"number": order.number})


class BankReceiptFileView(OwnOrderMixin, generic.View):
    def get(self, request, *args, **kwargs):
        order = self.get_order()
        return private_file_response(order.bank_receipt, f"receipt-{order.number}")
