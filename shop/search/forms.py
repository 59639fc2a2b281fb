"""Browse form for our database-backed catalogue (replaces Oscar's haystack forms).

Every filter is a plain GET parameter, so a filtered list is a shareable URL. A value the
form does not understand (an unknown province, a price that is not a number…) is ignored
on its own: the other filters still apply and the page says which were ignored.
"""

from decimal import Decimal

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from oscar.apps.search.forms import SearchForm  # noqa: F401  (Oscar's context processor)

from core.widgets import CachedModelChoiceField, FastSelect
from directory.filters import TaxonomyFilterForm
from shop.partner.models import Partner

KIND_CHOICES = [
    ("", _("All kinds")),
    ("service", _("Services")),
    ("physical", _("Physical products")),
    ("digital", _("Digital products")),
]


class CreatorChoiceField(CachedModelChoiceField):
    """The cleaned value is still a whole ``Partner``; only the option list is lighter."""

    choice_fields = ("pk", "name", "code", "slug")


class BrowseForm(TaxonomyFilterForm):
    SORT_CHOICES = [
        ("newest", _("Newest")),
        ("price-asc", _("Price: low to high")),
        ("price-desc", _("Price: high to low")),
        ("rating", _("Best rated")),
        ("title-asc", _("Title A to Z")),
    ]
    ORDERINGS = {
        "newest": ["-date_created", "-pk"],
        "price-asc": [F("min_price").asc(nulls_last=True), "pk"],
        "price-desc": [F("min_price").desc(nulls_last=True), "pk"],
        "rating": [F("rating").desc(nulls_last=True), "-date_created", "-pk"],
        "title-asc": ["title", "pk"],
    }
    FILTER_FIELDS = ["sector", "province", "kind", "price_min", "price_max", "karfour", "creator"]

    kind = forms.ChoiceField(
        label=_("Kind"), choices=KIND_CHOICES, required=False, widget=FastSelect
    )
    price_min = forms.DecimalField(
        label=_("Minimum price (MAD)"),
        required=False,
        min_value=Decimal("0"),
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric"}),
    )
    price_max = forms.DecimalField(
        label=_("Maximum price (MAD)"),
        required=False,
        min_value=Decimal("0"),
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric"}),
    )
    karfour = forms.BooleanField(label=_("At L'Karfour market"), required=False)
    creator = CreatorChoiceField(
        label=_("Creator"),
        queryset=Partner.objects.filter(is_active=True, slug__isnull=False).order_by("name"),
        required=False,
        to_field_name="slug",
        empty_label=_("All creators"),
    )
    sort_by = forms.ChoiceField(
        label=_("Sort by"), choices=SORT_CHOICES, required=False, widget=FastSelect
    )

    def __init__(self, *args, show_creator_choice=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_creator_choice:
            self.fields["creator"].widget = forms.HiddenInput()

    def clean(self):
        data = super().clean()
        low, high = data.get("price_min"), data.get("price_max")
        if low is not None and high is not None and low > high:
            # Swapped bounds are read the way the visitor meant them.
            data["price_min"], data["price_max"] = high, low
        return data

    @property
    def filters(self):
        """The values understood, field by field; ignored values are simply absent."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}

    @property
    def ignored(self):
        """Labels of the filters whose value was not understood (and is ignored)."""
        self.is_valid()
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]

    @property
    def has_extra_filters(self):
        return any(self.data.get(name) for name in [*self.FILTER_FIELDS, "sort_by"])
