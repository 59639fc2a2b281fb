"""The taxonomy's filter fields, one definition for every filter form of the site.

The directory (``directory.forms.DirectoryFilterForm``), the shop's catalogue
(``shop.search.forms.BrowseForm``) and the site search (``sitesearch.forms.parse``) filter by
sector, discipline and province through their slugs, so a filtered page is a shareable URL.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import CachedModelChoiceField

from .models import Discipline, Province, Sector

# name → (model, label, the empty choice's label)
TAXONOMY = {
    "sector": (Sector, _("Sector"), _("All sectors")),
    "discipline": (Discipline, _("Discipline"), _("All disciplines")),
    "province": (Province, _("Province"), _("All provinces")),
}


def taxonomy_field(name):
    """An optional choice of a sector, discipline or province, by slug."""
    model, label, empty_label = TAXONOMY[name]
    return CachedModelChoiceField(
        label=label,
        queryset=model.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=empty_label,
    )


def known_slug(name, value):
    """Whether ``value`` is the slug of a sector, discipline or province (``name``)."""
    return TAXONOMY[name][0].objects.filter(slug=value).exists()


class TaxonomyFilterForm(forms.Form):
    """The text search and the sector and province filters the site's filter forms share."""

    q = forms.CharField(label=_("Search"), required=False, max_length=120)
    sector = taxonomy_field("sector")
    province = taxonomy_field("province")
