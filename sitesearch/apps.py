from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    """The site-wide search page (creators, products, pages). Not Oscar's ``search``."""

    name = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        # Deferred to ready(): models can be imported only once the app registry is ready.
        from . import signals
        from .backends.database import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="sitesearch_fold")

        signals.connect()
