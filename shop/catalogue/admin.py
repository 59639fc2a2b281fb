from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.admin import *  # noqa: F401,F403
from oscar.apps.catalogue.admin import ProductAdmin as OscarProductAdmin

from .models import Product


@admin.action(description=_("Hide with a reason sent to the creator"), permissions=["hide"])
def hide_with_reason(modeladmin, request, queryset):
    """Opens the staff form (reason, email to the creator) for one selected product."""
    if queryset.count() != 1:
        modeladmin.message_user(
            request, _("Select exactly one product to hide."), level=messages.WARNING
        )
        return None
    return HttpResponseRedirect(
        reverse("creators:staff-hide-product", kwargs={"pk": queryset.get().pk})
    )


admin.site.unregister(Product)


@admin.register(Product)
class ProductAdmin(OscarProductAdmin):
    actions = [hide_with_reason]
    list_filter = [*OscarProductAdmin.list_filter, "available_at_karfour"]

    def has_hide_permission(self, request):
        return request.user.has_perm("catalogue.hide_product")
