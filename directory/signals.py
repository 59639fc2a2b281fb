"""Keep shop categories in step with the taxonomy."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Discipline, Sector


@receiver(post_save, sender=Sector)
@receiver(post_save, sender=Discipline)
def sync_shop_categories(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from shop.catalogue.sync import sync_categories

    sync_categories()
