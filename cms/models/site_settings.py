from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.i18n import LocalizedMixin, translated_panels


@register_setting(icon="site")
class SiteSettings(LocalizedMixin, BaseSiteSetting):
    """Contact details and links shown in every page's footer (organisation, address and
    footer text in the three languages: ``settings.cms.SiteSettings.local.organisation``)."""

    organisation = models.CharField(
        _("organisation (French)"), max_length=200, default="Association culturelle — Oujda"
    )
    organisation_ar = models.CharField(
        _("organisation (Arabic)"), max_length=200, blank=True, default="جمعية ثقافية — وجدة"
    )
    organisation_en = models.CharField(
        _("organisation (English)"),
        max_length=200,
        blank=True,
        default="Cultural association — Oujda",
    )
    contact_email = models.EmailField(_("contact email"), default="contact@takafamap.ma")
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    address = models.CharField(_("address (French)"), max_length=255, blank=True)
    address_ar = models.CharField(_("address (Arabic)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    footer_text = models.TextField(
        _("footer text (French)"),
        blank=True,
        help_text=_("A sentence or two shown at the bottom of every page."),
    )
    footer_text_ar = models.TextField(_("footer text (Arabic)"), blank=True)
    footer_text_en = models.TextField(_("footer text (English)"), blank=True)
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
        *translated_panels("organisation", FieldPanel),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("address"),
        *translated_panels("address", FieldPanel),
        FieldPanel("facebook_url"),
        FieldPanel("instagram_url"),
        FieldPanel("youtube_url"),
        FieldPanel("footer_text"),
        *translated_panels("footer_text", FieldPanel),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("site settings")
