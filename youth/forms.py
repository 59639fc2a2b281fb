"""Public forms: registering for an event, asking about one's personal data."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.widgets import MoroccanPhoneField
from directory.models import Province, Sector
from youth.models import Gender, HeardFrom

HONEYPOT = "website"


class LabelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class LabelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


def normalise_email(value):
    return (value or "").strip().lower()


class HoneypotMixin(forms.Form):
    # A field people never see (hidden by CSS, skipped by keyboard): robots fill it.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_robot(self):
        return bool(self.data.get(HONEYPOT))


class PhoneOrEmailMixin:
    def clean_email(self):
        return normalise_email(self.cleaned_data.get("email"))

    def check_phone_or_email(self, cleaned):
        if not cleaned.get("phone") and not cleaned.get("email") and not self.errors:
            raise forms.ValidationError(
                _("Give a phone number or an email address (or both) so that we can reach you."),
                code="no_contact",
            )


class RegistrationForm(PhoneOrEmailMixin, HoneypotMixin):
    first_name = forms.CharField(
        label=_("First name"), max_length=80, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=80, widget=forms.TextInput({"autocomplete": "family-name"})
    )
    birth_year = forms.IntegerField(
        label=_("Birth year"), widget=forms.NumberInput({"inputmode": "numeric"})
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=[("", _("I prefer not to say"))] + list(Gender.choices),
        required=False,
    )
    province = LabelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), empty_label=_("Choose…")
    )
    city = forms.CharField(
        label=_("City or town"),
        max_length=80,
        widget=forms.TextInput({"autocomplete": "address-level2"}),
    )
    phone = MoroccanPhoneField(label=_("Phone"), required=False)
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        max_length=254,
        widget=forms.EmailInput({"autocomplete": "email", "dir": "ltr"}),
    )
    interests = LabelMultipleChoiceField(
        label=_("Sectors that interest you"),
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    heard_from = forms.ChoiceField(
        label=_("How did you hear about the programme?"),
        choices=[("", _("Choose…"))] + list(HeardFrom.choices),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described above."),
        error_messages={
            "required": _("Tick the box to agree, or we cannot register you: see the text above.")
        },
    )

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        this_year = timezone.localdate().year
        if not this_year - 100 <= year <= this_year - 10:
            raise forms.ValidationError(
                _("Enter your birth year with four digits, e.g. %(example)s."),
                params={"example": this_year - 20},
            )
        return year

    def clean(self):
        cleaned = super().clean()
        self.check_phone_or_email(cleaned)
        return cleaned


class DataRequestForm(PhoneOrEmailMixin, HoneypotMixin):
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        max_length=254,
        widget=forms.EmailInput({"autocomplete": "email", "dir": "ltr"}),
    )
    phone = MoroccanPhoneField(label=_("Phone"), required=False)
    kind = forms.ChoiceField(
        label=_("What do you want?"),
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        choices=[
            ("copy", _("A copy of everything you hold about me")),
            ("delete", _("The deletion of everything you hold about me")),
        ],
    )

    def clean(self):
        cleaned = super().clean()
        self.check_phone_or_email(cleaned)
        return cleaned
