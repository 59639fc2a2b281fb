"""The profiles section of ``/sitemap.xml`` (registered from ``DirectoryConfig.ready()``)."""

from core.sitemaps import I18nSitemap

from .models import Profile


class ProfileSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Profile.objects.public().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at
