"""Pricing and availability: Oscar's default strategy, plus the creators' vacation mode.

Oscar loads ``Selector`` from here (``get_class("partner.strategy", "Selector")``) because
the partner app is forked. While a shop is on vacation its products cannot be bought: the
add-to-basket forms disappear and the basket refuses them.
"""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability
from oscar.apps.partner import strategy as oscar_strategy


class OnVacation(availability.Unavailable):
    code = "on_vacation"

    def __init__(self, message=""):
        self.message = message or _("The creator is away: orders resume soon.")


class Default(oscar_strategy.Default):
    def availability_policy(self, product, stockrecord):
        if stockrecord is not None and stockrecord.partner.on_vacation:
            return OnVacation(stockrecord.partner.vacation_message)
        return super().availability_policy(product, stockrecord)

    def parent_availability_policy(self, product, children_stock):
        if any(record and record.partner.on_vacation for _child, record in children_stock):
            return OnVacation()
        return super().parent_availability_policy(product, children_stock)


class Selector(oscar_strategy.Selector):
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
