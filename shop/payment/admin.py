"""Payment sources in Django's admin, with the staff's card refund action, and the Stripe
events received (read only)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from . import stripe_gateway
from .models import StripeEvent

Source = get_model("payment", "Source")
Transaction = get_model("payment", "Transaction")
SourceType = get_model("payment", "SourceType")
Bankcard = get_model("payment", "Bankcard")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = (
        "order",
        "source_type",
        "amount_allocated",
        "amount_debited",
        "amount_refunded",
        "reference",
    )
    list_filter = ("source_type",)
    raw_id_fields = ("order",)
    search_fields = ("order__number", "reference")
    actions = ["refund_through_stripe"]

    @admin.action(description=_("Refund the card payment through Stripe"), permissions=["change"])
    def refund_through_stripe(self, request, queryset):
        for source in queryset.select_related("order", "source_type"):
            try:
                refund = stripe_gateway.refund(source)
            except stripe_gateway.PaymentError as error:
                self.message_user(
                    request,
                    _("Order %(number)s: %(error)s")
                    % {"number": source.order.number, "error": error},
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request,
                    _("Order %(number)s: refunded (%(reference)s).")
                    % {"number": source.order.number, "reference": refund.id},
                    messages.SUCCESS,
                )


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    list_display = ("event_id", "event_type", "order", "outcome", "detail", "received_at")
    list_filter = ("event_type", "outcome")
    search_fields = ("event_id", "payment_intent_id", "order__number")
    raw_id_fields = ("order",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TransactionAdmin(admin.ModelAdmin):
    raw_id_fields = ("source",)
    search_fields = ("source__order__number",)


admin.site.register(SourceType)
admin.site.register(Transaction, TransactionAdmin)
admin.site.register(Bankcard)
