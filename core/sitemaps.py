"""``/sitemap.xml``: every live Wagtail page in every language, products and profiles."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page


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
        # Page URLs carry the Wagtail Site's hostname ("localhost" until staff set it);
        # answer with the host the sitemap was asked on, like the other sections.
        urls = super()._urls(page, protocol, domain)
        if self.request is None:
            return urls
        site_root = self.get_wagtail_site().root_url
        here = f"{self.request.scheme}://{self.request.get_host()}"
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
        # The host the sitemap was asked on, as robots.txt does; Django would otherwise
        # take django.contrib.sites' row, which says "example.com" until someone edits it.
        if self.request is not None:
            return self.request.get_host()
        return super().get_domain(site)


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
