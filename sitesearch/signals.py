"""Keep the search data in step with the database.

* Always: saving a product or profile rewrites its ``SearchEntry`` (the database backend's
  folded text) after the transaction commits, through the task queue (``sync_entry_task``:
  at once with the immediate backend, by ``db_worker`` with the database one; written in
  the web process if it cannot be enqueued); deleting it deletes the entry (cascade). Until
  a queued task runs, a new product has no entry (the database backend folds its live text
  at query time) and an edited one keeps its previous text.
* With Elasticsearch: saving a product or profile re-indexes it, or removes it when it is
  no longer visible (hidden, pending, suspended, shop closed); deleting removes it; a
  stock record saved or deleted (a price or stock change alone) re-indexes its product.
  This too goes through the task queue (``sync_task``), in process when it cannot.

The work runs after the transaction commits, and a failure is logged, never raised:
``search_index --rebuild`` repairs any drift.
"""

import logging
from functools import partial

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task

from directory.models import Profile
from shop.catalogue.models import Product
from shop.catalogue.queries import public_products
from shop.partner.models import StockRecord

from .index import sync_entry, sync_entry_task

logger = logging.getLogger(__name__)


def _document_class(model):
    # Deferred: the Elasticsearch documents are loaded only when that backend is in use.
    from .documents import ProductDocument, ProfileDocument

    return ProfileDocument if issubclass(model, Profile) else ProductDocument


def _visible(model, pk):
    if issubclass(model, Profile):
        return Profile.objects.public().for_listing().filter(pk=pk).first()
    return public_products().filter(pk=pk).first()


def sync(model, pk):
    """Index the object if a visitor may see it, else make sure it is not in the index."""
    # Deferred: the Elasticsearch client is loaded only when that backend is in use.
    from elasticsearch import NotFoundError

    from .backends.elasticsearch import CONNECTION, FAILURES, get_client

    get_client()
    document_class = _document_class(model)
    try:
        obj = _visible(model, pk)
        if obj is None:
            try:
                document_class(meta={"id": pk}).delete(using=CONNECTION)
            except NotFoundError:
                pass
        else:
            document_class.from_object(obj).save(using=CONNECTION)
    except FAILURES as error:
        logger.warning("search index: could not sync %s %s: %s", model.__name__, pk, error)


@task()
def sync_task(model_label, pk):
    """``sync`` (Elasticsearch) as a django-tasks task (arguments must be JSON)."""
    sync(apps.get_model(model_label), pk)


def _safe_entry(model, pk):
    try:
        sync_entry(model, pk)
    except Exception:  # noqa: BLE001 - a search entry must never break the save
        logger.exception("search entry: could not sync %s %s", model.__name__, pk)


def _enqueue(task_, in_process, model, pk):
    """``task_`` for this row through the queue, or ``in_process(model, pk)`` when the queue
    cannot take it (better done here than never)."""
    try:
        task_.enqueue(model._meta.label, pk)
    except Exception:  # noqa: BLE001
        logger.exception("search: could not enqueue the update of %s %s", model.__name__, pk)
        in_process(model, pk)


def on_change(sender, instance, **kwargs):
    if kwargs.get("raw"):  # loading fixtures
        return
    model = Profile if issubclass(sender, Profile) else Product
    if kwargs.get("signal") is post_save:
        transaction.on_commit(partial(_enqueue, sync_entry_task, _safe_entry, model, instance.pk))
    if settings.ELASTICSEARCH_URL:
        transaction.on_commit(partial(_enqueue, sync_task, sync, model, instance.pk))


def on_stock_change(sender, instance, **kwargs):
    """A price, stock or partner change alone re-indexes the product (Elasticsearch)."""
    if kwargs.get("raw") or not settings.ELASTICSEARCH_URL or not instance.product_id:
        return
    transaction.on_commit(partial(_enqueue, sync_task, sync, Product, instance.product_id))


def connect():
    for model in (Profile, Product):
        post_save.connect(on_change, sender=model, dispatch_uid=f"sitesearch_save_{model.__name__}")
        post_delete.connect(
            on_change, sender=model, dispatch_uid=f"sitesearch_delete_{model.__name__}"
        )
    post_save.connect(on_stock_change, sender=StockRecord, dispatch_uid="sitesearch_stock_save")
    post_delete.connect(on_stock_change, sender=StockRecord, dispatch_uid="sitesearch_stock_delete")
