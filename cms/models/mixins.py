"""Fields shared by page types."""

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class SeoMixin(models.Model):
    """A share image for Open Graph and Twitter cards, next to Wagtail's own SEO title
    and search description (the "Promote" tab). Without it, the page's main image is used."""

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("share image"),
        help_text=_("Shown when the page is shared on social networks (1200×630 works best)."),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("og_image"),
            ],
            heading=_("For search engines and social networks"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
    ]

    # Page types extend these (``SeoMixin.search_fields + [...]``).
    search_fields = Page.search_fields + [index.SearchField("search_text_variants")]

    class Meta:
        abstract = True

    def clean(self):
        """Page addresses are ASCII (``WAGTAIL_ALLOW_UNICODE_SLUGS = False``): an accented or
        Arabic slug would be percent-encoded wherever the link is shared. Wagtail's editor
        writes ASCII slugs from the title; one typed by hand is refused with a suggestion."""
        super().clean()
        if self.slug and not self.slug.isascii():
            suggestion = slugify(anyascii(self.slug)) or "page"
            raise ValidationError(
                {
                    "slug": _(
                        "Use only unaccented letters, digits and hyphens, for example “%(slug)s”."
                    )
                    % {"slug": suggestion}
                }
            )

    def search_text_variants(self):
        """More text for the search index, from the ``page_search_text`` hooks: the site
        search adds the page's text folded (Arabic spelling variants, accents, elisions), so a
        page is found however its words are spelt."""
        return " ".join(hook(self) for hook in hooks.get_hooks("page_search_text"))

    def get_share_image(self):
        return self.og_image or getattr(self, "image", None) or getattr(self, "hero_image", None)


def image_fk(verbose_name):
    """An optional Wagtail image of a page (left empty when the image is deleted)."""
    return models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )
