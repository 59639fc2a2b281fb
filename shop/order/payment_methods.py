"""Which payment methods are on: the one answer, for checkout, the order pages, the emails,
the card pages and ``/healthz``.

``TAKAFAMAP_PAYMENT_METHODS`` lists the methods offered, in order; card payments are on only
when both ``STRIPE_SECRET_KEY`` and ``STRIPE_PUBLISHABLE_KEY`` are set (``card_enabled()``;
the settings derive ``STRIPE_ENABLED`` the same way, for the CSP, at start-up).

Every method places the order unpaid: cash is paid to each creator when they hand over
their part (they mark it paid), a bank transfer is confirmed by staff, and a card payment
is confirmed by the Stripe webhook (``shop.payment``), after the client is sent to the
card page.
"""

from django.conf import settings

from .models import PaymentMethod


def card_enabled():
    """Card payments are offered only when both Stripe keys are configured."""
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def available_methods():
    wanted = getattr(settings, "TAKAFAMAP_PAYMENT_METHODS", ["cash", "bank_transfer", "card"])
    methods = []
    for code in wanted:
        if code not in PaymentMethod.values or code in methods:
            continue
        if code == PaymentMethod.CARD and not card_enabled():
            continue
        methods.append(code)
    return methods


def choices():
    return [(code, PaymentMethod(code).label) for code in available_methods()]


def bank_details():
    return getattr(settings, "TAKAFAMAP_BANK_DETAILS", {})


def health():
    """The ``payments`` entry of ``/healthz`` (registered from ``OrderConfig.ready()``)."""
    return {"ok": True, "stripe": card_enabled(), "methods": available_methods()}
