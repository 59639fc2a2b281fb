"""Staff hide any product with a reason, which is emailed to the creator (and shown to them)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from shop.catalogue.models import Product


class HideProductForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (sent to the creator)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=gettext_lazy("Say what is wrong and what the creator can do about it."),
    )


def send_hidden_email(product):
    """Tell the shop's users why staff hid their product, each in their own language."""
    base_url = getattr(settings, "BASE_URL", "").rstrip("/")
    recipients = {}
    for record in product.stockrecords.select_related("partner"):
        for user in record.partner.users.all():
            if user.email:
                recipients[user.email] = user.preferred_language or settings.LANGUAGE_CODE
    for email, language in recipients.items():
        with translation.override(language):
            context = {
                "product": product,
                "reason": product.staff_hidden_reason,
                "url": base_url + _edit_path(product),
            }
            subject = _("Your product “%(title)s” was hidden by the programme staff") % {
                "title": product.title
            }
            body = render_to_string("creators/email/product_hidden.txt", context)
        send_mail(subject, body, None, [email])


def _edit_path(product):
    return reverse("creators:product-edit", kwargs={"pk": product.pk})


class StaffHideProductView(LoginRequiredMixin, TemplateView):
    """GET: the reason form; POST: hide the product, store the reason, email the creator."""

    template_name = "creators/staff_hide_product.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("catalogue.hide_product"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_product(self):
        return get_object_or_404(Product, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("product", self.get_product())
        context.setdefault("form", HideProductForm())
        return context

    def post(self, request, *args, **kwargs):
        product = self.get_product()
        if request.POST.get("action") == "restore":
            with transaction.atomic():
                product.staff_hidden_at = None
                product.staff_hidden_reason = ""
                product.save(update_fields=["staff_hidden_at", "staff_hidden_reason"])
            messages.success(
                request,
                _("“%(title)s” may be shown again by its creator.") % {"title": product.title},
            )
            return HttpResponseRedirect(request.path)
        form = HideProductForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(product=product, form=form))
        with transaction.atomic():
            product.is_public = False
            product.staff_hidden_at = timezone.now()
            product.staff_hidden_reason = form.cleaned_data["reason"]
            product.save(update_fields=["is_public", "staff_hidden_at", "staff_hidden_reason"])
            transaction.on_commit(lambda: send_hidden_email(product))
        messages.success(
            request,
            _("“%(title)s” is hidden; its creator is told why.") % {"title": product.title},
        )
        return HttpResponseRedirect(request.path)
