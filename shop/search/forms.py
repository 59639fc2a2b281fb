"""Browse form for our database-backed catalogue (replaces Oscar's haystack forms)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.search.forms import SearchForm  # noqa: F401  (Oscar's context processor)

from directory.models import Province, Sector
from shop.partner.models import Partner


class BrowseForm(forms.Form):
    SORT_CHOICES = [
        ("newest", _("Newest")),
        ("price-asc", _("Price: low to high")),
        ("price-desc", _("Price: high to low")),
        ("title-asc", _("Title A to Z")),
    ]
    ORDERINGS = {
        "newest": ["-date_created", "-pk"],
        "price-asc": ["min_price", "pk"],
        "price-desc": ["-min_price", "pk"],
        "title-asc": ["title", "pk"],
    }

    q = forms.CharField(label=_("Search"), required=False, max_length=120)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All sectors"),
    )
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All provinces"),
    )
    creator = forms.ModelChoiceField(
        label=_("Creator"),
        queryset=Partner.objects.filter(is_active=True, slug__isnull=False),
        required=False,
        to_field_name="slug",
        empty_label=_("All creators"),
        widget=forms.HiddenInput,
    )
    sort_by = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
