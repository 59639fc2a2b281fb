"""The taxonomy and the directory's profiles in Wagtail's admin (snippets)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_panels import Line, SummaryPanel

from .models import Discipline, Profile, Province, Sector

_NAME_PANELS = [
    FieldPanel("name"),
    FieldRowPanel([FieldPanel("name_ar"), FieldPanel("name_en")]),
]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "folder-open-inverse"
    menu_label = _("Sectors")
    list_display = ["name", "name_ar", "name_en", "slug", "sort_order"]
    panels = _NAME_PANELS + [FieldPanel("slug"), FieldPanel("colour"), FieldPanel("sort_order")]


class DisciplineViewSet(SnippetViewSet):
    model = Discipline
    icon = "tag"
    menu_label = _("Disciplines")
    list_display = ["name", "name_ar", "name_en", "sector", "slug"]
    list_filter = ["sector"]
    panels = _NAME_PANELS + [FieldPanel("sector"), FieldPanel("slug"), FieldPanel("sort_order")]


class ProvinceViewSet(SnippetViewSet):
    model = Province
    icon = "site"
    menu_label = _("Provinces")
    list_display = ["name", "name_ar", "name_en", "kind", "slug"]
    panels = _NAME_PANELS + [
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("sort_order"),
    ]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "list-ul"
    menu_order = 300
    items = (SectorViewSet, DisciplineViewSet, ProvinceViewSet)


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "group"
    menu_label = _("Directory")
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "name",
        "kind",
        "province",
        "status",
        "is_accompanied",
        "submitted_at",
        "updated_at",
    ]
    list_filter = ["status", "kind", "province", "is_accompanied"]
    search_fields = ["name", "headline", "city"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("rejection_reason"),
                FieldRowPanel(
                    [
                        FieldPanel("submitted_at", read_only=True),
                        FieldPanel("reviewed_at", read_only=True),
                    ]
                ),
            ],
            heading=_("Moderation"),
            help_text=_(
                "Approve, reject (give the reason) or suspend: the owner is emailed when the "
                "status changes."
            ),
        ),
        FieldPanel("user"),
        FieldPanel("headline"),
        FieldPanel("bio"),
        FieldPanel("sectors"),
        FieldPanel("disciplines"),
        MultiFieldPanel(
            [
                FieldPanel("province"),
                FieldPanel("city"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Photo")),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("whatsapp"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("availability"),
            ],
            heading=_("Contact"),
        ),
        FieldRowPanel([FieldPanel("is_accompanied"), FieldPanel("cohort_year")]),
        MultiFieldPanel(
            [FieldPanel("skills"), FieldPanel("equipment"), FieldPanel("languages")],
            heading=_("Skills and languages"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("instagram"),
                FieldPanel("facebook"),
                FieldPanel("youtube"),
                FieldPanel("linkedin"),
                FieldPanel("accepts_messages"),
            ],
            heading=_("Social links and messages"),
        ),
        InlinePanel(
            "portfolio",
            heading=_("Portfolio"),
            panels=[
                FieldPanel("title"),
                FieldPanel("image"),
                FieldPanel("image_alt"),
                FieldPanel("video_url"),
                FieldPanel("sort_order"),
            ],
        ),
    ]


register_snippet(TaxonomyGroup)
register_snippet(ProfileViewSet)


@hooks.register("construct_homepage_panels")
def profiles_home_panel(request, panels):
    """Profiles waiting for approval, oldest first (programme staff)."""
    if not request.user.has_perm("directory.change_profile"):
        return
    pending = Profile.objects.filter(status=Profile.Status.PENDING)
    lines = [
        Line(
            profile.name,
            reverse("wagtailsnippets_directory_profile:edit", args=(profile.pk,)),
        )
        for profile in pending.order_by("submitted_at", "pk")[:5]
    ]
    panels.append(
        SummaryPanel(
            "takafamap-profiles",
            _("Profiles waiting for approval (%(count)s)") % {"count": pending.count()},
            lines,
            order=130,
            more_url=reverse("wagtailsnippets_directory_profile:list") + "?status=pending",
            more_text=_("All profiles waiting"),
            empty=_("No profile is waiting for approval."),
        )
    )
