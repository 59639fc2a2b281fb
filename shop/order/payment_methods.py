"""Which payment methods are on: the one answer, for checkout, the order pages, the emails,
the card pages and ``/healthz``.

``TAKAFAMAP_PAYMENT_METHODS`` lists the methods offered, in order. Two card methods:

* ``cmi`` — Moroccan bank cards through CMI's hosted page, on only when ``CMI_CLIENT_ID``,
  ``CMI_STORE_KEY`` and ``CMI_GATEWAY_URL`` are all set (``cmi_enabled()``);
* ``card`` — cards abroad through Stripe, on only when both ``STRIPE_SECRET_KEY`` and
  ``STRIPE_PUBLISHABLE_KEY`` are set (``card_enabled()``).

The settings derive ``STRIPE_ENABLED`` and ``CMI_ENABLED`` the same way, for the CSP, at
start-up. The client sees one "Pay by card" choice when one card method is on, and both,
each labelled, when both are (``choices()``).

Every method places the order unpaid: cash is paid to each creator when they hand over
their part (they mark it paid), a bank transfer is confirmed by staff, and a card payment
is confirmed by the Stripe webhook or CMI's signed callback (``shop.payment``), after the
client is sent to the card page.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import PaymentMethod


def card_enabled():
    """Card payments through Stripe are offered only when both Stripe keys are configured."""
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def cmi_enabled():
    """Card payments through CMI need the merchant id, the store key and the gateway URL."""
    return bool(
        getattr(settings, "CMI_CLIENT_ID", "")
        and getattr(settings, "CMI_STORE_KEY", "")
        and getattr(settings, "CMI_GATEWAY_URL", "")
    )


CARD_METHODS = (PaymentMethod.CMI, PaymentMethod.CARD)


def _gateway_on(code):
    if code == PaymentMethod.CARD:
        return card_enabled()
    if code == PaymentMethod.CMI:
        return cmi_enabled()
    return True


def available_methods():
    wanted = getattr(
        settings, "TAKAFAMAP_PAYMENT_METHODS", ["cash", "bank_transfer", "cmi", "card"]
    )
    methods = []
    for code in wanted:
        if code not in PaymentMethod.values or code in methods:
            continue
        if not _gateway_on(code):
            continue
        methods.append(code)
    return methods


def choices():
    """``(code, label)`` of the methods on. One card method reads "Pay by card"; with both,
    the client is told which one is for Moroccan cards and which for cards from abroad."""
    methods = available_methods()
    cards = [code for code in methods if code in CARD_METHODS]
    labels = {}
    if len(cards) == 1:
        labels[cards[0]] = _("Pay by card")
    elif cards:
        labels[PaymentMethod.CMI] = _("Card issued in Morocco (CMI, secured by your bank)")
        labels[PaymentMethod.CARD] = _("Card issued abroad (Stripe)")
    return [(code, labels.get(code) or PaymentMethod(code).label) for code in methods]


def bank_details():
    return getattr(settings, "TAKAFAMAP_BANK_DETAILS", {})


def health():
    """The ``payments`` entry of ``/healthz`` (registered from ``OrderConfig.ready()``)."""
    return {
        "ok": True,
        "stripe": card_enabled(),
        "cmi": cmi_enabled(),
        "methods": available_methods(),
    }
