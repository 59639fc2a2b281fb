"""The card payment page, its return page, and Stripe's webhook.

Only the order's owner reaches the card pages: the signed-in user who placed it, or the guest
whose session placed it (session list ``"placed_orders"``); anyone else gets a 404. The card
pages answer 404 while card payments are off (``shop.order.payment_methods.card_enabled()``).

The webhook (``/payments/stripe/webhook/``, outside the language prefix) is the only view
without CSRF protection: Stripe cannot send a token, so the request is trusted only once the
signature on the raw body checks out against ``STRIPE_WEBHOOK_SECRET``.
"""

import json
import logging

import stripe
from csp.decorators import csp_replace, csp_update
from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from core.sites import absolute
from shop.order import payment_methods

from . import stripe_gateway

logger = logging.getLogger(__name__)

CARD = "card"
STRIPE_JS = "https://js.stripe.com"


def get_own_order(request, number):
    """The order ``number`` if the requester placed it, else 404 (same answer either way)."""
    Order = get_model("order", "Order")
    order = Order.objects.filter(number=number).first()
    if order is None:
        raise Http404
    user = request.user
    if user.is_authenticated and order.user_id is not None and order.user_id == user.pk:
        return order
    if order.user_id is None and number in request.session.get("placed_orders", []):
        return order
    raise Http404


def order_is_paid(order):
    return bool(getattr(order, "is_paid", False)) or stripe_gateway.is_paid(order)


def order_page_url(order):
    """The client's page for this order: their account's order page, or a guest's signed
    order-status link (both from the order app)."""
    try:
        if order.user_id:
            return reverse("customer:order", kwargs={"order_number": order.number})
        return reverse(
            "checkout:order-status",
            kwargs={"number": order.number, "hash": order.verification_hash()},
        )
    except NoReverseMatch:
        return ""


# Stripe.js and its frames, on this page only (the site-wide policy allows them too when the
# keys are set at start-up; this keeps the page working when they are set later).
STRIPE_CSP_UPDATE = {"script-src": [STRIPE_JS], "connect-src": ["https://api.stripe.com"]}
STRIPE_CSP_FRAMES = {"frame-src": [STRIPE_JS, "https://hooks.stripe.com"]}


@method_decorator(never_cache, name="dispatch")
@method_decorator(csp_update(STRIPE_CSP_UPDATE), name="dispatch")
@method_decorator(csp_replace(STRIPE_CSP_FRAMES), name="dispatch")
class CardPaymentView(TemplateView):
    """Stripe's Payment Element for one unpaid card order."""

    template_name = "payment/card.html"

    def dispatch(self, request, *args, **kwargs):
        if not payment_methods.card_enabled():
            raise Http404
        self.order = get_own_order(request, kwargs["number"])
        if getattr(self.order, "payment_method", CARD) not in (CARD, ""):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return_url = reverse("payment:card-return", kwargs={"number": self.order.number})
        if order_is_paid(self.order):
            return redirect(return_url)
        try:
            intent = stripe_gateway.get_or_create_payment_intent(self.order)
        except stripe_gateway.PaymentError as error:
            context = self.get_context_data(error=str(error), order=self.order)
            return self.render_to_response(context, status=503)
        if intent.status in ("succeeded", "processing"):
            return redirect(return_url)
        context = self.get_context_data(
            order=self.order,
            client_secret=intent.client_secret,
            publishable_key=settings.STRIPE_PUBLISHABLE_KEY,
            return_url=absolute(return_url),
        )
        return self.render_to_response(context)


@method_decorator(never_cache, name="dispatch")
class CardReturnView(TemplateView):
    """Where Stripe sends the client back: "paid" once the webhook confirmed, else
    "processing" (the page reloads itself) or "failed" with a link to try again."""

    template_name = "payment/card_return.html"

    def dispatch(self, request, *args, **kwargs):
        if not payment_methods.card_enabled():
            raise Http404
        self.order = get_own_order(request, kwargs["number"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paid = order_is_paid(self.order)
        redirect_status = self.request.GET.get("redirect_status", "")
        if paid:
            state = "paid"
        elif redirect_status in ("", "succeeded", "processing"):
            state = "processing"
        else:
            state = "failed"
        context.update(
            order=self.order,
            state=state,
            order_url=order_page_url(self.order),
            card_url=reverse("payment:card", kwargs={"number": self.order.number}),
        )
        return context


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Verify, record once, apply: 400 for anything not signed by Stripe with our secret."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    signature = request.headers.get("Stripe-Signature", "")
    if not secret or not signature:
        return HttpResponseBadRequest("missing signature")
    try:
        payload = request.body.decode("utf-8")
        event = stripe.Webhook.construct_event(payload, signature, secret)
    except (UnicodeDecodeError, ValueError, stripe.SignatureVerificationError):
        logger.warning("Stripe webhook refused: bad signature or payload")
        return HttpResponseBadRequest("invalid signature")
    data = event.to_dict()
    if not isinstance(data, dict) or not data.get("id"):
        return HttpResponseBadRequest("invalid event")
    stripe_gateway.handle_event(data)
    return HttpResponse(json.dumps({"received": True}), content_type="application/json")
