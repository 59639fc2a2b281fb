from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_categories_after_migrate(sender, **kwargs):
    from shop.catalogue.sync import sync_categories

    sync_categories()


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from . import signals  # noqa: F401

        post_migrate.connect(_sync_categories_after_migrate, sender=self)
