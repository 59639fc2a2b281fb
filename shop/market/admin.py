from django.contrib import admin

from .models import MarketEdition, Stand


class StandInline(admin.TabularInline):
    model = Stand
    extra = 3
    autocomplete_fields = ["partner"]


@admin.register(MarketEdition)
class MarketEditionAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on", "venue", "hub"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "venue"]
    raw_id_fields = ["hub"]
    inlines = [StandInline]
