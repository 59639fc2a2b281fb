"""Staff read quote requests, their versions, thread and history in the Django admin."""

from django.contrib import admin

from .models import QuoteAttachment, QuoteEvent, QuoteMessage, QuoteRequest, QuoteVersion


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class VersionInline(ReadOnlyInline):
    model = QuoteVersion
    fields = ("number", "total", "deposit_percent", "valid_until", "created_at", "created_by")
    readonly_fields = fields


class MessageInline(ReadOnlyInline):
    model = QuoteMessage
    fields = ("created_at", "author", "body")
    readonly_fields = fields


class AttachmentInline(ReadOnlyInline):
    model = QuoteAttachment
    fields = ("created_at", "name", "message", "uploaded_by")
    readonly_fields = fields


class EventInline(ReadOnlyInline):
    model = QuoteEvent
    fields = ("created_at", "actor", "from_status", "to_status", "version")
    readonly_fields = fields


@admin.register(QuoteRequest)
class QuoteRequestAdmin(admin.ModelAdmin):
    list_display = ("pk", "subject", "client", "partner", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("client__email", "partner__name", "description", "brief")
    list_select_related = ("client", "partner", "product")
    inlines = [VersionInline, MessageInline, AttachmentInline, EventInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return request.method in ("GET", "HEAD") and super().has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False
