"""Wagtail page types of the editorial site.

The foundation defines the page tree and the fields every later feature relies on; the
editorial issue enriches each type. Order inside a class follows bakerydemo: fields,
panels, search fields, parent/subpage types, then query helpers.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock


def _image_fk(verbose_name):
    return models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class HomePage(Page):
    """The site's front page, one per language: hero, programme figures, what's new."""

    hero_title = models.CharField(_("hero title"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = _image_fk(_("hero image"))
    hero_cta_text = models.CharField(_("call-to-action text"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("call-to-action page"),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_text"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from directory.models import Sector
        from shop.catalogue.queries import public_products

        context = super().get_context(request, *args, **kwargs)
        context["sectors"] = Sector.objects.prefetch_related("disciplines")
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("image")
            .order_by("-date")[:3]
        )
        context["upcoming_events"] = (
            EventPage.objects.live()
            .public()
            .filter(locale=self.locale, start__gte=timezone.now())
            .select_related("province", "image")
            .order_by("start")[:3]
        )
        context["featured_products"] = public_products().order_by("-date_created")[:8]
        return context


class StandardPage(Page):
    """A plain content page: the programme, eligibility, about, legal notices."""

    introduction = models.TextField(_("introduction"), blank=True)
    image = _image_fk(_("image"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class SectorIndexPage(Page):
    """Lists the three sectors."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    subpage_types = ["cms.SectorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sector index")

    def get_sectors(self):
        return SectorPage.objects.live().public().child_of(self).select_related("sector")


class SectorPage(Page):
    """One sector (image, sound or light) presented for visitors, tied to the taxonomy."""

    sector = models.ForeignKey(
        "directory.Sector", on_delete=models.PROTECT, related_name="+", verbose_name=_("sector")
    )
    introduction = models.TextField(_("introduction"), blank=True)
    image = _image_fk(_("image"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("sector"),
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.SectorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("sector page")


class NewsIndexPage(Page):
    """Lists news articles, newest first."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_news(self):
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("image")
            .order_by("-date")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = paginate(request, self.get_news(), 12)
        return context


class NewsPage(Page):
    """A news article: date, hero image with alt text, summary and body."""

    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=120, blank=True)
    image = _image_fk(_("image"))
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("author"),
        FieldPanel("image"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")


class EventIndexPage(Page):
    """Lists events: upcoming first, then past ones."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    subpage_types = ["cms.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self).select_related("province")
        now = timezone.now()
        context["upcoming_events"] = events.filter(start__gte=now).order_by("start")
        context["past_events"] = events.filter(start__lt=now).order_by("-start")[:12]
        return context


class EventPage(Page):
    """An event: café-débat, information session, hackathon, market, workshop."""

    class Kind(models.TextChoices):
        CAFE_DEBAT = "cafe_debat", _("Café-débat")
        INFO_SESSION = "info_session", _("Information session")
        HACKATHON = "hackathon", _("Hackathon")
        MARKET = "market", _("Market")
        WORKSHOP = "workshop", _("Workshop")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.CAFE_DEBAT)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    province = models.ForeignKey(
        "directory.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registration_open = models.BooleanField(_("registration open"), default=False)
    image = _image_fk(_("image"))
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("venue"),
                FieldPanel("province"),
                FieldPanel("capacity"),
                FieldPanel("registration_open"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("image"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()


def paginate(request, queryset, per_page):
    """A page of ``queryset``; an out-of-range or malformed ``?page=`` gives the last/first."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
