"""Writing ``SearchEntry`` rows (the database backend's folded text) for products and profiles.

``texts_for_product`` / ``texts_for_profile`` say which fields go in which weight;
``sync_entry`` writes one row (``sync_entry_task`` is the same through the task queue, which
``sitesearch.signals`` enqueues after a save commits); ``rebuild_entries`` rewrites them all
in batches (used by ``search_index --rebuild`` and ``seed_scale``).
"""

from django.apps import apps
from django.db import transaction
from django.utils.html import strip_tags
from django_tasks import task

from directory.models import Profile

from .models import SearchEntry
from .text import fold

PRODUCT_FIELDS = {"a": ("title",), "b": ("description",), "c": ()}
PROFILE_FIELDS = {"a": ("name",), "b": ("headline", "city"), "c": ("bio", "skills")}
BATCH = 500


def _texts(obj, fields):
    return {
        weight: fold(" ".join(strip_tags(getattr(obj, name) or "") for name in names))
        for weight, names in fields.items()
    }


def texts_for_product(product):
    return _texts(product, PRODUCT_FIELDS)


def texts_for_profile(profile):
    return _texts(profile, PROFILE_FIELDS)


def _target(model):
    if issubclass(model, Profile):
        return "profile", PROFILE_FIELDS
    return "product", PRODUCT_FIELDS


def sync_entry(model, pk):
    """Write (or drop, when the row is gone) the entry of one product or profile."""
    target, fields = _target(model)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        SearchEntry.objects.filter(**{f"{target}_id": pk}).delete()
        return
    SearchEntry.objects.update_or_create(**{f"{target}_id": pk}, defaults=_texts(obj, fields))


@task()
def sync_entry_task(model_label, pk):
    """``sync_entry`` as a django-tasks task: ``model_label`` is "catalogue.Product" or
    "directory.Profile" (task arguments must be JSON)."""
    sync_entry(apps.get_model(model_label), pk)


def rebuild_entries(model, progress=None):
    """Rewrite every entry of ``model`` (Product or Profile); returns how many were written.

    ``progress(done, total)`` is called after each batch."""

    target, fields = _target(model)
    columns = ["pk", *{name for names in fields.values() for name in names}]
    queryset = model._default_manager.order_by("pk").only(*columns)
    total = queryset.count()
    done = 0
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:BATCH])
        if not batch:
            break
        with transaction.atomic():
            SearchEntry.objects.filter(**{f"{target}_id__in": [obj.pk for obj in batch]}).delete()
            SearchEntry.objects.bulk_create(
                [SearchEntry(**{f"{target}_id": obj.pk}, **_texts(obj, fields)) for obj in batch]
            )
        done += len(batch)
        last_pk = batch[-1].pk
        if progress:
            progress(done, total)
    return done
