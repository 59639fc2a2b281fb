"""Image sizes made once, by the task worker after an upload, not by the first visitor.

Product images and profile pictures get sorl-thumbnail thumbnails through Oscar's thumbnailer
(``card_thumbnail``, ``photo_thumbnail``, ``{% oscar_thumbnail %}``); Wagtail images get
renditions (``{% image %}``, ``{% srcset_image %}``, ``get_rendition``). Each is made on first
use, in the request that asks for it, unless it already exists. The tasks below make every
size the templates ask for, with the same options, so the sorl key-value store entry (or the
Wagtail ``Rendition`` row) is there when the page is rendered.

This module names no model of ours. An app whose models carry images registers them from its
own ``AppConfig.ready()``: ``register_source()`` (what ``warm_renditions`` walks) and
``watch_file()`` (which saves enqueue its warm task). After commit of a save that brings a new
file, the signal handlers enqueue the matching task: with ``TASKS_BACKEND=database`` the
worker (``manage.py db_worker``) runs it, in development and tests it runs at once.
``manage.py warm_renditions`` does the same for what already exists (deployments, bulk
imports: bulk inserts send no signals).

When a template (or Python code) uses a new size or new options, add it to the lists below:
otherwise the first visitor pays for it again. tests/integration/performance/test_renditions.py
fails while a template uses a size that is not listed here.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django_tasks import task
from oscar.core.thumbnails import get_thumbnailer
from sorl.thumbnail import source_cache
from wagtail.images import get_image_model
from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------
# The sizes. ADD A SIZE HERE when a template starts using a new one (same geometry, same
# options as the template: other options are another thumbnail, made on first use).
# --------------------------------------------------------------------------------------
# sorl-thumbnail: (geometry, options). ``card_thumbnail`` and ``photo_thumbnail``
# (core/templatetags/site_tags.py) pass crop="center"; ``{% oscar_thumbnail %}`` passes the
# options written in the tag.
PRODUCT_IMAGE_THUMBNAILS = (
    ("600x450", {"crop": "center"}),  # oscar/catalogue/partials/product.html (the product card)
    ("160x120", {"crop": "center"}),  # creators/product_list.html
    ("120x90", {"crop": "center"}),  # oscar/catalogue/partials/gallery.html (thumbnails)
    ("960x720", {"upscale": False}),  # oscar/catalogue/partials/gallery.html (slides)
    ("160x160", {"crop": "center", "upscale": False}),  # oscar/basket/partials/basket_content
    ("1200x630", {"crop": "center"}),  # oscar/catalogue/detail.html (og:image)
)
PROFILE_PHOTO_THUMBNAILS = (
    ("128x128", {"crop": "center"}),  # includes/profile_card.html, oscar/…/creator_box.html
    ("256x256", {"crop": "center"}),  # directory/profile_detail.html, creators/shop.html
)
PORTFOLIO_IMAGE_THUMBNAILS = (
    ("800x600", {"crop": "center"}),  # directory/profile_detail.html (portfolio)
)
# Wagtail filter specs, written as in the templates ({a,b} expands to one spec per size).
# The image does not know yet where it will be used (it is uploaded before the page that
# shows it is saved), so every image gets every spec.
WAGTAIL_IMAGE_FILTERS = (
    "fill-640x360",  # includes/news_card.html, cms/hub_index_page.html
    "fill-{640x360,1200x675}",  # blocks/figure_block.html
    "fill-640x480",  # cms/sector_index_page.html
    "fill-{720x405,1280x720}",  # cms/hub_page, sector_page, event_page, programme_page
    "fill-{720x405,1320x660}",  # cms/news_page.html
    "fill-{720x405,1320x600}",  # cms/standard_page.html
    "fill-{800x900,1600x900,2400x1200}",  # cms/home_page.html (hero)
    "fill-1200x630",  # cms/templatetags/seo.py (share image, JSON-LD)
)
# Wagtail image fields whose change calls for new renditions (a save limited to other fields,
# such as Wagtail's own file_size/file_hash updates, does not).
WAGTAIL_RENDITION_FIELDS = frozenset(
    {"file", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"}
)


def wagtail_filter_specs():
    """Every Wagtail filter spec of ``WAGTAIL_IMAGE_FILTERS``, expanded, once each."""
    expanded = (spec for specs in WAGTAIL_IMAGE_FILTERS for spec in Filter.expand_spec(specs))
    return list(dict.fromkeys(expanded))


# --------------------------------------------------------------------------------------
# Making them (the management command calls these directly, the tasks through a pk)
# --------------------------------------------------------------------------------------
def _label(source):
    return getattr(source, "name", None) or str(source)


def make_thumbnails(source, sizes):
    """Make ``sizes`` of the file ``source`` as the templates would: ``{"ready", "failed"}``.

    Never raises: a missing or unreadable file is logged and counted as failed (it stops at
    the first failure: the other sizes would read the same broken file).
    """
    if not source:
        return {"ready": 0, "failed": 0}
    thumbnailer = get_thumbnailer()
    ready = 0
    with source_cache():  # the source is read once for all its sizes
        for geometry, options in sizes:
            try:
                thumbnail = thumbnailer.generate_thumbnail(source, size=geometry, **options)
                made = bool(thumbnail.width and thumbnail.height)
            except Exception:
                logger.warning("No thumbnail %s of %s", geometry, _label(source), exc_info=True)
                made = False
            if not made:  # sorl returns an empty image when it cannot read the source
                logger.warning("Image %s is missing or unreadable", _label(source))
                return {"ready": ready, "failed": 1}
            ready += 1
    return {"ready": ready, "failed": 0}


def add_counts(total, counts):
    """Add ``counts`` (``{"ready", "failed"}``) into ``total``."""
    for key, value in counts.items():
        total[key] = total.get(key, 0) + value
    return total


def warm_image(image, specs=None):
    """Every Wagtail rendition of ``WAGTAIL_IMAGE_FILTERS`` for ``image`` (Rendition rows)."""
    specs = specs or wagtail_filter_specs()
    try:
        image.get_renditions(*specs)
    except Exception:
        logger.warning(
            "No renditions of image %s (%s)", image.pk, _label(image.file), exc_info=True
        )
        return {"ready": 0, "failed": 1}
    return {"ready": len(specs), "failed": 0}


def get_or_none(model, pk):
    """The row ``pk`` of ``model``, or None (logged) when it was deleted before the worker ran."""
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:  # deleted before the worker came to it
        logger.info("No %s %s to make thumbnails of", model._meta.label, pk)
    return instance


@task()
def warm_wagtail_image(pk):
    """Renditions of the Wagtail image ``pk``."""
    image = get_or_none(get_image_model(), pk)
    return warm_image(image) if image else {"ready": 0, "failed": 0}


# --------------------------------------------------------------------------------------
# Signals
# --------------------------------------------------------------------------------------
class _Enqueue:
    """An on_commit callback enqueuing ``task(pk)``; equal callbacks are queued once."""

    def __init__(self, task, pk):
        self.task, self.pk = task, pk

    def __eq__(self, other):
        return isinstance(other, _Enqueue) and (self.task, self.pk) == (other.task, other.pk)

    __hash__ = None

    def __call__(self):
        try:
            self.task.enqueue(self.pk)
        except Exception:  # the page still works: the first visitor makes the thumbnails
            logger.exception("Could not enqueue %s(%s)", self.task.name, self.pk)


def enqueue_after_commit(task, pk):
    """Enqueue ``task(pk)`` once the current transaction commits (at once outside one).

    A profile saved with its portfolio, or an image saved twice, in one transaction
    enqueues one task, not one per save.
    """
    callback = _Enqueue(task, pk)
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        entry[1] == callback for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(callback)


def _file_changed(instance, field, update_fields):
    """Whether this save stores a new file in ``field`` (pre_save).

    A new upload (a file not yet written to the storage) or a new row with a file: yes,
    without a query. Otherwise one query compares the stored name, so saves that leave the
    file alone (most profile edits) enqueue nothing.
    """
    file = getattr(instance, field)
    if not file or (update_fields is not None and field not in update_fields):
        return False
    if not getattr(file, "_committed", True) or instance._state.adding or instance.pk is None:
        return True
    stored = (
        type(instance)._base_manager.filter(pk=instance.pk).values_list(field, flat=True).first()
    )
    return stored != file.name


def _watch_file(field):
    def pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
        instance._renditions_file_changed = not raw and _file_changed(
            instance, field, update_fields
        )

    return pre_save


def _wagtail_image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not instance.file:
        return
    if update_fields is not None and not WAGTAIL_RENDITION_FIELDS & set(update_fields):
        return
    enqueue_after_commit(warm_wagtail_image, instance.pk)


def watch_file(model, field, task, pk_of=None):
    """After a save of ``model`` that stores a new file in ``field``, enqueue ``task(pk)``.

    ``pk`` is the row's own pk, or ``pk_of(instance)`` (a portfolio image warms its profile).
    Called from the owning app's ``AppConfig.ready()``.
    """
    uid = f"renditions_{model._meta.label_lower}"

    def post_save_receiver(sender, instance, raw=False, **kwargs):
        if not raw and instance.__dict__.pop("_renditions_file_changed", False):
            enqueue_after_commit(task, pk_of(instance) if pk_of else instance.pk)

    pre_save.connect(_watch_file(field), sender=model, dispatch_uid=uid, weak=False)
    post_save.connect(post_save_receiver, sender=model, dispatch_uid=uid, weak=False)


# --------------------------------------------------------------------------------------
# What ``manage.py warm_renditions`` walks
# --------------------------------------------------------------------------------------
class Source:
    """A kind of row with images: ``queryset()`` lists them, ``warm(row)`` makes the sizes."""

    def __init__(self, name, label, queryset, warm, position):
        self.name, self.label, self.queryset, self.warm = name, label, queryset, warm
        self.position = position


_SOURCES = {}


def register_source(name, label, queryset, warm, position=50):
    """Let ``warm_renditions --<name>`` make the sizes of ``queryset()`` with ``warm(row)``.

    Sources run in ``position`` order (then by name).
    """
    _SOURCES[name] = Source(name, label, queryset, warm, position)


def sources():
    return sorted(_SOURCES.values(), key=lambda source: (source.position, source.name))


def connect():
    """Called from ``CoreConfig.ready``: Wagtail images (the apps register their own)."""
    post_save.connect(
        _wagtail_image_saved,
        sender=get_image_model(),
        dispatch_uid="renditions_wagtail_image",
        weak=False,
    )
    register_source(
        "images",
        "wagtail images",
        lambda: get_image_model().objects.all(),
        warm_image,
        position=90,
    )
