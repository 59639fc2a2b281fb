from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from core.widgets import FastSelect

from .filters import TaxonomyFilterForm, taxonomy_field
from .models import Discipline, PortfolioItem, Profile


class DirectoryFilterForm(TaxonomyFilterForm):
    """The directory's filters; every value is part of a shareable URL."""

    field_order = ["q", "sector", "discipline", "province"]

    discipline = taxonomy_field("discipline")
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All kinds"))] + list(Profile.Kind.choices),
        required=False,
        widget=FastSelect,
    )
    accompanied = forms.BooleanField(label=_("Accompanied creators only"), required=False)
    available = forms.BooleanField(label=_("Available now"), required=False)

    def filter(self, queryset):
        """``queryset`` narrowed by the valid filters (all of them ignored if invalid)."""
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["q"]:
            q = data["q"]
            queryset = queryset.filter(
                Q(name__icontains=q)
                | Q(headline__icontains=q)
                | Q(bio__icontains=q)
                | Q(city__icontains=q)
                | Q(skills__icontains=q)
                | Q(equipment__icontains=q)
            )
        if data["sector"]:
            queryset = queryset.filter(sectors=data["sector"])
        if data["discipline"]:
            queryset = queryset.filter(disciplines=data["discipline"])
        if data["province"]:
            queryset = queryset.filter(province=data["province"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["accompanied"]:
            queryset = queryset.filter(is_accompanied=True)
        if data["available"]:
            queryset = queryset.filter(availability=Profile.Availability.AVAILABLE)
        if data["sector"] or data["discipline"]:
            queryset = queryset.distinct()
        return queryset


class ContactForm(forms.Form):
    """A visitor's message to a professional, relayed by email (the address stays hidden)."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your email"), help_text=_("The reply will come here."))
    phone = PhoneNumberField(label=_("Your phone (optional)"), required=False)
    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}), min_length=10, max_length=3000
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_name(self):
        # The name goes into an email header (Reply-To): one line, no control characters.
        name = self.cleaned_data["name"]
        if any(ord(char) < 32 or ord(char) == 127 for char in name):
            raise forms.ValidationError(_("Write your name on one line."), code="control")
        return name


def _https_url_fields(model_field, **kwargs):
    """Form fields of the model's, URLs assumed https when typed without a scheme."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class OwnProfileForm(forms.ModelForm):
    """What a professional fills in about themselves (staff-only fields are left out)."""

    disciplines = forms.ModelMultipleChoiceField(
        label=_("Disciplines"),
        queryset=Discipline.objects.select_related("sector"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Your sectors follow from them."),
    )

    class Meta:
        model = Profile
        formfield_callback = _https_url_fields
        fields = [
            "name",
            "kind",
            "headline",
            "bio",
            "disciplines",
            "province",
            "city",
            "latitude",
            "longitude",
            "photo",
            "photo_alt",
            "skills",
            "equipment",
            "languages",
            "availability",
            "phone",
            "whatsapp",
            "email",
            "website",
            "instagram",
            "facebook",
            "youtube",
            "linkedin",
            "accepts_messages",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "skills": forms.Textarea(attrs={"rows": 3}),
            "equipment": forms.Textarea(attrs={"rows": 3}),
        }

    # Changing only these keeps an approved profile public (no new review needed).
    NO_REVIEW_FIELDS = {"availability", "accepts_messages"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].required = True
        self.fields["latitude"].help_text = _(
            "Optional. Leave both empty if you work anywhere in the region."
        )

    def clean(self):
        data = super().clean()
        if data.get("photo") and not data.get("photo_alt") and "photo" in self.changed_data:
            self.add_error("photo_alt", _("Describe the photo for people who cannot see it."))
        return data

    def needs_review(self):
        return bool(set(self.changed_data) - self.NO_REVIEW_FIELDS)

    def save(self, commit=True):
        profile = super().save(commit=False)
        # A suspension is staff's decision: editing does not send the profile back to review.
        suspended = profile.status == Profile.Status.SUSPENDED
        if not suspended and (profile.pk is None or self.needs_review()):
            profile.status = Profile.Status.PENDING
        if commit:
            profile.save()
            self.save_m2m()
            disciplines = self.cleaned_data["disciplines"]
            profile.sectors.set({discipline.sector for discipline in disciplines})
        return profile


PortfolioFormSet = forms.inlineformset_factory(
    Profile,
    PortfolioItem,
    fields=["title", "image", "image_alt", "video_url"],
    extra=2,
    max_num=12,
    validate_max=True,
    can_delete=True,
    formfield_callback=_https_url_fields,
)
