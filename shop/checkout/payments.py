"""The payment methods offered at checkout, switched by ``TAKAFAMAP_PAYMENT_METHODS``.

Every method places the order unpaid: cash is paid to each creator when they hand over
their part (they mark it paid), a bank transfer is confirmed by staff, and a card payment
is confirmed by the Stripe webhook (``shop.payment``), after the client is sent to the
card page.
"""

from django.conf import settings

from shop.order.models import PaymentMethod


def card_enabled():
    try:
        from shop.payment import stripe_gateway
    except ImportError:
        return False
    return bool(stripe_gateway.is_enabled())


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
