"""The programme page, hubs and the contact form."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock, KeyFigureBlock, PartnerBlock, TimelinePhaseBlock
from cms.models.mixins import SeoMixin, image_fk
from core.ratelimit import too_many_requests


class ProgrammePage(SeoMixin, Page):
    """Takafaship itself: its timeline, who can apply, its figures and its partners."""

    introduction = models.TextField(_("introduction"), blank=True)
    image = image_fk(_("image"))
    timeline = StreamField(
        [("phase", TimelinePhaseBlock())], blank=True, verbose_name=_("timeline")
    )
    eligibility = RichTextField(
        _("eligibility"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    figures = StreamField([("figure", KeyFigureBlock())], blank=True, verbose_name=_("figures"))
    partners = StreamField([("partner", PartnerBlock())], blank=True, verbose_name=_("partners"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("timeline"),
        FieldPanel("eligibility"),
        FieldPanel("figures"),
        FieldPanel("partners"),
        FieldPanel("body"),
    ]

    search_fields = SeoMixin.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("eligibility"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme page")

    @property
    def total_months(self):
        return sum(block.value["duration_months"] or 0 for block in self.timeline)


class HubIndexPage(SeoMixin, Page):
    """Lists the coworking hubs, one per province."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.HubPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("hub index")

    def get_hubs(self):
        return (
            HubPage.objects.live()
            .public()
            .child_of(self)
            .select_related("province", "image")
            .order_by("province__sort_order", "title")
        )


class HubPage(SeoMixin, Page):
    """A coworking hub: where it is, when it opens, what it offers, whom to contact."""

    province = models.ForeignKey(
        "directory.Province",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("province"),
    )
    profile = models.ForeignKey(
        "directory.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "hub"},
        verbose_name=_("directory profile"),
        help_text=_("The hub's profile in the directory (shown on the map), if it has one."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    image = image_fk(_("image"))
    address = models.CharField(_("address"), max_length=255)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("One line per day or range of days.")
    )
    equipment = StreamField(
        [("item", blocks.CharBlock(label=_("equipment"), max_length=120))],
        blank=True,
        verbose_name=_("equipment"),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("province"),
        FieldPanel("profile"),
        FieldPanel("introduction"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("opening_hours"),
            ],
            heading=_("Where and when"),
        ),
        FieldPanel("equipment"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")
        ),
        FieldPanel("body"),
    ]

    search_fields = SeoMixin.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("address"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.HubIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("hub page")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Give both the latitude and the longitude, or neither.")}
            )

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]


class ContactFormField(AbstractFormField):
    page = ParentalKey("cms.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


HONEYPOT = "website"
RATE = "5/h"


class ContactPage(SeoMixin, AbstractEmailForm):
    """A contact form; each message is saved and emailed to the staff address."""

    introduction = models.TextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "link"])

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact form page")

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for field in form.fields.values():
            checkable = getattr(field.widget, "input_type", "") in ("checkbox", "radio")
            css_class = "form-check-input" if checkable else "form-control"
            field.widget.attrs.setdefault("class", css_class)
        # A field people never see (hidden by CSS, skipped by keyboard): robots fill it.
        form.fields[HONEYPOT] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return form

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if request.POST.get(HONEYPOT):
                # Answer as if it worked, keep nothing, send nothing.
                return TemplateResponse(
                    request, self.get_landing_page_template(request), self.get_context(request)
                )
            if is_ratelimited(
                request, group="cms.contact", key="ip", rate=RATE, method="POST", increment=True
            ):
                return too_many_requests(request, RATE)
        return super().serve(request, *args, **kwargs)

    def get_submissions_list_view_class(self):
        # Wagtail's views cannot be imported while models load.
        from cms.submissions import SafeSubmissionsListView

        return SafeSubmissionsListView

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT, None)
        return super().process_form_submission(form)
