"""Checkout forms: the details step (contact, fulfilment per creator, address) and the
payment method."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms

from core.money import format_money
from core.widgets import MoroccanPhoneField
from directory.models import Province
from shop.order import payment_methods
from shop.order.delivery_plan import PlanError, build_plan


class GatewayForm(oscar_forms.GatewayForm):
    """Oscar's first checkout step, telling nobody whether an email has an account.

    Oscar answered "A user with that email address already exists" to a guest or a new
    client typing a known email, and "wrong password" otherwise. Here a guest goes on as a
    guest (``OSCAR_ALLOW_GUEST_CHECKOUT_WITH_ACCOUNT``) and "create an account" goes on to
    the sign-up page whatever the email; a wrong password reads the same for any email.

    Its choice gets a label (Django would print "Options").
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["options"].label = _("How do you want to order?")
        # The choice before the password, which only returning customers give (checkout.js
        # hides it for the others; without JavaScript it reads as optional).
        self.fields["password"].required = False
        self.fields["password"].label = _("Password (returning customers)")
        self.order_fields(["username", "options", "password"])

    def clean(self):
        if self.is_guest_checkout() or self.is_new_account_checkout():
            self.errors.pop("password", None)
            return self.cleaned_data
        if not self.cleaned_data.get("password"):
            self.add_error("password", _("Enter your password to sign in."))
            return self.cleaned_data
        return super().clean()


class DetailsForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=75)
    last_name = forms.CharField(label=_("Last name"), max_length=75)
    phone = MoroccanPhoneField(
        label=_("Mobile phone"),
        help_text=_("A Moroccan number, e.g. 06 12 34 56 78: the creators call you on it."),
    )
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.all(),
        required=False,
        help_text=_("Only for delivery."),
    )
    city = forms.CharField(label=_("City"), max_length=255, required=False)
    line1 = forms.CharField(label=_("Address"), max_length=255, required=False)

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        self.delivery_possible = any(option.fees for group in groups for option in group.options)
        for group in groups:
            if not group.needs_choice:
                continue
            choices = []
            for option in group.options:
                label = str(option.label)
                if option.detail:
                    label = f"{label} — {option.detail}"
                if option.fees:
                    low = min(option.fees.values())
                    label = f"{label} ({_('from')} {format_money(low)})"
                choices.append((option.code, label))
            self.fields[self.field_name(group)] = forms.ChoiceField(
                label=group.partner.name, choices=choices, widget=forms.RadioSelect
            )
        if not self.delivery_possible:
            for name in ("province", "city", "line1"):
                del self.fields[name]
        for group in groups:
            name = self.field_name(group)
            group.bound_field = self[name] if name in self.fields else None

    @staticmethod
    def field_name(group):
        return f"fulfilment_{group.partner.pk}"

    def clean(self):
        data = super().clean()
        choices = {
            str(group.partner.pk): (
                data.get(self.field_name(group))
                if self.field_name(group) in self.fields
                else group.options[0].code
            )
            for group in self.groups
        }
        if any(value is None for value in choices.values()):
            return data
        delivers = "delivery" in choices.values()
        if delivers:
            for name in ("province", "city", "line1"):
                if not data.get(name):
                    self.add_error(name, _("Needed for delivery."))
            if self.errors:
                return data
        try:
            self.plan = build_plan(self.groups, choices, data.get("province") if delivers else None)
        except PlanError as error:
            raise forms.ValidationError(str(error)) from error
        data["choices"] = choices
        return data

    def to_session(self):
        data = self.cleaned_data
        delivers = "delivery" in data["choices"].values()
        return {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "phone": str(data["phone"]),
            "choices": data["choices"],
            "province": data["province"].pk if delivers else None,
            "city": data.get("city", "") if delivers else "",
            "line1": data.get("line1", "") if delivers else "",
        }


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(label=_("How do you pay?"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = payment_methods.choices()
