"""Mirror the taxonomy into Oscar's category tree: sector → its disciplines."""

from django.db import transaction
from django.db.models.signals import post_migrate, post_save

from directory.models import Discipline, Sector

from .models import Category


@transaction.atomic
def sync_categories():
    """Create or rename one category per sector and per discipline. Idempotent."""
    for sector in Sector.objects.prefetch_related("disciplines"):
        parent = Category.objects.filter(sector=sector).first()
        if parent is None:
            parent = Category.add_root(name=sector.name, slug=sector.slug, sector=sector)
        elif parent.name != sector.name:
            parent.name = sector.name
            parent.save()
        for discipline in sector.disciplines.all():
            child = Category.objects.filter(discipline=discipline).first()
            if child is None:
                parent.refresh_from_db()
                parent.add_child(name=discipline.name, slug=discipline.slug, discipline=discipline)
            elif child.name != discipline.name:
                child.name = discipline.name
                child.save()


def _taxonomy_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_categories()


def _after_migrate(sender, **kwargs):
    sync_categories()


def connect(app_config):
    """Called from ``CatalogueConfig.ready()``: sync after a sector or discipline is saved, and
    after ``migrate`` (the taxonomy's data migration creates them without signals)."""
    uid = "catalogue_sync_categories"
    post_save.connect(_taxonomy_saved, sender=Sector, dispatch_uid=f"{uid}_sector")
    post_save.connect(_taxonomy_saved, sender=Discipline, dispatch_uid=f"{uid}_discipline")
    post_migrate.connect(_after_migrate, sender=app_config, dispatch_uid=f"{uid}_migrate")
