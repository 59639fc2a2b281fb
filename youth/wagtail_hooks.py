"""The youth database in Wagtail's admin.

Only staff holding the ``youth`` model permissions (group *Programme staff* in the demo)
see the contacts and the personal-data requests; creators and directory users have no such
permission. Every view of the contact list, every contact opened and every export is written
to ``AccessLog``, which only superusers can read.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    IndexView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from cms.models import EventPage
from cms.models.pages import REGISTER_HOOK, REGISTRATION_CONTEXT_HOOK
from core.admin_panels import LeftToRightColumn, ReadableInspectMixin
from core.spreadsheets import SafeSpreadsheetExportMixin
from directory.models import Province, Sector
from youth import privacy
from youth.models import (
    AGE_BANDS,
    AccessLog,
    Contact,
    DataRequest,
    Registration,
    birth_years_for_band,
)
from youth.views import register_for_event, registration_context

# --------------------------------------------------------------------------------------
# Access log
# --------------------------------------------------------------------------------------
_NOT_FILTERS = {"p", "export", "ordering"}


def log_access(request, action, row_count=None, subject="contacts"):
    filters = {
        key: ",".join(values) if len(values) > 1 else values[0]
        for key, values in request.GET.lists()
        if key not in _NOT_FILTERS and any(values)
    }
    user = request.user
    return AccessLog.objects.create(
        user=user,
        user_label=user.get_username(),
        action=action,
        subject=subject,
        filters=filters,
        row_count=row_count,
    )


class LoggedIndexView(SafeSpreadsheetExportMixin, IndexView):
    """A list whose every view and export is written to the access log."""

    log_subject = "contacts"

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            action = (
                AccessLog.Action.EXPORT_XLSX
                if self.request.GET.get("export") == "xlsx"
                else AccessLog.Action.EXPORT_CSV
            )
            count = len(context["object_list"])
            log_access(self.request, action, row_count=count, subject=self.log_subject)
        else:
            paginator = context.get("paginator")
            count = paginator.count if paginator else len(context["object_list"])
            log_access(
                self.request, AccessLog.Action.VIEW, row_count=count, subject=self.log_subject
            )
        return super().render_to_response(context, **response_kwargs)


class ContactIndexView(LoggedIndexView):
    log_subject = "contacts"


class RegistrationIndexView(LoggedIndexView):
    log_subject = "registrations"


class LoggedObjectViewMixin:
    """A page showing one person's data (inspect, edit form): each opening is logged."""

    log_subject = "contacts"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200:
            log_access(request, AccessLog.Action.INSPECT, row_count=1, subject=self.log_subject)
        return response


class ContactInspectView(LoggedObjectViewMixin, ReadableInspectMixin, InspectView):
    log_subject = "contacts"


class ContactEditView(LoggedObjectViewMixin, EditView):
    log_subject = "contacts"


class RegistrationEditView(LoggedObjectViewMixin, EditView):
    log_subject = "registrations"


class DataRequestIndexView(LoggedIndexView):
    log_subject = "data_requests"


class ContactFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), queryset=Province.objects.all()
    )
    age_band = django_filters.ChoiceFilter(
        label=_("Age band"), choices=AGE_BANDS, method="filter_age_band"
    )
    interests = django_filters.ModelMultipleChoiceFilter(
        label=_("Interests"), queryset=Sector.objects.all(), distinct=True
    )
    event = django_filters.ModelChoiceFilter(
        label=_("Event"),
        queryset=None,
        field_name="registrations__event",
        distinct=True,
    )

    class Meta:
        model = Contact
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["event"].queryset = EventPage.objects.order_by("-start")

    def filter_age_band(self, queryset, name, value):
        years = birth_years_for_band(value)
        if not years:
            return queryset
        low, high = years
        query = Q()
        if low is not None:
            query &= Q(birth_year__gte=low)
        if high is not None:
            query &= Q(birth_year__lte=high)
        return queryset.filter(query)


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "group"
    menu_label = _("Youth contacts")
    index_view_class = ContactIndexView
    inspect_view_class = ContactInspectView
    edit_view_class = ContactEditView
    inspect_view_enabled = True
    filterset_class = ContactFilterSet
    search_fields = ["first_name", "last_name", "email", "phone", "city"]
    search_backend_name = None
    list_display = [
        Column("full_name", label=_("full name"), sort_key="last_name"),
        "province",
        "birth_year",
        LeftToRightColumn("phone", label=_("phone"), sort_key="phone"),
        LeftToRightColumn("email", label=_("email"), sort_key="email"),
        "event_count",
        "last_activity_at",
    ]
    list_per_page = 50
    list_export = [
        "first_name",
        "last_name",
        "birth_year",
        "gender",
        "province",
        "city",
        "phone",
        "email",
        "interests_display",
        "events_display",
        "heard_from",
        "consent_version",
        "consent_at",
        "created_at",
        "last_activity_at",
    ]
    export_headings = {
        "interests_display": _("interests"),
        "events_display": _("events"),
    }
    export_filename = "youth-contacts"
    inspect_view_fields = [
        "first_name",
        "last_name",
        "birth_year",
        "gender",
        "province",
        "city",
        "phone",
        "email",
        "heard_from",
        "consent_version",
        "consent_at",
        "created_at",
        "last_activity_at",
    ]
    panels = [
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
        FieldRowPanel([FieldPanel("birth_year"), FieldPanel("gender")]),
        FieldRowPanel([FieldPanel("province"), FieldPanel("city")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("interests"),
        FieldPanel("heard_from"),
    ]

    def get_queryset(self, request):
        return (
            Contact.objects.select_related("province")
            .prefetch_related("interests", "registrations__event")
            .annotate(
                n_events=Count("registrations", distinct=True),
            )
        )


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Event"), queryset=None)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Registration.Status.choices)

    class Meta:
        model = Registration
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["event"].queryset = EventPage.objects.order_by("-start")


class RegistrationViewSet(SnippetViewSet):
    """Who registered for which event; staff move people off the waiting list here."""

    model = Registration
    icon = "date"
    menu_label = _("Event registrations")
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    filterset_class = RegistrationFilterSet
    list_display = ["person", "event", "status", "province", "age_band", "created_at"]
    list_per_page = 50
    list_export = ["person", "contact_phone", "contact_email", "event", "status", "created_at"]
    export_headings = {
        "person": _("person"),
        "contact_phone": _("phone"),
        "contact_email": _("email"),
    }
    export_filename = "event-registrations"
    panels = [FieldPanel("status")]

    def get_queryset(self, request):
        return Registration.objects.select_related("contact", "event", "province")


class DataRequestEditView(LoggedObjectViewMixin, EditView):
    log_subject = "data_requests"

    def save_instance(self):
        """Marking a phone request for deletion "done" carries it out: everything held for
        that phone is erased (staff confirmed the person's identity on the call)."""
        instance = self.form.instance
        previous = DataRequest.objects.get(pk=instance.pk)
        phone = str(previous.phone or "")
        if (
            phone
            and previous.status != DataRequest.Status.DONE
            and instance.status == DataRequest.Status.DONE
            and instance.kind == DataRequest.Kind.DELETE
        ):
            counts = privacy.erase_all("", phone)
            instance.items = sum(counts.values())
        return super().save_instance()


class DataRequestViewSet(SnippetViewSet):
    model = DataRequest
    icon = "help"
    menu_label = _("Personal-data requests")
    index_view_class = DataRequestIndexView
    edit_view_class = DataRequestEditView
    list_display = [
        "__str__",
        "kind",
        "status",
        LeftToRightColumn("phone", label=_("phone")),
        "items",
        "created_at",
        "handled_at",
    ]
    list_filter = ["kind", "status"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("kind", read_only=True), FieldPanel("phone", read_only=True)],
            heading=_("Request"),
        ),
        FieldPanel(
            "status",
            help_text=_(
                "Call the person back first. Setting a deletion request to “Done” erases "
                "everything held for this phone number; for a copy, export their contact."
            ),
        ),
        FieldPanel("staff_note"),
    ]


class SuperuserReadOnlyPolicy(BasePermissionPolicy):
    """Superusers may view; nobody may add, change or delete."""

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser and action in ("view", "inspect"))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not {"view", "inspect"} & set(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


register_permission_policy(AccessLog, SuperuserReadOnlyPolicy(AccessLog))


class AccessLogViewSet(SnippetViewSet):
    model = AccessLog
    icon = "history"
    menu_label = _("Youth data access log")
    list_display = ["at", "user_label", "action", "subject", "filters_display", "row_count"]
    list_filter = ["action", "subject"]
    search_fields = ["user_label"]
    search_backend_name = None
    inspect_view_enabled = True
    list_per_page = 100


class YouthGroup(SnippetViewSetGroup):
    menu_label = _("Youth database")
    menu_icon = "group"
    menu_order = 320
    items = (ContactViewSet, RegistrationViewSet, DataRequestViewSet, AccessLogViewSet)


register_snippet(YouthGroup)


# The event page's registration form and its POST (cms/models/pages.py, EventPage): cms asks
# through these hooks, so youth depends on cms and never the reverse.
hooks.register(REGISTRATION_CONTEXT_HOOK, registration_context)
hooks.register(REGISTER_HOOK, register_for_event)
