"""Fields shared by page types."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


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

    class Meta:
        abstract = True

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
