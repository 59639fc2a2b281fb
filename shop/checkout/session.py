"""Oscar's checkout session mixin, reading our "details" step.

The details step (``checkout:shipping-address``) stores the client's name, phone, the
fulfilment chosen for each creator and, only when some creator delivers, a postal address.
From these, this mixin answers Oscar's questions: the shipping address (``None`` unless
something is delivered), the shipping method (``FulfilmentCharges``: the creators' delivery
fees) and whether the data needed for the next step is captured.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.address.models import Country
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import session as oscar_session

from directory.models import Province
from shop.order import payment_methods
from shop.order.delivery_plan import (
    FulfilmentCharges,
    PlanError,
    basket_groups,
    build_plan,
    total_fees,
)
from shop.order.models import Order, PaymentMethod, ShippingAddress

NAMESPACE = "takafamap"


def morocco():
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2="MA",
        defaults={
            "iso_3166_1_a3": "MAR",
            "iso_3166_1_numeric": "504",
            "printable_name": "Maroc",
            "name": "Royaume du Maroc",
            "is_shipping_country": True,
        },
    )
    return country


class CheckoutSessionMixin(oscar_session.CheckoutSessionMixin):
    # ---- what the details step stored ------------------------------------------------
    def get_details(self):
        return self.checkout_session._get(NAMESPACE, "details")

    def set_details(self, details):
        self.checkout_session._set(NAMESPACE, "details", details)

    def get_payment_method(self):
        return self.checkout_session._get(NAMESPACE, "payment_method")

    def set_payment_method(self, code):
        self.checkout_session._set(NAMESPACE, "payment_method", code)

    def get_groups(self, basket=None):
        basket = basket or self.request.basket
        cache = self.__dict__.setdefault("_groups", {})
        if basket.pk not in cache:
            cache[basket.pk] = basket_groups(basket)
        return cache[basket.pk]

    def get_fulfilment_plan(self, basket=None):
        """The ``PartPlan`` list from the session, or ``None`` when missing or stale."""
        details = self.get_details()
        if not details:
            return None
        groups = self.get_groups(basket)
        province = None
        if details.get("province"):
            province = Province.objects.filter(pk=details["province"]).first()
        try:
            return build_plan(groups, details.get("choices", {}), province)
        except PlanError:
            return None

    @staticmethod
    def plan_delivers(plan):
        return any(part.fulfilment == "delivery" for part in plan or [])

    # ---- Oscar's questions -----------------------------------------------------------
    def check_shipping_data_is_captured(self, request):
        plan = self.get_fulfilment_plan(request.basket)
        if plan is None:
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:shipping-address"),
                message=_("Tell us how to reach you and how you receive each creator's items."),
            )

    def check_payment_data_is_captured(self, request):
        method = self.get_payment_method()
        if method not in payment_methods.available_methods():
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Choose how you pay."),
            )

    def skip_unless_basket_requires_shipping(self, request):
        # Our details step is never skipped: it asks for the phone and the fulfilment.
        return

    def skip_unless_payment_is_required(self, request):
        return

    def get_shipping_address(self, basket):
        details = self.get_details() or {}
        plan = self.get_fulfilment_plan(basket)
        if not self.plan_delivers(plan):
            return None
        province = Province.objects.filter(pk=details.get("province")).first()
        return ShippingAddress(
            first_name=details.get("first_name", ""),
            last_name=details.get("last_name", ""),
            line1=details.get("line1", ""),
            line4=details.get("city", ""),
            state=province.name if province else "",
            country=morocco(),
            phone_number=details.get("phone", ""),
        )

    def get_shipping_method(self, basket, shipping_address=None, **kwargs):
        plan = self.get_fulfilment_plan(basket)
        if plan is None:
            return None
        return FulfilmentCharges(total_fees(plan))

    def build_submission(self, **kwargs):
        submission = super().build_submission(**kwargs)
        details = self.get_details() or {}
        basket = submission["basket"]
        submission["order_kwargs"].update(
            contact_name=" ".join(
                part for part in (details.get("first_name"), details.get("last_name")) if part
            ),
            contact_phone=details.get("phone", ""),
            payment_method=self.get_payment_method() or "",
            # A CMI card order waits for its payment (released after CMI_PAYMENT_TIMEOUT_MINUTES).
            **(
                {"status": Order.AWAITING_CARD_PAYMENT}
                if self.get_payment_method() == PaymentMethod.CMI
                else {}
            ),
            fulfilment_plan=self.get_fulfilment_plan(basket) or [],
        )
        return submission
