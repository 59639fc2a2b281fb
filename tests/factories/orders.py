"""Orders placed the way checkout places them: a basket, Oscar's ``OrderCreator`` (ours),
one part per creator.

``basket_with(items, owner=None)`` fills a basket; ``place(basket, ...)`` places it with the
fulfilment plan chosen by ``choices`` ({partner id: code}; each creator's first way by
default; deliveries go to Oujda-Angad unless ``province`` says otherwise) and returns the
order.
"""

from decimal import Decimal

from shop.order.utils import OrderNumberGenerator, place_planned_order
from shop.partner.strategy import Selector


def basket_with(items, owner=None):
    """An open basket holding ``items`` — ``[(product, quantity)]``."""
    from oscar.apps.basket.models import Basket

    basket = Basket.objects.create(owner=owner)
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(product, quantity)
    basket.reset_offer_applications()
    return basket


def place(
    basket,
    *,
    user=None,
    email="client@example.ma",
    payment_method="cash",
    choices=None,
    province=None,
):
    from directory.models import Province

    return place_planned_order(
        basket,
        choices,
        province or Province.objects.filter(slug="oujda-angad").first(),
        user=user,
        order_number=OrderNumberGenerator().order_number(basket),
        guest_email="" if user else email,
        payment_method=payment_method,
        contact_name="Nadia Client",
        contact_phone="+212612345678",
    )


def order_of(items, **kwargs):
    """An order of ``items`` placed in one go."""
    return place(basket_with(items, owner=kwargs.get("user")), **kwargs)


ZERO = Decimal("0")
