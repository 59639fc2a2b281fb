"""Order placement: Oscar's ``OrderCreator`` with locked stock and one part per creator.

Everything runs in one transaction: the stock records of the basket are locked
(``select_for_update``, in primary-key order so two checkouts cannot deadlock) and checked
before Oscar writes the order, its lines, discounts, voucher usage and allocations; the
``OrderPart`` rows are written with the order. A failure anywhere rolls all of it back.

The lock is ``FOR NO KEY UPDATE`` (``no_key=True``), not ``FOR UPDATE``: checkouts and stand
sales (``market_sales``, same lock, same order) still wait for each other, but a transaction
that only *references* the stock record does not wait for them. PostgreSQL checks the foreign
keys of a new basket line at COMMIT (Django's constraints are deferred), with ``FOR KEY
SHARE`` on the stock record, which ``FOR UPDATE`` blocks and ``FOR NO KEY UPDATE`` does not.
With ``FOR UPDATE`` a basket add (``ATOMIC_REQUESTS``: it has already updated Oscar's
``analytics_productrecord`` row of the product) waited at COMMIT for a checkout holding the
stock record, while that checkout waited for the same analytics row (``order_placed``):
"deadlock detected", a 500 on ``basket/add`` (tests/integration/checkout/test_stock_deadlock.py).
"""

from collections import Counter

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.checkout.calculators import OrderTotalCalculator
from oscar.apps.order import utils as oscar_utils
from oscar.apps.order.exceptions import UnableToPlaceOrder

from shop.partner.models import StockRecord
from shop.partner.strategy import NotForSale, OnVacation, Selector

from .delivery_plan import FulfilmentCharges, basket_groups, build_plan, default_plan, total_fees
from .models import OrderPart

OrderNumberGenerator = oscar_utils.OrderNumberGenerator


class OrderCreator(oscar_utils.OrderCreator):
    def place_order(
        self, basket, total, shipping_method, shipping_charge, *args, fulfilment_plan=None, **kwargs
    ):
        if fulfilment_plan is None:
            fulfilment_plan = default_plan(basket)
        self.fulfilment_plan = fulfilment_plan
        with transaction.atomic():
            self.reserve_stock(basket)
            return super().place_order(
                basket, total, shipping_method, shipping_charge, *args, **kwargs
            )

    def reserve_stock(self, basket):
        """Lock the basket's stock records and refuse to sell more than is left, or
        anything the shared availability rule refuses now (hidden, suspended shop,
        vacation, priced on quote: ``shop.partner.strategy``), read on the locked rows."""
        lines = list(basket.all_lines())
        wanted = Counter()
        tracked = {}
        for line in lines:
            if line.stockrecord_id is None:
                raise UnableToPlaceOrder(_("An item of your basket can no longer be bought."))
            wanted[line.stockrecord_id] += line.quantity
            product_class = line.product.get_product_class()
            tracked[line.stockrecord_id] = (
                bool(product_class and product_class.track_stock),
                line.product.get_title(),
            )
        records = {
            record.pk: record
            for record in StockRecord.objects.select_for_update(no_key=True)
            .filter(pk__in=sorted(wanted))
            .order_by("pk")
        }
        strategy = basket.strategy if basket.has_strategy else Selector().strategy()
        for line in lines:
            record = records.get(line.stockrecord_id)
            if record is None:
                raise UnableToPlaceOrder(_("An item of your basket can no longer be bought."))
            availability = strategy.fetch_for_line(line, record).availability
            if availability.code in (NotForSale.code, OnVacation.code) or (
                availability.code == "quote" and not availability.valid
            ):
                raise UnableToPlaceOrder(
                    _("“%(title)s” can no longer be bought: %(reason)s")
                    % {"title": line.product.get_title(), "reason": availability.message}
                )
        for pk, quantity in wanted.items():
            record = records.get(pk)
            if record is None:
                raise UnableToPlaceOrder(_("An item of your basket can no longer be bought."))
            is_tracked, title = tracked[pk]
            if not is_tracked or record.num_in_stock is None:
                continue
            left = record.num_in_stock - (record.num_allocated or 0)
            if left < quantity:
                raise UnableToPlaceOrder(
                    _("Only %(left)d left of “%(title)s”: adjust your basket.")
                    % {"left": max(left, 0), "title": title}
                )

    def create_order_model(self, *args, **kwargs):
        order = super().create_order_model(*args, **kwargs)
        OrderPart.objects.bulk_create(
            [
                OrderPart(
                    order=order,
                    partner=plan.partner,
                    fulfilment=plan.fulfilment,
                    pickup_hub=plan.pickup_hub,
                    stand_number=plan.stand_number,
                    stand_edition=plan.stand_edition,
                    province=plan.province,
                    subtotal=plan.subtotal,
                    delivery_fee=plan.fee,
                )
                for plan in self.fulfilment_plan
            ]
        )
        return order


def place_planned_order(basket, choices=None, province=None, **order_fields):
    """Place ``basket`` as checkout does, outside a request (demo data, tests): the plan from
    ``choices`` (each creator's first way by default), its delivery fees as the shipping
    charge, Oscar's order total, then ``OrderCreator``; the basket is submitted.

    ``order_fields`` go to ``place_order`` (``order_number``, ``user``, ``guest_email``,
    ``payment_method``, ``contact_name``, ``contact_phone``…)."""
    plan = build_plan(basket_groups(basket), choices or {}, province)
    method = FulfilmentCharges(total_fees(plan))
    charge = method.calculate(basket)
    order = OrderCreator().place_order(
        basket=basket,
        total=OrderTotalCalculator().calculate(basket, charge),
        shipping_method=method,
        shipping_charge=charge,
        fulfilment_plan=plan,
        **order_fields,
    )
    basket.submit()
    return order
