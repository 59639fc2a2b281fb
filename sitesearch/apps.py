from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    """The site-wide search page (creators, products, pages). Not Oscar's ``search``."""

    name = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        from .backends.database import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="sitesearch_fold")
        from . import signals

        signals.connect()
