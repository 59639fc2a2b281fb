"""Order placement: Oscar's ``OrderPlacementMixin``, atomic and idempotent.

* No payment is taken while placing: every method places the order unpaid (see
  ``payments``); a card payment continues on the card page after placement.
* ``submit`` locks the basket row first: a second submission of the same basket (double
  click, retry) finds it submitted and is sent to the order already placed.
* The order, its addresses, lines, parts, allocations and voucher usage are written in one
  transaction (``handle_order_placement``): an error halfway leaves nothing behind.
* Oscar's ``order_placed`` and ``post_checkout`` signals still fire.
"""

from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from oscar.apps.checkout import mixins as oscar_mixins
from oscar.core.loading import get_model

from shop.order import emails
from shop.order.models import PaymentMethod

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

PLACED_ORDERS = "placed_orders"


def remember_order(session, order):
    """Guests see their orders (thank-you, receipt) through this session list."""
    numbers = list(session.get(PLACED_ORDERS, []))
    if str(order.number) not in numbers:
        numbers.append(str(order.number))
        session[PLACED_ORDERS] = numbers[-20:]


class OrderPlacementMixin(oscar_mixins.OrderPlacementMixin):
    def handle_payment(self, order_number, total, **kwargs):
        """Nothing to take now: cash and transfers are confirmed later, cards on the card
        page once the order exists."""

    def already_submitted(self, basket):
        """A response if ``basket`` was already placed (or is gone), else ``None``.

        Locks the basket row: two submissions of one basket are served one after the other.
        """
        locked = Basket._default_manager.select_for_update().filter(pk=basket.pk).first()
        if locked is None or locked.status == Basket.SUBMITTED:
            order = Order._default_manager.filter(basket_id=basket.pk).first()
            if order is not None:
                self.request.session["checkout_order_id"] = order.id
                remember_order(self.request.session, order)
                return HttpResponseRedirect(reverse("checkout:thank-you"))
            return HttpResponseRedirect(reverse("basket:summary"))
        return None

    def handle_order_placement(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        surcharges=None,
        **kwargs,
    ):
        with transaction.atomic():
            order = self.place_order(
                order_number=order_number,
                user=user,
                basket=basket,
                shipping_address=shipping_address,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                order_total=order_total,
                billing_address=billing_address,
                surcharges=surcharges,
                **kwargs,
            )
            basket.submit()
        return self.handle_successful_order(order)

    def handle_successful_order(self, order):
        self.placed_order = order
        remember_order(self.request.session, order)
        return super().handle_successful_order(order)

    def send_order_placed_email(self, order):
        language = translation.get_language()
        transaction.on_commit(lambda: emails.send_order_placed(order, language))

    def get_success_url(self):
        order = getattr(self, "placed_order", None)
        card_pages = {PaymentMethod.CARD: "payment:card", PaymentMethod.CMI: "payment:cmi"}
        if order is not None and order.payment_method in card_pages:
            try:
                return reverse(card_pages[order.payment_method], kwargs={"number": order.number})
            except NoReverseMatch:
                pass
        return reverse("checkout:thank-you")
