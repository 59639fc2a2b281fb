"""Wagtail page types of the editorial site.

The foundation defines the page tree and the fields every later feature relies on; the
editorial issue enriches each type. Order inside a class follows bakerydemo: fields,
panels, search fields, parent/subpage types, then query helpers.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.feeds import NewsAtomFeed, NewsRssFeed
from cms.ics import event_to_ics
from cms.models.mixins import SeoMixin, image_fk
from core.pagination import forgiving_page
from directory.models import Profile, Sector
from shop.catalogue.queries import filter_products, public_products


def _require_alt_text(image, field="image"):
    """Refuse an image without alt text (Wagtail's image "description")."""
    if image is not None and not (getattr(image, "description", "") or "").strip():
        raise ValidationError(
            {
                field: _(
                    "This image has no alt text: describe it in the image's "
                    "“Description” field (Images menu) before using it here."
                )
            }
        )


class HomePage(SeoMixin, Page):
    """The site's front page, one per language: hero, programme figures, what's new."""

    hero_title = models.CharField(_("hero title"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = image_fk(_("hero image"))
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
    featured_products = ParentalManyToManyField(
        "catalogue.Product",
        blank=True,
        related_name="+",
        verbose_name=_("featured products and services"),
        help_text=_("Shown on the home page; the newest ones are shown when none is chosen."),
    )
    featured_profiles = ParentalManyToManyField(
        "directory.Profile",
        blank=True,
        related_name="+",
        verbose_name=_("featured creators"),
        help_text=_("Shown on the home page; accompanied creators are shown when none is chosen."),
    )

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
        MultiFieldPanel(
            [FieldPanel("featured_products"), FieldPanel("featured_profiles")],
            heading=_("Featured"),
        ),
    ]

    FEATURED_PRODUCTS = 8
    FEATURED_PROFILES = 4

    search_fields = SeoMixin.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sectors"] = Sector.objects.prefetch_related("disciplines")
        # Read only when the content is rendered: the template keeps it as a fragment
        # (``public()`` reads the view restrictions as soon as it is called, hence lazy).
        context["latest_news"] = SimpleLazyObject(
            lambda: list(
                NewsPage.objects.live()
                .public()
                .filter(locale_id=self.locale_id)
                .select_related("image")
                .order_by("-date")[:3]
            )
        )
        context["upcoming_events"] = SimpleLazyObject(
            lambda: list(
                EventPage.objects.live()
                .public()
                .filter(locale_id=self.locale_id, start__gte=timezone.now())
                .select_related("province", "image")
                .order_by("start")[:3]
            )
        )
        context["featured_products"] = SimpleLazyObject(self.get_featured_products)
        context["featured_profiles"] = SimpleLazyObject(self.get_featured_profiles)
        return context

    def get_featured_products(self):
        """The editors' choice (public ones only), or else the newest products."""
        chosen = self.featured_products.values("pk")
        public = public_products(prefetch=False)  # the cards fetch what they need ({% cards %})
        products = list(public.filter(pk__in=chosen)[: self.FEATURED_PRODUCTS])
        return products or list(public.order_by("-date_created")[: self.FEATURED_PRODUCTS])

    def get_featured_profiles(self):
        """The editors' choice (approved ones only), or else accompanied creators."""
        # The cards fetch sectors and disciplines when not cached ({% cards %}).
        public = Profile.objects.public().select_related("province")
        chosen = self.featured_profiles.values("pk")
        profiles = list(public.filter(pk__in=chosen)[: self.FEATURED_PROFILES])
        return profiles or list(
            public.filter(is_accompanied=True).order_by("-updated_at")[: self.FEATURED_PROFILES]
        )


class StandardPage(SeoMixin, Page):
    """A plain content page: the programme, eligibility, about, legal notices."""

    introduction = models.TextField(_("introduction"), blank=True)
    image = image_fk(_("image"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    search_fields = SeoMixin.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class SectorIndexPage(SeoMixin, Page):
    """Lists the three sectors."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    subpage_types = ["cms.SectorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sector index")

    def get_sectors(self):
        return SectorPage.objects.live().public().child_of(self).select_related("sector")


class SectorPage(SeoMixin, Page):
    """One sector (image, sound or light) presented for visitors, tied to the taxonomy."""

    sector = models.ForeignKey(
        "directory.Sector", on_delete=models.PROTECT, related_name="+", verbose_name=_("sector")
    )
    introduction = models.TextField(_("introduction"), blank=True)
    image = image_fk(_("image"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("sector"),
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    search_fields = SeoMixin.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.SectorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("sector page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sector_products"] = list(
            filter_products(public_products(), sector=self.sector).order_by("-date_created")[:4]
        )
        context["sector_profiles"] = list(
            Profile.objects.public()
            .for_listing()
            .filter(sectors=self.sector)
            .order_by("-is_accompanied", "-updated_at")[:4]
        )
        return context


class NewsIndexPage(RoutablePageMixin, SeoMixin, Page):
    """Lists news articles, newest first, filterable by sector and tag, with RSS/Atom feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1
    per_page = 12

    class Meta:
        verbose_name = _("news index")

    def get_news(self):
        """Live, public articles of this index (so of its language), newest first."""
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("image")
            .order_by("-date", "-pk")
        )

    def filter_news(self, request):
        """``(articles, sector, tag)`` for ``?sector=<slug>`` and ``?tag=<slug>``."""
        news = self.get_news()
        sector = tag = None
        sector_slug = request.GET.get("sector", "").strip()
        if sector_slug:
            sector = Sector.objects.filter(slug=sector_slug).first()
            news = news.filter(sectors=sector) if sector else news.none()
        tag_slug = request.GET.get("tag", "").strip()
        if tag_slug:
            tag = NewsPageTag.tag_model().objects.filter(slug=tag_slug).first()
            news = news.filter(tagged_items__tag=tag) if tag else news.none()
        return news.distinct(), sector, tag

    @path("")
    def index_route(self, request, *args, **kwargs):
        news, sector, tag = self.filter_news(request)
        news = news.prefetch_related("tagged_items__tag")
        query = request.GET.copy()
        query.pop("page", None)
        return self.render(
            request,
            context_overrides={
                "news": forgiving_page(request, news, self.per_page),
                "sectors": Sector.objects.all(),
                "active_sector": sector,
                "active_tag": tag,
                "is_filtered": bool(request.GET.get("sector") or request.GET.get("tag")),
                "querystring": query.urlencode(),
            },
        )

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(SeoMixin, Page):
    """A news article: date, hero image with alt text, summary and body."""

    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=120, blank=True)
    image = image_fk(_("image"))
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    sectors = ParentalManyToManyField(
        "directory.Sector", blank=True, related_name="+", verbose_name=_("sectors")
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("author"),
        FieldPanel("image", help_text=_("The image needs alt text (its description).")),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("sectors", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Sectors and tags"),
        ),
    ]

    search_fields = SeoMixin.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")

    def clean(self):
        super().clean()
        _require_alt_text(self.image)


class EventIndexPage(SeoMixin, Page):
    """Lists events: upcoming first, then past ones."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    subpage_types = ["cms.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().child_of(self).select_related("province", "hub")
        now = timezone.now()
        # An event still running (started, not ended) is upcoming until it ends.
        ongoing = models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now)
        context["upcoming_events"] = events.filter(ongoing).order_by("start")
        context["past_events"] = events.exclude(ongoing).order_by("-start")[:12]
        return context


# Wagtail hooks through which the app that keeps event registrations (youth) serves the form:
# ``fn(event_page) -> dict`` adds the form to the page's context; ``fn(request, event_page)``
# answers the form's POST. cms never imports youth: youth registers the hooks.
REGISTRATION_CONTEXT_HOOK = "event_registration_context"
REGISTER_HOOK = "register_for_event"


class EventPage(RoutablePageMixin, SeoMixin, Page):
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
    hub = models.ForeignKey(
        "directory.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind__in": ["hub", "venue"]},
        verbose_name=_("hub or venue in the directory"),
        help_text=_("Optional: the hub or venue's directory profile, linked from the event."),
    )
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
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Optional: registration closes by itself at this date and time."),
    )
    image = image_fk(_("image"))
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("venue"),
                FieldPanel("hub"),
                FieldPanel("province"),
                FieldPanel("capacity"),
                FieldPanel("registration_open"),
                FieldPanel("registration_closes_at"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("image"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    search_fields = SeoMixin.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                {"end": _("The event cannot end before it starts: check the end date and time.")}
            )
        _require_alt_text(self.image)

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()

    @property
    def venue_name(self):
        """The venue as typed, else the name of the hub or venue chosen in the directory."""
        return self.venue or (self.hub.name if self.hub_id else "")

    @property
    def place(self):
        """Where it happens, as one line: venue (or hub name), province."""
        parts = [self.venue_name, self.province.label if self.province_id else ""]
        return ", ".join(part for part in parts if part)

    @property
    def takes_registrations(self):
        """Open for registration now (places left or not): the form is shown."""
        if self.is_past or not self.registration_open:
            return False
        return not (self.registration_closes_at and self.registration_closes_at <= timezone.now())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if "registration_form" not in context and self.takes_registrations:
            # The registration form comes from the app that keeps registrations (youth), through
            # a Wagtail hook: cms never imports it.
            for registration_context in hooks.get_hooks(REGISTRATION_CONTEXT_HOOK):
                context.update(registration_context(self))
        return context

    @path("")
    def event_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("register/", name="register")
    def register(self, request):
        """The registration form's POST (youth database, law 09-08 consent).

        Answered by the ``register_for_event`` Wagtail hook (youth/wagtail_hooks.py)."""
        for register_for_event in hooks.get_hooks(REGISTER_HOOK):
            return register_for_event(request, self)
        raise Http404

    @path("ics/", name="ics")
    def ics(self, request):
        """The event as an iCalendar file (RFC 5545) for the visitor's calendar."""
        response = HttpResponse(event_to_ics(self, request), content_type="text/calendar")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response
