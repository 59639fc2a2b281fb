"""What a Takafamap site needs before anyone uses it, built by ``manage.py setup_site``.

``SiteBuilder.run()`` creates what is missing and leaves what exists alone (keyed on page
slugs under their parent, one translation per locale), so it is safe to run again after an
upgrade: the page tree in French, Arabic and English (home, programme, the sector index and
its three sector pages, news, agenda, hubs, contact, personal-data notice, legal notice,
hackathon), the "Moderator approval" workflow on the news and agenda indexes, the site
settings (footer, personal-data page), the site's host name, the shop's categories (one per
discipline) and the roles' permissions. No news, event, hub, profile or product: those are
the staff's work (or ``seed_demo``'s).

The demo (``demo.builders``) builds on the same helpers (``stream``, ``child``, ``translate``).
"""

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page, Site

from accounts import roles
from cms import content, moderation
from cms.models import (
    ContactFormField,
    ContactPage,
    EventIndexPage,
    HomePage,
    HubIndexPage,
    NewsIndexPage,
    ProgrammePage,
    SectorIndexPage,
    SectorPage,
    SiteSettings,
    StandardPage,
)
from core import sites

LANGUAGES = content.LANGUAGES
DEFAULT_LANGUAGE = LANGUAGES[0]


@contextmanager
def quiet_loggers():
    """Wagtail logs every page created and published, the task runner every search-index
    update, Oscar every stock alert: hundreds of INFO lines that would drown the report."""
    loggers = [logging.getLogger(name) for name in ("wagtail", "django_tasks", "oscar.alerts")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def stream(blocks, images=None):
    """Raw StreamField data from the compact tuples of ``cms.content`` (and the demo's).
    ``images`` maps a figure's key to a Wagtail image; a figure without one is left out."""
    images = images or {}
    out = []
    for block in blocks:
        kind = block[0]
        if kind in ("h2", "h3", "h4"):
            out.append({"type": "heading_block", "value": {"heading_text": block[1], "size": kind}})
        elif kind == "p":
            out.append({"type": "paragraph_block", "value": block[1]})
        elif kind == "quote":
            out.append(
                {"type": "block_quote", "value": {"text": block[1], "attribute_name": block[2]}}
            )
        elif kind == "figure":
            image = images.get(block[1])
            if image is None:
                continue
            out.append(
                {
                    "type": "image_block",
                    "value": {
                        "image": {"image": image.pk, "alt_text": block[2], "decorative": False},
                        "caption": block[3],
                        "attribution": "",
                    },
                }
            )
        else:
            raise ValueError(f"unknown block {kind!r}")
    return out


@dataclass
class Counter:
    created: dict = field(default_factory=dict)

    def count(self, key, n=1):
        self.created[key] = self.created.get(key, 0) + n


def child(parent, model, slug, build, counter=None):
    """The child page of ``parent`` with ``slug``, created and published if missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    page = build()
    page.slug = slug
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    if counter is not None:
        counter.count("pages")
    return page


def translate(page, locale, fields, counter=None, publish=True, after=None):
    """The page's translation in ``locale``: (page, created). A new one gets ``fields`` and,
    before it is published, ``after(translated)`` (child rows such as form fields)."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    if after is not None:
        after(translated)
    if publish:
        translated.save_revision().publish()
    if counter is not None:
        counter.count("translated pages")
    return translated, True


def programme_details(language):
    details = content.PROGRAMME_DETAILS[language]
    return {
        "timeline": [
            ("phase", {"name": name, "duration_months": months, "description": text})
            for name, months, text in details["timeline"]
        ],
        "eligibility": details["eligibility"],
        "figures": [
            ("figure", {"value": value, "label": label}) for value, label in details["figures"]
        ],
        "partners": [
            ("partner", {"name": name, "url": "", "role": role})
            for name, role in details["partners"]
        ],
    }


class SiteBuilder(Counter):
    """Builds the site's pages and settings; ``run()`` returns what it created, by kind."""

    def __init__(self, images=None):
        super().__init__()
        self.images = images or {}  # figure key → Wagtail image (the demo gives some)

    # ----------------------------------------------------------------------------------
    def run(self):
        with transaction.atomic():
            self.ensure_roles()
            self.ensure_taxonomy()
        with transaction.atomic():
            self.ensure_pages()
        for language in LANGUAGES[1:]:
            with transaction.atomic():
                self.ensure_translations(language)
        with transaction.atomic():
            self.ensure_site()
        return self.created

    def ensure_roles(self):
        self.count("role changes", roles.apply_roles())

    def ensure_taxonomy(self):
        """Sectors, disciplines and provinces come with ``migrate`` (directory migration
        0002); the shop's categories follow the disciplines."""
        from directory.models import Discipline, Province, Sector
        from shop.catalogue.models import Category, ProductClass
        from shop.catalogue.sync import sync_categories

        missing = []
        if Sector.objects.count() < 3 or Province.objects.count() < 8:
            missing.append("taxonomy")
        if ProductClass.objects.filter(slug__in=["service", "physical", "digital"]).count() != 3:
            missing.append("product classes")
        if missing:
            raise RuntimeError("Missing " + ", ".join(missing) + ": run manage.py migrate first.")
        before = Category.objects.count()
        if Category.objects.filter(discipline__isnull=False).count() < Discipline.objects.count():
            sync_categories()
        self.count("categories", Category.objects.count() - before)

    # ----------------------------------------------------------------------------------
    def home(self):
        home = HomePage.objects.filter(locale__language_code=DEFAULT_LANGUAGE).first()
        if home is None:
            raise RuntimeError("No French home page: run manage.py migrate first.")
        return home

    def _child(self, parent, model, slug, build):
        return child(parent, model, slug, build, counter=self)

    def ensure_pages(self):
        """The French tree."""
        home = self.home()
        self.home_page = home
        fr = content.PROGRAMME["fr"]
        existing = home.get_children().filter(slug=content.PROGRAMME["slug"]).first()
        self.programme = (existing.specific if existing else None) or self._child(
            home,
            ProgrammePage,
            content.PROGRAMME["slug"],
            lambda: ProgrammePage(
                title=fr["title"],
                introduction=fr["introduction"],
                image=self.images.get(content.PROGRAMME["image"]),
                body=stream(fr["body"], self.images),
                **programme_details("fr"),
            ),
        )
        if home.hero_cta_page_id is None:
            text = content.HOME["fr"]
            home.hero_title = text["hero_title"]
            home.hero_text = text["hero_text"]
            home.hero_cta_text = text["hero_cta_text"]
            home.hero_cta_page = self.programme
            home.body = stream(text["body"], self.images)
            home.save_revision().publish()
            self.count("pages updated")

        fr = content.SECTOR_INDEX["fr"]
        self.sector_index = self._child(
            home, SectorIndexPage, content.SECTOR_INDEX["slug"], lambda: SectorIndexPage(**fr)
        )
        self.sector_pages = {}
        self.sectors = self._sectors()
        for slug, text in content.SECTORS.items():
            sector = self.sectors[slug]
            self.sector_pages[slug] = self._child(
                self.sector_index,
                SectorPage,
                slug,
                lambda s=sector, c=text: SectorPage(
                    title=s.name,
                    sector=s,
                    introduction=c["fr"]["introduction"],
                    image=self.images.get(c["image"]),
                    body=stream(c["fr"]["body"], self.images),
                ),
            )
        self.news_index = self._child(
            home,
            NewsIndexPage,
            content.NEWS_INDEX["slug"],
            lambda: NewsIndexPage(**content.NEWS_INDEX["fr"]),
        )
        self.event_index = self._child(
            home,
            EventIndexPage,
            content.EVENT_INDEX["slug"],
            lambda: EventIndexPage(**content.EVENT_INDEX["fr"]),
        )
        for index in (self.news_index, self.event_index):
            moderation.assign_workflow(index)
        self.hub_index = self._child(
            home,
            HubIndexPage,
            content.HUB_INDEX["slug"],
            lambda: HubIndexPage(**content.HUB_INDEX["fr"]),
        )
        self.contact = self._child(
            home, ContactPage, content.CONTACT["slug"], lambda: self._contact("fr")
        )
        self.privacy = self._standard(home, content.PRIVACY, show_in_menus=False)
        self.legal = self._standard(home, content.LEGAL, show_in_menus=True)
        self.hackathon = self._standard(home, content.HACKATHON, show_in_menus=True)

    def _sectors(self):
        from directory.models import Sector

        return {s.slug: s for s in Sector.objects.all()}

    def _standard(self, parent, text, show_in_menus):
        fr = text["fr"]
        return self._child(
            parent,
            StandardPage,
            text["slug"],
            lambda: StandardPage(
                title=fr["title"],
                introduction=fr["introduction"],
                body=stream(fr["body"], self.images),
                show_in_menus=show_in_menus,
            ),
        )

    def _contact(self, language):
        text = content.CONTACT[language]
        return ContactPage(
            title=text["title"],
            introduction=text["introduction"],
            to_address=SiteSettings._meta.get_field("contact_email").default,
            subject=text["subject"],
            form_fields=[
                ContactFormField(label=label, field_type=kind, required=required)
                for label, kind, required in text["fields"]
            ],
        )

    # ----------------------------------------------------------------------------------
    def _translate(self, page, locale, fields, **kwargs):
        return translate(page, locale, fields, counter=self, **kwargs)

    def ensure_translations(self, language):
        locale, _ = Locale.objects.get_or_create(language_code=language)
        home, home_created = self._translate(self.home_page, locale, {}, publish=False)
        text = content.PROGRAMME[language]
        programme, _ = self._translate(
            self.programme,
            locale,
            {
                "title": text["title"],
                "introduction": text["introduction"],
                "body": stream(text["body"], self.images),
                **(
                    programme_details(language) if isinstance(self.programme, ProgrammePage) else {}
                ),
            },
        )
        if home_created or not home.live:
            # Reload: adding the programme page changed the home page's row (numchild), and
            # publishing a stale copy would write the old tree fields back.
            home = HomePage.objects.get(pk=home.pk)
            text = content.HOME[language]
            home.hero_title = text["hero_title"]
            home.hero_text = text["hero_text"]
            home.hero_cta_text = text["hero_cta_text"]
            home.hero_cta_page = programme
            home.body = stream(text["body"], self.images)
            home.save_revision().publish()

        self._translate(self.sector_index, locale, content.SECTOR_INDEX[language])
        for slug, page in self.sector_pages.items():
            text = content.SECTORS[slug][language]
            self._translate(
                page,
                locale,
                {
                    "title": getattr(self.sectors[slug], f"name_{language}") or page.title,
                    "introduction": text["introduction"],
                    "body": stream(text["body"], self.images),
                },
            )
        self._translate(self.news_index, locale, content.NEWS_INDEX[language])
        self._translate(self.event_index, locale, content.EVENT_INDEX[language])
        self._translate(self.hub_index, locale, content.HUB_INDEX[language])
        text = content.CONTACT[language]
        self._translate(
            self.contact,
            locale,
            {
                "title": text["title"],
                "introduction": text["introduction"],
                "subject": text["subject"],
            },
            after=lambda page: self._translate_fields(page, text["fields"]),
        )
        for page, text in (
            (self.privacy, content.PRIVACY),
            (self.legal, content.LEGAL),
            (self.hackathon, content.HACKATHON),
        ):
            item = text[language]
            self._translate(
                page,
                locale,
                {
                    "title": item["title"],
                    "introduction": item["introduction"],
                    "body": stream(item["body"], self.images),
                },
            )

    @staticmethod
    def _translate_fields(page, fields):
        for form_field, (label, _kind, _required) in zip(
            page.form_fields.order_by("sort_order", "pk"), fields, strict=False
        ):
            form_field.label = label
            form_field.save(update_fields=["label"])

    # ----------------------------------------------------------------------------------
    def ensure_site(self):
        """The default site on the home page, its address and name from ``BASE_URL`` and
        ``SITE_NAME`` (core/sites.py, also applied after every ``migrate``), and settings with
        placeholders."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(root_page=self.home_page, is_default_site=True)
            self.count("sites")
        elif site.root_page_id != self.home_page.pk:
            site.root_page = Page.objects.get(pk=self.home_page.pk)
            site.save(update_fields=["root_page"])
            self.count("site changes")
        sites.sync_sites()
        site.refresh_from_db()
        settings = SiteSettings.for_site(site)
        updates = []
        if settings.privacy_page_id is None:
            settings.privacy_page = self.privacy
            updates.append("privacy_page")
        for name, text in (
            ("footer_text", content.FOOTER_TEXT),
            ("footer_text_ar", content.FOOTER_TEXT_AR),
            ("footer_text_en", content.FOOTER_TEXT_EN),
        ):
            if not getattr(settings, name):  # a placeholder staff replace; never overwritten
                setattr(settings, name, text)
                updates.append(name)
        if updates:
            settings.save(update_fields=updates)
            self.count("settings changes", len(updates))
        return site
