"""CMI card payments: the client's pages and the gateway's two entry points.

Client pages (under ``/<lang>/shop/pay/<number>/cmi/``, the order's owner only, as the
Stripe card pages; 404 while CMI is off):

* ``CmiPayView`` — posts the signed form to the gateway (a script submits it at once; a
  button does when scripts are off);
* ``CmiResultView`` — what we know from the database, never from the query string: paid
  (→ the thank-you page), waiting for the bank, declined or abandoned (retry, or switch to
  cash or transfer with ``CmiSwitchView``), or expired.

Gateway entry points (``/payments/cmi/…``, no language prefix, CSRF-exempt: the gateway
cannot send a token, the hash is checked instead):

* ``callback`` — server to server; answers ``ACTION=POSTAUTH``, ``APPROVED`` or ``FAILURE``
  in plain text;
* ``browser_return`` (``okUrl`` and ``failUrl``) — the same signed fields through the
  client's browser: recorded only if the hash verifies (exactly once with the callback),
  then the client is sent to the result page, which shows the database's state.
"""

from urllib.parse import urlsplit

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import generic
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.sites import absolute
from shop.order import payment_methods
from shop.order.models import Order, PaymentMethod

from . import cmi
from .models import CmiNotification, CmiPayment
from .views import get_own_order, order_page_url

Status = CmiPayment.Status
SWITCH_TO = (PaymentMethod.CASH, PaymentMethod.BANK_TRANSFER)


def _require_cmi():
    if not payment_methods.cmi_enabled():
        raise Http404


def _thank_you(request, order):
    """Oscar's thank-you page shows the order named in the session."""
    request.session["checkout_order_id"] = order.pk
    return redirect("checkout:thank-you")


def gateway_origin():
    parts = urlsplit(cmi.gateway_url())
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


class CmiOrderMixin:
    def dispatch(self, request, *args, **kwargs):
        _require_cmi()
        self.order = get_own_order(request, kwargs["number"])
        return super().dispatch(request, *args, **kwargs)

    def switch_choices(self):
        available = payment_methods.available_methods()
        labels = dict(payment_methods.choices())
        return [(code, labels[code]) for code in SWITCH_TO if code in available]


@method_decorator(never_cache, name="dispatch")
class CmiPayView(CmiOrderMixin, generic.TemplateView):
    template_name = "payment/cmi_pay.html"

    def get(self, request, *args, **kwargs):
        order = self.order
        if order.is_paid:
            return _thank_you(request, order)
        result_url = reverse("payment:cmi-result", kwargs={"number": order.number})
        if order.payment_method != PaymentMethod.CMI or not cmi.payable(order):
            return redirect(result_url)
        attempt = cmi.start_payment(order, translation.get_language() or "fr")
        if attempt is None:
            return redirect(result_url)
        fields = cmi.payment_form(
            attempt,
            ok_url=absolute(reverse("cmi-ok")),
            fail_url=absolute(reverse("cmi-fail")),
            callback_url=absolute(reverse("cmi-callback")),
            shop_url=absolute(f"{result_url}?left=1"),
        )
        response = self.render_to_response(
            self.get_context_data(
                order=order, fields=sorted(fields.items()), gateway_url=cmi.gateway_url()
            )
        )
        origin = gateway_origin()
        if origin:  # the CSP lets this page's form go to the gateway (set at start-up too)
            response._csp_update = {"form-action": [origin]}
        return response


@method_decorator(never_cache, name="dispatch")
class CmiResultView(CmiOrderMixin, generic.TemplateView):
    template_name = "payment/cmi_result.html"

    def get(self, request, *args, **kwargs):
        if self.order.is_paid:
            return _thank_you(request, self.order)
        return super().get(request, *args, **kwargs)

    def state(self):
        order = self.order
        if order.payment_method != PaymentMethod.CMI:
            return "switched"
        if order.status == Order.CARD_PAYMENT_EXPIRED:
            return "expired"
        attempt = cmi.latest_payment(order)
        if attempt is None:
            return "abandoned"
        if attempt.status == Status.DECLINED:
            return "declined"
        if attempt.status == Status.PENDING and not self.request.GET.get("left"):
            return "processing"
        return "abandoned"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.state()
        attempt = cmi.latest_payment(self.order)
        context.update(
            order=self.order,
            state=state,
            attempt=attempt,
            can_retry=state in ("declined", "abandoned", "processing"),
            pay_url=reverse("payment:cmi", kwargs={"number": self.order.number}),
            switch_url=reverse("payment:cmi-switch", kwargs={"number": self.order.number}),
            switch_choices=self.switch_choices() if state in ("declined", "abandoned") else [],
            order_url=order_page_url(self.order),
        )
        return context


class CmiSwitchView(CmiOrderMixin, generic.View):
    """The client pays cash or by bank transfer instead (POST ``method``)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        method = request.POST.get("method", "")
        if method not in dict(self.switch_choices()):
            return HttpResponseBadRequest(_("Choose cash or bank transfer."))
        if not cmi.switch_method(self.order, method):
            return redirect("payment:cmi-result", number=self.order.number)
        return _thank_you(request, self.order)


@csrf_exempt
@require_POST
def callback(request):
    """The gateway's server-to-server call; plain-text answer (503 while CMI is off: a 404
    outside the language prefix would be redirected to a language by LocaleMiddleware)."""
    if not payment_methods.cmi_enabled():
        return HttpResponse(cmi.FAILURE, content_type="text/plain; charset=utf-8", status=503)
    _note, answer = cmi.handle_notification(request.POST.dict(), CmiNotification.Channel.CALLBACK)
    return HttpResponse(answer, content_type="text/plain; charset=utf-8")


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def browser_return(request):
    """``okUrl`` and ``failUrl``: record if signed, then show the database's state.

    Errors are 400, not 404: outside the language prefix, a 404 would be redirected to a
    language by LocaleMiddleware."""
    if not payment_methods.cmi_enabled():
        return HttpResponseBadRequest(_("This payment answer is incomplete."))
    fields = (request.POST if request.method == "POST" else request.GET).dict()
    if not fields.get("oid"):
        return HttpResponseBadRequest(_("This payment answer is incomplete."))
    cmi.handle_notification(fields, CmiNotification.Channel.RETURN)
    attempt = CmiPayment.objects.select_related("order").filter(oid=fields["oid"]).first()
    if attempt is None:
        return HttpResponseBadRequest(_("This payment answer is incomplete."))
    language = attempt.language or translation.get_language() or "fr"
    with translation.override(language):
        url = reverse("payment:cmi-result", kwargs={"number": attempt.order.number})
    return redirect(url)
