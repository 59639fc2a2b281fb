"""Forms of the quotes: the client's request (with an inline account), the creator's quote
(itemised lines), thread messages, accept/decline."""

from decimal import Decimal

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_document
from core.widgets import MoroccanPhoneField
from shop.catalogue.models import Product

from .models import MAX_QUANTITY, MAX_TOTAL, MAX_UNIT_PRICE, QuoteRequest
from .services import LineData, bound

MAX_FILES = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


_attachments_help = lazy(
    lambda: (
        gettext("Pictures (JPEG, PNG, WebP) or PDF, 10 MB each at most, %(n)s files at most.")
        % {"n": MAX_FILES}
    ),
    str,
)


class AttachmentsField(forms.FileField):
    """Several files, each a PDF or a picture under the size limit (``validate_document``)."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments"))
        # Lazy: the field is built once, when the form class is defined, in no one's language.
        kwargs.setdefault("help_text", _attachments_help())
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", "application/pdf,image/jpeg,image/png,image/webp")

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data] if data else []
        if len(items) > MAX_FILES:
            raise ValidationError(
                _("Send %(n)s files at most."), params={"n": MAX_FILES}, code="too_many"
            )
        cleaned = []
        for item in items:
            upload = super().clean(item, initial)
            if upload:
                validate_document(upload)
                cleaned.append(upload)
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class QuoteRequestForm(forms.ModelForm):
    """``partner``: the shop asked; ``product``: the service (None: choose or describe)."""

    attachments = AttachmentsField()

    class Meta:
        model = QuoteRequest
        fields = [
            "product",
            "description",
            "starts_on",
            "ends_on",
            "place",
            "province",
            "audience_size",
            "budget_min",
            "budget_max",
            "brief",
            "phone",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "brief": forms.Textarea(attrs={"rows": 6}),
        }

    phone = MoroccanPhoneField(label=_("Contact phone"), placeholder="06 12 34 56 78")

    def __init__(self, *args, partner, product=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner = partner
        self.fixed_product = product
        services = (
            Product.objects.filter(
                stockrecords__partner=partner, is_public=True, product_class__slug="service"
            )
            .distinct()
            .order_by("title")
        )
        field = self.fields["product"]
        field.queryset = services
        field.required = False
        field.label = _("Service")
        field.empty_label = _("Something else (describe it below)")
        if product is not None:
            field.widget = forms.HiddenInput()
            self.initial["product"] = product.pk
        self.fields["province"].queryset = self.fields["province"].queryset.order_by("name")
        self.fields["budget_min"].widget.attrs.update(min="0", step="50")
        self.fields["budget_max"].widget.attrs.update(min="0", step="50")
        self.fields["audience_size"].widget.attrs.update(min="0")
        self.fields["starts_on"].widget.attrs["min"] = timezone.localdate().isoformat()
        self.fields["ends_on"].widget.attrs["min"] = timezone.localdate().isoformat()

    def clean_product(self):
        if self.fixed_product is not None:
            return self.fixed_product
        return self.cleaned_data.get("product")

    def clean_starts_on(self):
        value = self.cleaned_data["starts_on"]
        if value < timezone.localdate():
            raise ValidationError(_("This date is in the past."), code="past")
        return value

    def clean(self):
        data = super().clean()
        if not data.get("product") and not (data.get("description") or "").strip():
            self.add_error(
                "description", _("Choose one of the creator's services or describe what you need.")
            )
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        low, high = data.get("budget_min"), data.get("budget_max")
        for name in ("budget_min", "budget_max"):
            if data.get(name) is not None and data[name] < 0:
                self.add_error(name, _("An amount cannot be negative."))
        if low is not None and high is not None and 0 <= high < low:
            self.add_error("budget_max", _("The upper budget cannot be below the lower one."))
        return data


class AccountForm(forms.Form):
    """Sign in or create an account on the request page, without leaving it."""

    SIGNUP, LOGIN = "signup", "login"
    mode = forms.ChoiceField(
        label=_("Your account"),
        choices=[(SIGNUP, _("I am new: create my account")), (LOGIN, _("I have an account"))],
        widget=forms.RadioSelect,
        initial=SIGNUP,
    )
    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, prefix="account", **kwargs)
        self.request = request
        self.user = None

    def clean(self):
        data = super().clean()
        email, password = (data.get("email") or "").strip(), data.get("password")
        if not email or not password:
            return data
        user_model = get_user_model()
        if data.get("mode") == self.LOGIN:
            self.user = authenticate(self.request, username=email, password=password)
            if self.user is None:
                raise ValidationError(
                    _("This email and password do not match an account."), code="login"
                )
        else:
            if user_model.objects.filter(email__iexact=email).exists():
                self.add_error(
                    "email",
                    _("An account already uses this email: choose “I have an account”."),
                )
                return data
            candidate = user_model(email=email)
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return data

    def save(self):
        """The signed-in user (existing, or created now)."""
        if self.user is not None:
            return self.user
        user_model = get_user_model()
        return user_model.objects.create_user(
            email=self.cleaned_data["email"].strip(), password=self.cleaned_data["password"]
        )


class QuoteLineForm(forms.Form):
    label = forms.CharField(label=_("Item"), max_length=200, required=False)
    quantity = forms.DecimalField(
        label=_("Quantity"),
        max_digits=8,
        decimal_places=2,
        required=False,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_QUANTITY)],
    )
    unit_price = forms.DecimalField(
        label=_("Unit price (MAD)"),
        max_digits=10,
        decimal_places=2,
        required=False,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_UNIT_PRICE)],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        quantity, unit_price = self.fields["quantity"], self.fields["unit_price"]
        quantity.widget.attrs.update(
            min="0.01", max=str(MAX_QUANTITY), step="any", inputmode="decimal"
        )
        unit_price.widget.attrs.update(
            min="0", max=str(MAX_UNIT_PRICE), step="any", inputmode="decimal"
        )
        unit_price.error_messages["min_value"] = _("An amount cannot be negative.")
        quantity.error_messages["min_value"] = _("A quantity must be above zero.")
        # Too many digits or too large: one clear message naming the bound.
        too_large_quantity = _("A quantity cannot be above %(max)s.") % bound(MAX_QUANTITY)
        too_large_price = _("A unit price cannot be above %(max)s MAD.") % bound(MAX_UNIT_PRICE)
        for key in ("max_value", "max_digits", "max_whole_digits"):
            quantity.error_messages[key] = too_large_quantity
            unit_price.error_messages[key] = too_large_price

    def clean(self):
        data = super().clean()
        filled = [data.get("label"), data.get("quantity"), data.get("unit_price")]
        if any(value not in (None, "") for value in filled) and not self.errors:
            if not data.get("label"):
                self.add_error("label", _("Name this item."))
            if data.get("quantity") is None:
                self.add_error("quantity", _("Give a quantity."))
            if data.get("unit_price") is None:
                self.add_error("unit_price", _("Give a unit price."))
        return data

    @property
    def is_blank(self):
        data = getattr(self, "cleaned_data", {})
        return (
            not data.get("label")
            and data.get("quantity") is None
            and data.get("unit_price") is None
        )


class BaseQuoteLineFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        total = sum(
            (
                form.cleaned_data["quantity"] * form.cleaned_data["unit_price"]
                for form in self.forms
                if not form.is_blank
            ),
            Decimal(0),
        )
        if total > MAX_TOTAL:
            raise ValidationError(
                _("A quote's total cannot be above %(max)s MAD.") % bound(MAX_TOTAL),
                code="total_too_large",
            )


QuoteLineFormSet = forms.formset_factory(
    QuoteLineForm, formset=BaseQuoteLineFormSet, extra=0, min_num=4, max_num=30
)


class QuoteForm(forms.Form):
    deposit_percent = forms.IntegerField(
        label=_("Deposit (%)"),
        initial=30,
        help_text=_("Paid when the client accepts; 0 for payment of the whole price."),
    )
    valid_until = forms.DateField(label=_("Valid until"), widget=DateInput())
    terms = forms.CharField(
        label=_("Terms"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What is included, cancellation, what the client provides."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deposit_percent"].widget.attrs.update(min="0", max="100")
        self.fields["valid_until"].widget.attrs["min"] = timezone.localdate().isoformat()

    def clean_deposit_percent(self):
        value = self.cleaned_data["deposit_percent"]
        if value < 0:
            raise ValidationError(_("A deposit cannot be negative."), code="negative")
        if value > 100:
            raise ValidationError(_("A deposit cannot be more than 100%."), code="above_100")
        return value

    def clean_valid_until(self):
        value = self.cleaned_data["valid_until"]
        if value < timezone.localdate():
            raise ValidationError(_("This date is in the past."), code="past")
        return value


def lines_of(formset):
    return [
        LineData(
            form.cleaned_data["label"],
            form.cleaned_data["quantity"],
            form.cleaned_data["unit_price"],
        )
        for form in formset.forms
        if not form.is_blank
    ]


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    attachments = AttachmentsField()
