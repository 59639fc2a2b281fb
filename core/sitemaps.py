"""``/sitemap.xml``: every live Wagtail page in every language, and the sections the apps
register (products: shop/catalogue/sitemaps.py, profiles: directory/sitemaps.py)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from . import sites


class PagesSitemap(WagtailSitemap):
    """Wagtail's sitemap walks the default language's tree only; walk every locale's."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        pages = Page.objects.none()
        for translated_root in roots:
            pages |= translated_root.get_descendants(inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        # Every URL on BASE_URL (core/sites.py), whatever host the sitemap was asked on.
        urls = super()._urls(page, protocol, domain)
        site_root = self.get_wagtail_site().root_url
        here = sites.base_url()
        for url in urls:
            if url["location"].startswith(site_root):
                url["location"] = here + url["location"][len(site_root) :]
        return urls


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def __init__(self, request=None):
        self.request = request
        self.languages = [code for code, _name in settings.LANGUAGES]

    def get_domain(self, site=None):
        # BASE_URL's host (core/sites.py), never the request's Host header.
        return sites.domain()

    def get_protocol(self, protocol=None):
        return sites.scheme()


# The sections of /sitemap.xml by name; each app adds its own from its ``AppConfig.ready()``
# with ``register()`` (this module names no model of ours).
_sections = {"pages": PagesSitemap}


def register(name, sitemap_class):
    """Add the section ``name`` (an ``I18nSitemap`` subclass taking the request)."""
    _sections[name] = sitemap_class


def sections(request):
    """The sections, in name order, each built for ``request``."""
    return {name: _sections[name](request) for name in sorted(_sections)}
