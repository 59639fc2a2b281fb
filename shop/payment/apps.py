import oscar.apps.payment.apps as apps


class PaymentConfig(apps.PaymentConfig):
    """Oscar's payment app, with card payments through Stripe (``stripe_gateway``) and CMI
    (``cmi``)."""

    name = "shop.payment"
