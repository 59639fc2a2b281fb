"""Staff create L'Karfour editions and assign stands from Wagtail's admin (snippets)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.i18n import translated_panels

from .models import MarketEdition, Stand


class MarketEditionViewSet(SnippetViewSet):
    model = MarketEdition
    icon = "date"
    menu_label = _("Editions")
    list_display = ["name", "starts_on", "ends_on", "venue", "hub"]
    search_fields = ["name", "venue"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel(translated_panels("name", FieldPanel)),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("venue"),
        FieldRowPanel(translated_panels("venue", FieldPanel)),
        FieldPanel("hub"),
        FieldPanel("description"),
        *translated_panels("description", FieldPanel),
    ]


class StandViewSet(SnippetViewSet):
    model = Stand
    icon = "pick"
    menu_label = _("Stands")
    list_display = ["number", "partner", "edition"]
    list_filter = ["edition"]
    panels = [FieldPanel("edition"), FieldPanel("number"), FieldPanel("partner")]


class MarketGroup(SnippetViewSetGroup):
    menu_label = _("L'Karfour")
    menu_icon = "pick"
    menu_order = 320
    items = (MarketEditionViewSet, StandViewSet)


register_snippet(MarketGroup)
