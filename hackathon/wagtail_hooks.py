"""The hackathon in Wagtail's admin: calls and accompaniment as snippets; applications
(scoring, ranking, decisions) and the indicators dashboard as admin views with menu items."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_panels import Line, SummaryPanel
from core.i18n import translated_panels

from . import admin_views, indicators
from .models import Accompaniment, Call

admin_urlpatterns = [
    path("applications/", admin_views.application_list, name="list"),
    path("applications/decision/", admin_views.bulk_decision, name="bulk-decision"),
    path("applications/<int:pk>/", admin_views.application_detail, name="detail"),
    path("applications/<int:pk>/score/", admin_views.score, name="score"),
    path("applications/<int:pk>/decision/", admin_views.decision, name="decision"),
    path(
        "applications/<int:pk>/attachments/<int:attachment_pk>/",
        admin_views.attachment,
        name="attachment",
    ),
    path("indicators/", admin_views.dashboard, name="indicators"),
    path("indicators.csv", admin_views.dashboard_csv, name="indicators-csv"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("hackathon/", include((admin_urlpatterns, "hackathon_admin")))]


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_review(request.user)


class IndicatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_indicators(request.user)


@hooks.register("register_admin_menu_item")
def applications_menu_item():
    return ApplicationsMenuItem(
        _("Hackathon"), reverse("hackathon_admin:list"), icon_name="form", order=320
    )


@hooks.register("register_admin_menu_item")
def indicators_menu_item():
    return IndicatorsMenuItem(
        _("Indicators"), reverse("hackathon_admin:indicators"), icon_name="table", order=330
    )


class CallViewSet(SnippetViewSet):
    model = Call
    icon = "date"
    menu_label = _("Hackathon calls")
    menu_order = 321
    add_to_admin_menu = True
    list_display = ["title", "opens_at", "closes_at", "programme_starts_on"]
    panels = [
        FieldPanel("title"),
        FieldRowPanel(translated_panels("title", FieldPanel)),
        FieldPanel("description"),
        *translated_panels("description", FieldPanel),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldRowPanel([FieldPanel("programme_starts_on"), FieldPanel("hackathon_on")]),
    ]


class AccompanimentViewSet(SnippetViewSet):
    model = Accompaniment
    icon = "user"
    menu_label = _("Accompaniment")
    menu_order = 322
    add_to_admin_menu = True
    list_display = ["profile", "hub", "starts_on", "updated_at"]
    list_filter = ["hub"]
    search_fields = ["notes"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("profile"), FieldPanel("hub"), FieldPanel("starts_on")],
            heading=_("Beneficiary"),
        ),
        InlinePanel(
            "milestones",
            heading=_("Milestones over the five months"),
            panels=[FieldPanel("title"), FieldPanel("due_on"), FieldPanel("done")],
        ),
        InlinePanel(
            "sessions",
            heading=_("Sessions"),
            panels=[FieldPanel("date"), FieldPanel("topic"), FieldPanel("attended")],
        ),
        FieldPanel("notes"),
    ]


register_snippet(CallViewSet)
register_snippet(AccompanimentViewSet)


@hooks.register("construct_homepage_panels")
def indicators_home_panel(request, panels):
    """The programme's indicators against their targets (hackathon.view_indicators)."""
    if not admin_views.can_see_indicators(request.user):
        return
    lines = []
    for indicator in indicators.compute()["indicators"]:
        if not indicator.available:
            continue
        total = indicator.total
        if indicator.target:
            text = _("%(label)s: %(total)s of %(target)s (%(percent)s %%)") % {
                "label": indicator.label,
                "total": total,
                "target": indicator.target,
                "percent": indicator.percent,
            }
            lines.append(Line(text))
        else:
            lines.append(Line(str(indicator.label), count=total))
    panels.append(
        SummaryPanel(
            "takafamap-indicators",
            _("Programme indicators"),
            lines,
            order=140,
            more_url=reverse("hackathon_admin:indicators"),
            more_text=_("All indicators, by province and sector"),
        )
    )
