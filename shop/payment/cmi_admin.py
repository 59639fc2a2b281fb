"""Staff pages for CMI card payments, in Wagtail's admin (``wagtail_hooks.py``): record a
refund made in CMI's merchant back office, and the reconciliation CSV.

Permissions: ``payment.view_cmipayment`` to see payments and export; ``payment.add_cmirefund``
to record a refund.
"""

from datetime import datetime, time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheets import csv_response

from . import cmi
from .models import CmiPayment


def require(user, perm):
    # The role's permission decides (staff created in the Wagtail admin are not is_staff).
    if not (user.is_authenticated and user.has_perm(perm)):
        raise PermissionDenied


class RefundForm(forms.Form):
    amount = forms.DecimalField(
        label=gettext_lazy("Amount refunded (MAD)"), max_digits=12, decimal_places=2, min_value=0
    )
    reference = forms.CharField(
        label=gettext_lazy("Refund reference in the CMI back office"), max_length=64
    )


class ReconciliationForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("From"), required=False)
    end = forms.DateField(label=gettext_lazy("To"), required=False)


def record_refund(request, pk):
    require(request.user, "payment.add_cmirefund")
    payment = get_object_or_404(CmiPayment.objects.select_related("order"), pk=pk)
    form = RefundForm(request.POST or None, initial={"amount": payment.refundable})
    if request.method == "POST" and form.is_valid():
        try:
            cmi.record_refund(
                payment,
                amount=form.cleaned_data["amount"],
                reference=form.cleaned_data["reference"],
                by=request.user,
            )
        except cmi.PaymentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Refund of %(amount)s MAD recorded on order %(number)s.")
                % {"amount": form.cleaned_data["amount"], "number": payment.order.number},
            )
            return redirect("wagtailsnippets_payment_cmipayment:list")
    return render(request, "payment/admin/cmi_refund.html", {"payment": payment, "form": form})


def reconciliation_rows(start=None, end=None):
    payments = CmiPayment.objects.select_related("order").order_by("created_at", "pk")
    tz = timezone.get_current_timezone()
    if start:
        payments = payments.filter(created_at__gte=datetime.combine(start, time.min, tzinfo=tz))
    if end:
        payments = payments.filter(created_at__lte=datetime.combine(end, time.max, tzinfo=tz))
    for payment in payments.iterator(chunk_size=500):
        yield [
            timezone.localtime(payment.settled_at or payment.created_at).strftime("%Y-%m-%d %H:%M"),
            payment.order.number,
            cmi.format_amount(payment.amount),
            payment.trans_id,
            payment.get_status_display(),
            payment.oid,
            cmi.format_amount(payment.amount_refunded),
        ]


def reconciliation(request):
    """The page with the date filter, and the CSV itself when ``?format=csv``."""
    require(request.user, "payment.view_cmipayment")
    form = ReconciliationForm(request.GET or None)
    if request.GET.get("format") != "csv" or not form.is_valid():
        return render(request, "payment/admin/cmi_reconciliation.html", {"form": form})
    header = [
        _("Date"),
        _("Order"),
        _("Amount (MAD)"),
        "TransId",
        _("Status"),
        _("CMI order reference"),
        _("Refunded (MAD)"),
    ]
    rows = reconciliation_rows(form.cleaned_data.get("start"), form.cleaned_data.get("end"))
    return csv_response("cmi-reconciliation.csv", header, rows)
