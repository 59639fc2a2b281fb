from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    """The site-wide search page (creators, products, pages). Not Oscar's ``search``."""

    name = "sitesearch"
    verbose_name = _("Site search")
