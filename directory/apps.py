from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from core import cache, sitemaps
        from core.templatetags.fragment_tags import register_card

        from . import renditions, signals, visitor  # noqa: F401 - signals connects its receivers
        from .models import Discipline, PortfolioItem, Profile, Province, Sector
        from .sitemaps import ProfileSitemap

        # Public pages show profiles (and their sectors and disciplines) and the taxonomy.
        cache.watch(Profile, m2m=True)
        cache.watch(PortfolioItem, Sector, Discipline, Province)
        renditions.connect()  # photos' and portfolio images' thumbnails after an upload
        sitemaps.register("profiles", ProfileSitemap)
        register_card(Profile, "profile", lambda: ("province", "sectors", "disciplines"))
        visitor.connect()  # a visitor's profiles and the owner's "edit" link on shared pages
