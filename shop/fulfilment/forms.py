from django import forms
from django.utils.translation import gettext_lazy as _

from shop.order.models import OrderPart


class PartStatusForm(forms.Form):
    status = forms.ChoiceField(choices=OrderPart.Status.choices)
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=300,
        required=False,
        widget=forms.TextInput,
    )
