"""``/sitemap.xml``: every live Wagtail page in every language, products and profiles."""

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


class ProductSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        from shop.catalogue.models import Product

        # The shop's rule (shop.catalogue.queries.public_products): public products of
        # active shops only; a suspended shop's products stay out of search engines too.
        return (
            Product.objects.browsable()
            .filter(stockrecords__partner__is_active=True)
            .distinct()
            .order_by("pk")
        )

    def lastmod(self, obj):
        return obj.date_updated


class ProfileSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        from directory.models import Profile

        return Profile.objects.public().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


sitemaps = {"pages": PagesSitemap, "products": ProductSitemap, "profiles": ProfileSitemap}
