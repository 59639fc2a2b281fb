from django.contrib import admin
from oscar.apps.partner.admin import *  # noqa: F401,F403
from oscar.apps.partner.admin import PartnerAdmin as OscarPartnerAdmin

from .models import Partner, PartnerDeliveryFee


class PartnerDeliveryFeeInline(admin.TabularInline):
    model = PartnerDeliveryFee
    extra = 0


admin.site.unregister(Partner)


@admin.register(Partner)
class PartnerAdmin(OscarPartnerAdmin):
    list_display = ("name", "slug", "is_active", "on_vacation")
    list_filter = ("is_active", "on_vacation")
    search_fields = ("name", "code", "slug")
    inlines = [PartnerDeliveryFeeInline]
