from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Discipline, Profile, Province, Sector


class DirectoryFilterForm(forms.Form):
    """The directory's filters; every value is part of a shareable URL."""

    q = forms.CharField(label=_("Search"), required=False, max_length=120)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All sectors"),
    )
    discipline = forms.ModelChoiceField(
        label=_("Discipline"),
        queryset=Discipline.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All disciplines"),
    )
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All provinces"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("All kinds"))] + list(Profile.Kind.choices),
        required=False,
    )
    accompanied = forms.BooleanField(label=_("Accompanied creators only"), required=False)
