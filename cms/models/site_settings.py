from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and links shown in every page's footer."""

    organisation = models.CharField(
        _("organisation"), max_length=200, default="Association culturelle — Oujda"
    )
    contact_email = models.EmailField(_("contact email"), default="contact@takafamap.ma")
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("A sentence or two shown at the bottom of every page."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("privacy and legal notice page"),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("address"),
        FieldPanel("facebook_url"),
        FieldPanel("instagram_url"),
        FieldPanel("youtube_url"),
        FieldPanel("footer_text"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("site settings")
