"""The application form, its team and attachments formsets, and the jury's score form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from directory.models import Discipline

from .models import (
    MAX_AGE,
    MAX_ATTACHMENTS,
    MAX_TEAM,
    MIN_AGE,
    Application,
    Attachment,
    Score,
    TeamMember,
    age_in_year,
)

HONEYPOT = "website"


class ApplicationForm(forms.ModelForm):
    # A field people never see (hidden by CSS, skipped by keyboard): robots fill it.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Application
        fields = [
            "project_name",
            "sector",
            "discipline",
            "description",
            "stage",
            "needs",
            "holder_name",
            "email",
            "phone",
            "province",
            "city",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "needs": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "province": _(
                "The programme is for young people of the Oriental region: choose the "
                "province or prefecture where you live."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["discipline"].queryset = Discipline.objects.select_related("sector")
        self.fields["province"].empty_label = _("Choose your province")
        self.fields["sector"].empty_label = _("Choose a sector")
        self.fields["discipline"].empty_label = _("Choose a discipline")
        self.fields["province"].error_messages["invalid_choice"] = _(
            "Only young people from one of the Oriental's eight provinces and prefectures "
            "may apply."
        )

    def clean(self):
        data = super().clean()
        sector, discipline = data.get("sector"), data.get("discipline")
        if sector and discipline and discipline.sector_id != sector.pk:
            self.add_error(
                "discipline",
                _("%(discipline)s is not a discipline of the %(sector)s sector.")
                % {"discipline": discipline.label, "sector": sector.label},
            )
        return data


class TeamMemberForm(forms.ModelForm):
    class Meta:
        model = TeamMember
        fields = ["name", "birth_year", "role"]

    def __init__(self, *args, call=None, **kwargs):
        self.call = call
        super().__init__(*args, **kwargs)
        self.fields["birth_year"].widget.attrs.update({"inputmode": "numeric"})

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        if self.call is None:
            return year
        start = self.call.programme_starts_on
        age = age_in_year(year, start.year)
        if not MIN_AGE <= age <= MAX_AGE:
            earliest, latest = self.call.birth_years
            raise ValidationError(
                _(
                    "Every team member must be aged %(min)s to %(max)s when the programme "
                    "starts (%(start)s): born between %(earliest)s and %(latest)s. "
                    "Born in %(year)s, this person would be %(age)s."
                ),
                params={
                    "min": MIN_AGE,
                    "max": MAX_AGE,
                    "start": formats.date_format(start, "DATE_FORMAT"),
                    "earliest": earliest,
                    "latest": latest,
                    "year": year,
                    "age": age,
                },
                code="age",
            )
        return year


class BaseTeamFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, call=None, **kwargs):
        self.call = call
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["call"] = self.call
        return kwargs

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            call=self.call,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form


TeamFormSet = forms.inlineformset_factory(
    Application,
    TeamMember,
    form=TeamMemberForm,
    formset=BaseTeamFormSet,
    extra=MAX_TEAM,
    max_num=MAX_TEAM,
    min_num=1,
    validate_min=True,
    validate_max=True,
    can_delete=True,
)


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file"]
        help_texts = {"file": _("A PDF or a picture (JPEG, PNG, WebP), 10 MB at most.")}


AttachmentFormSet = forms.inlineformset_factory(
    Application,
    Attachment,
    form=AttachmentForm,
    extra=MAX_ATTACHMENTS,
    max_num=MAX_ATTACHMENTS,
    validate_max=True,
    can_delete=True,
)


class ScoreForm(forms.ModelForm):
    class Meta:
        model = Score
        fields = ["innovation", "feasibility", "impact", "team", "comment"]
        widgets = {
            name: forms.Select(choices=[("", "—")] + [(n, str(n)) for n in range(1, 6)])
            for name in Score.CRITERIA
        } | {"comment": forms.Textarea(attrs={"rows": 3})}


class DecisionForm(forms.Form):
    ACTIONS = [
        ("shortlist", _("Shortlist")),
        ("select", _("Select and onboard")),
        ("reject", _("Reject")),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
