"""Mirror the taxonomy into Oscar's category tree: sector → its disciplines."""

from django.db import transaction

from directory.models import Sector

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
