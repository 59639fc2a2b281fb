"""Oscar's order admin, with each creator's part and the staff's "payment received"."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.apps.order.admin import *  # noqa: F401,F403
from oscar.apps.order.admin import OrderAdmin as OscarOrderAdmin

from .models import Order, OrderPart
from .services import mark_order_paid


class OrderPartInline(admin.TabularInline):
    model = OrderPart
    extra = 0
    fields = ("partner", "fulfilment", "status", "subtotal", "delivery_fee", "paid_at")
    readonly_fields = fields
    can_delete = False


@admin.action(description=_("Payment received (bank transfer confirmed): mark paid"))
def confirm_payment(modeladmin, request, queryset):
    count = 0
    for order in queryset:
        if mark_order_paid(
            order,
            method=order.payment_method or "bank_transfer",
            amount=order.total_incl_tax,
            reference=order.transfer_reference,
        ):
            count += 1
    modeladmin.message_user(
        request,
        ngettext("%(n)d order marked paid.", "%(n)d orders marked paid.", count) % {"n": count},
        messages.SUCCESS,
    )


class OrderAdmin(OscarOrderAdmin):
    list_display = (
        "number",
        "total_incl_tax",
        "payment_method",
        "paid_at",
        "user",
        "guest_email",
        "date_placed",
    )
    list_filter = ("payment_method", ("paid_at", admin.EmptyFieldListFilter))
    readonly_fields = (
        *OscarOrderAdmin.readonly_fields,
        "paid_at",
        "payment_reference",
        "transfer_receipt",
    )
    # Private file: no public URL; staff open it through the permission-checked view.
    exclude = ("bank_receipt",)
    search_fields = ("number", "user__email", "guest_email", "contact_phone")
    inlines = [OrderPartInline, *OscarOrderAdmin.inlines]
    actions = [confirm_payment]

    @admin.display(description=_("bank transfer receipt"))
    def transfer_receipt(self, order):
        if not order.bank_receipt:
            return "—"
        url = reverse("checkout:bank-receipt-file", kwargs={"number": order.number})
        return format_html('<a href="{}">{}</a>', url, _("Open the receipt"))


admin.site.unregister(Order)
admin.site.register(Order, OrderAdmin)


@admin.register(OrderPart)
class OrderPartAdmin(admin.ModelAdmin):
    list_display = ("order", "partner", "fulfilment", "status", "paid_at", "created_at")
    list_filter = ("status", "fulfilment")
    search_fields = ("order__number", "partner__name")
    raw_id_fields = ("order",)
    readonly_fields = ("order", "partner", "subtotal", "delivery_fee", "paid_at", "created_at")
