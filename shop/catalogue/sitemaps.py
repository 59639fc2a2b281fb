"""The products section of ``/sitemap.xml`` (registered from ``CatalogueConfig.ready()``)."""

from core.sitemaps import I18nSitemap

from .models import Product


class ProductSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
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
