"""Keep the Elasticsearch indices in step with the database (only when it is configured).

Saving a product or profile re-indexes it, or removes it when it is no longer visible
(hidden, pending, suspended, shop closed); deleting removes it. The work runs after the
transaction commits, and a failure is logged, never raised: ``search_index --rebuild``
repairs any drift.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from directory.models import Profile
from shop.catalogue.models import Product

logger = logging.getLogger(__name__)


def _document_class(model):
    from .documents import ProductDocument, ProfileDocument

    return ProfileDocument if issubclass(model, Profile) else ProductDocument


def _visible(model, pk):
    from shop.catalogue.queries import public_products

    if issubclass(model, Profile):
        return Profile.objects.public().for_listing().filter(pk=pk).first()
    return public_products().filter(pk=pk).first()


def sync(model, pk):
    """Index the object if a visitor may see it, else make sure it is not in the index."""
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


def on_change(sender, instance, **kwargs):
    transaction.on_commit(partial(sync, sender, instance.pk))


def connect():
    for model in (Profile, Product):
        post_save.connect(on_change, sender=model, dispatch_uid=f"sitesearch_save_{model.__name__}")
        post_delete.connect(
            on_change, sender=model, dispatch_uid=f"sitesearch_delete_{model.__name__}"
        )
