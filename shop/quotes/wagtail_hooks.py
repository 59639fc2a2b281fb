"""Quote requests in the Wagtail admin's "Shop" menu: oversight, read only
(``quotes.view_quoterequest``); the whole thread opens in the staff's view of the quote. The
admin's home page lists the requests left without an answer for more than two days."""

from datetime import timedelta

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.admin_panels import Line, ReadableInspectMixin, SummaryPanel
from shop.order.wagtail_hooks import PANEL_ROWS, ViewOnlyPolicy

from .models import QuoteRequest
from .models import Status as QuoteStatus

QUOTE_ANSWER_DAYS = 2

register_permission_policy(QuoteRequest, ViewOnlyPolicy(QuoteRequest))


class QuoteInspectView(ReadableInspectMixin, InspectView):
    """The request's fields, and a link to the whole thread (versions, messages, files) in
    the staff's read-only view of the quote."""

    money_fields = ("budget_min", "budget_max")

    template_name = "order/admin/quote_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["thread_url"] = reverse("quotes:detail", kwargs={"pk": self.object.pk})
        return context


class QuoteRequestViewSet(ModelViewSet):
    model = QuoteRequest
    icon = "doc-full"
    menu_label = gettext_lazy("Quote requests")
    name = "wagtail_quotes"
    url_prefix = "shop/quotes"
    inspect_view_enabled = True
    inspect_view_class = QuoteInspectView
    copy_view_enabled = False
    add_to_reference_index = False  # nothing in pages refers to these rows
    list_filter = ["status"]
    search_fields = ["client__email", "partner__name", "description", "brief"]
    search_backend_name = None
    list_display = ["__str__", "client", "partner", "status", "created_at"]
    inspect_view_fields_exclude = ["id"]
    form_fields = ["status"]  # never shown (ViewOnlyPolicy)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=QuoteRequest.objects.select_related("client", "partner", "product"),
            default_ordering="-created_at",
            **kwargs,
        )


@hooks.register("register_shop_admin_viewset")
def register_quote_requests():
    return QuoteRequestViewSet


def _quotes_panel():
    cutoff = timezone.now() - timedelta(days=QUOTE_ANSWER_DAYS)
    late = QuoteRequest.objects.filter(status=QuoteStatus.REQUESTED, created_at__lt=cutoff)
    lines = [
        Line(
            _("%(subject)s · %(creator)s · asked on %(date)s")
            % {
                "subject": quote,
                "creator": quote.partner.name,
                "date": formats.date_format(timezone.localtime(quote.created_at)),
            },
            reverse("wagtail_quotes:inspect", args=(quote.pk,)),
        )
        for quote in late.select_related("partner", "product").order_by("created_at")[:PANEL_ROWS]
    ]
    count = late.count()
    return SummaryPanel(
        "takafamap-quotes",
        _("Quote requests without an answer for more than two days (%(count)s)") % {"count": count},
        lines,
        order=120,
        more_url=reverse("wagtail_quotes:index") + "?status=requested",
        more_text=_("All quote requests"),
        empty=_("Every quote request has an answer."),
    )


@hooks.register("construct_homepage_panels")
def quote_home_panel(request, panels):
    if request.user.has_perm("quotes.view_quoterequest"):
        panels.append(_quotes_panel())
