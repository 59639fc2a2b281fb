"""Forms on an order placed (the client's order page and the checkout's order status page)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Order


class BankReceiptForm(forms.ModelForm):
    class Meta:
        model = Order
        fields = ["bank_receipt"]
        labels = {"bank_receipt": _("Receipt of your transfer (PDF or picture)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bank_receipt"].required = True
