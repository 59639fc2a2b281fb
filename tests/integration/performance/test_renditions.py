"""Thumbnails and renditions are made after the upload (core/renditions.py), not by a visitor.

The task backend is the immediate one in tests; ``django_capture_on_commit_callbacks`` runs
the on_commit callbacks the test transaction would otherwise drop, as a real commit would.
Each test gets its own MEDIA_ROOT and an empty cache (sorl's key-value store and Wagtail's
renditions are cached there).
"""

import io
import logging
import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from PIL import Image
from sorl.thumbnail.models import KVStore
from wagtail.images.models import Filter, Rendition

from core import renditions
from directory.models import PortfolioItem
from shop.catalogue import renditions as catalogue_renditions
from shop.catalogue.models import ProductImage
from tests.factories import ProductFactory, ProfileFactory, news_page
from tests.factories.pages import image as wagtail_image

pytestmark = pytest.mark.django_db

CATALOGUE = "/fr/shop/catalogue/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    yield tmp_path
    cache.clear()


def png(name="photo.png", size=(900, 700), colour="teal"):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def thumbnail_files(media):
    folder = media / "cache"
    return sorted(str(path) for path in folder.rglob("*") if path.is_file())


def committed():
    """Drop the on_commit callbacks queued so far, as a commit would.

    The test transaction never commits, and ``enqueue_after_commit`` queues a task once per
    transaction: without this, a save after the setup's own saves would be a duplicate.
    """
    connection.run_on_commit.clear()


def enqueued(callbacks):
    """The warm tasks among the on_commit callbacks (the page cache has its own)."""
    return [(c.task.name, c.pk) for c in callbacks if isinstance(c, renditions._Enqueue)]


def rendition_specs(image):
    return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


# --------------------------------------------------------------------------------------
# Product images
# --------------------------------------------------------------------------------------
def test_a_product_image_saved_has_its_thumbnails_before_the_catalogue_asks(
    client, media, django_capture_on_commit_callbacks
):
    product = ProductFactory(title="Reportage au hammam")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ProductImage.objects.create(product=product, original=png(), caption="Vapeur")

    assert len(enqueued(callbacks)) == 1
    made = thumbnail_files(media)
    assert len(made) == len(renditions.PRODUCT_IMAGE_THUMBNAILS)
    entries = KVStore.objects.count()

    listing = client.get(CATALOGUE)
    detail = client.get(product.get_absolute_url())

    assert listing.status_code == detail.status_code == 200
    assert "/media/cache/" in listing.content.decode()
    assert "/media/cache/" in detail.content.decode()
    assert thumbnail_files(media) == made  # the pages found them ready
    assert KVStore.objects.count() == entries


def test_without_the_task_the_first_visit_makes_the_thumbnail(client, media):
    """The contrast: no commit, no task, so the catalogue makes the card itself."""
    product = ProductFactory(title="Tirage d'art")
    ProductImage.objects.create(product=product, original=png())  # on_commit never runs

    assert thumbnail_files(media) == []
    client.get(CATALOGUE)
    assert len(thumbnail_files(media)) == 1


def test_saving_a_product_image_again_without_a_new_file_enqueues_nothing(
    django_capture_on_commit_callbacks,
):
    image = ProductImage.objects.create(product=ProductFactory(), original=png())
    committed()
    image.caption = "Nouvelle légende"
    with django_capture_on_commit_callbacks() as callbacks:
        image.save()
    assert enqueued(callbacks) == []


def test_a_broken_product_image_is_logged_and_does_not_raise(
    media, caplog, django_capture_on_commit_callbacks
):
    product = ProductFactory(title="Image abîmée")
    broken = SimpleUploadedFile("broken.png", b"not a picture", content_type="image/png")
    with caplog.at_level(logging.WARNING, logger="core.renditions"):
        with django_capture_on_commit_callbacks(execute=True):
            image = ProductImage.objects.create(product=product, original=broken)

    assert thumbnail_files(media) == []
    assert "missing or unreadable" in caplog.text
    assert catalogue_renditions.warm_product_image.call(image.pk) == {"ready": 0, "failed": 1}
    assert catalogue_renditions.warm_product_image.call(image.pk + 1000) == {
        "ready": 0,
        "failed": 0,
    }


def test_a_product_whose_image_is_unreadable_shows_a_placeholder_in_the_catalogue(client, media):
    product = ProductFactory(title="Image abîmée")
    ProductImage.objects.create(
        product=product, original=SimpleUploadedFile("broken.png", b"not a picture")
    )

    response = client.get("/fr/shop/catalogue/")

    assert response.status_code == 200
    card = response.content.decode().split("Image abîmée", 1)[0].rsplit("<article", 1)[1]
    assert "media-placeholder" in card


# --------------------------------------------------------------------------------------
# Profile photos and portfolio images
# --------------------------------------------------------------------------------------
def test_a_new_profile_photo_and_portfolio_image_are_ready_for_the_profile_page(
    client, media, django_capture_on_commit_callbacks
):
    profile = ProfileFactory(name="Salma Studio")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        profile.photo = png("salma.png", (500, 500))
        profile.save()
        PortfolioItem.objects.create(
            profile=profile, image=png("scene.png"), image_alt="Une scène éclairée"
        )

    assert enqueued(callbacks) == [
        ("warm_profile_photo", profile.pk)
    ]  # one task for the profile, though two saves asked for it
    sizes = len(renditions.PROFILE_PHOTO_THUMBNAILS) + len(renditions.PORTFOLIO_IMAGE_THUMBNAILS)
    made = thumbnail_files(media)
    assert len(made) == sizes

    response = client.get(profile.get_absolute_url())

    assert response.status_code == 200
    assert "/media/cache/" in response.content.decode()
    assert thumbnail_files(media) == made


def test_a_profile_saved_without_a_new_photo_enqueues_nothing(
    django_capture_on_commit_callbacks,
):
    profile = ProfileFactory()
    profile.photo.save("visage.png", png("visage.png"), save=False)
    profile.save()
    committed()

    with django_capture_on_commit_callbacks() as callbacks:
        profile.headline = "Vidéaste"
        profile.save()
        ProfileFactory().save()  # no photo at all

    assert enqueued(callbacks) == []


# --------------------------------------------------------------------------------------
# Wagtail images
# --------------------------------------------------------------------------------------
def test_a_wagtail_image_saved_has_the_template_renditions_before_the_news_page_asks(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        picture = wagtail_image(title="Affiche du festival")

    specs = set(renditions.wagtail_filter_specs())
    assert rendition_specs(picture) == specs
    page = news_page(title="Le festival ouvre", image=picture)
    count = Rendition.objects.count()

    article = client.get(page.url)
    listing = client.get(page.get_parent().url)

    assert article.status_code == listing.status_code == 200
    assert "fill-1320x660" in article.content.decode()
    assert "fill-640x360" in listing.content.decode()
    assert Rendition.objects.count() == count  # nothing made on the visit


def test_a_wagtail_image_saved_with_other_fields_only_enqueues_nothing(
    django_capture_on_commit_callbacks,
):
    picture = wagtail_image()
    committed()
    with django_capture_on_commit_callbacks() as callbacks:
        picture.title = "Nouveau titre"
        picture.save(update_fields=["title"])
    assert enqueued(callbacks) == []

    with django_capture_on_commit_callbacks() as callbacks:
        picture.focal_point_x = 10
        picture.save(update_fields=["focal_point_x"])
    assert enqueued(callbacks) == [("warm_wagtail_image", picture.pk)]


def test_a_wagtail_image_whose_file_is_gone_is_logged_and_does_not_raise(
    caplog, django_capture_on_commit_callbacks
):
    picture = wagtail_image()
    committed()
    picture.file.storage.delete(picture.file.name)

    with caplog.at_level(logging.WARNING, logger="core.renditions"):
        with django_capture_on_commit_callbacks(execute=True):
            picture.save()

    assert rendition_specs(picture) == set()
    assert "No renditions of image" in caplog.text


# --------------------------------------------------------------------------------------
# The management command
# --------------------------------------------------------------------------------------
def test_warm_renditions_makes_what_is_missing_and_reports_counts(media):
    # Made inside the test transaction: no commit, so no task has run.
    ProductImage.objects.create(product=ProductFactory(), original=png())
    ProductImage.objects.create(
        product=ProductFactory(),
        original=SimpleUploadedFile("broken.png", b"not a picture"),
    )
    profile = ProfileFactory()
    profile.photo.save("visage.png", png("visage.png"), save=True)
    picture = wagtail_image()
    assert thumbnail_files(media) == []

    out = StringIO()
    call_command("warm_renditions", stdout=out)
    output = out.getvalue()

    product_sizes = len(renditions.PRODUCT_IMAGE_THUMBNAILS)
    assert f"product images: 2 checked, {product_sizes} sizes ready, 1 missing" in output
    assert "profiles: 1 checked, 2 sizes ready, 0 missing" in output
    specs = renditions.wagtail_filter_specs()
    assert f"wagtail images: 1 checked, {len(specs)} sizes ready, 0 missing" in output
    assert "2/2" in output
    assert len(thumbnail_files(media)) == product_sizes + 2
    assert rendition_specs(picture) == set(specs)

    out = StringIO()
    call_command("warm_renditions", "--images", "--quiet", stdout=out)
    assert out.getvalue().strip() == (
        f"wagtail images: 1 checked, {len(specs)} sizes ready, 0 missing or unreadable"
    )


def test_a_product_image_file_written_by_hand_is_found_by_the_command(media):
    """An import that writes files straight to the storage, then rows: the command warms."""
    image = ProductImage(product=ProductFactory())
    image.original.save("import.png", ContentFile(png().read()), save=False)
    ProductImage.objects.bulk_create([image])  # bulk inserts send no signals

    out = StringIO()
    call_command("warm_renditions", "--products", "--quiet", stdout=out)
    assert "product images: 1 checked" in out.getvalue()
    assert len(thumbnail_files(media)) == len(renditions.PRODUCT_IMAGE_THUMBNAILS)


# --------------------------------------------------------------------------------------
# Every size a template uses is listed in core/renditions.py
# --------------------------------------------------------------------------------------
BASE = Path(django_settings.BASE_DIR)
SORL_TAG = re.compile(
    r"{%\s*(card_thumbnail|photo_thumbnail|oscar_thumbnail)\s+(\S+)\s+\"([\dx]+)\"(.*?)%}"
)
WAGTAIL_TAG = re.compile(r"{%\s*(?:image|srcset_image)\s+\S+\s+(.*?)%}")
GET_RENDITION = re.compile(r"get_renditions?\(\s*\"([^\"]+)\"")
OPTION = re.compile(r"(\w+)=(\"[^\"]*\"|\S+)")


def project_files(suffix):
    """The project's own files ending in ``suffix`` (not the virtualenv's, not the tests')."""
    skipped = {".venv", "node_modules", "tests", "static", "media", "locale", "__pycache__"}
    for folder, subfolders, files in os.walk(BASE):
        subfolders[:] = [name for name in subfolders if name not in skipped and name[0] != "."]
        for name in files:
            if name.endswith(suffix):
                yield Path(folder) / name


def sorl_uses():
    """(list name, geometry, options, file) of every sorl thumbnail tag in the templates."""
    for path in project_files(".html"):
        for tag, source, geometry, rest in SORL_TAG.findall(path.read_text()):
            if tag == "oscar_thumbnail":
                options = {
                    key: {"False": False, "True": True}.get(value, value.strip('"'))
                    for key, value in OPTION.findall(rest.split(" as ")[0])
                }
            else:  # card_thumbnail and photo_thumbnail crop to the center
                options = {"crop": "center"}
            if tag == "card_thumbnail" or source.endswith(".original"):
                kind = "PRODUCT_IMAGE_THUMBNAILS"
            elif source.endswith(".photo"):
                kind = "PROFILE_PHOTO_THUMBNAILS"
            else:
                kind = "PORTFOLIO_IMAGE_THUMBNAILS"
            yield kind, geometry, options, path.name


def wagtail_uses():
    """(filter spec, file) of every Wagtail image tag and ``get_rendition`` call."""
    for path in project_files(".html"):
        for rest in WAGTAIL_TAG.findall(path.read_text()):
            tokens = []
            for token in rest.split():
                if "=" in token or token == "as":
                    break
                tokens.append(token)
            # {% image %} joins its filters with "|", {% srcset_image %} expands the braces
            for spec in Filter.expand_spec(tokens):
                yield spec, path.name
    for path in project_files(".py"):
        for spec in GET_RENDITION.findall(path.read_text()):
            yield spec, path.name


def test_every_thumbnail_size_the_templates_use_is_listed():
    uses = list(sorl_uses())
    assert len(uses) >= 10  # the scan still finds the tags
    missing = [
        f"{geometry} {options} ({name}) → {kind}"
        for kind, geometry, options, name in uses
        if (geometry, options) not in getattr(renditions, kind)
    ]
    assert not missing, "add these to core/renditions.py: " + "; ".join(missing)


def test_every_wagtail_filter_the_templates_use_is_listed():
    uses = list(wagtail_uses())
    assert len(uses) >= 10
    listed = set(renditions.wagtail_filter_specs())
    missing = [f"{spec} ({name})" for spec, name in uses if spec not in listed]
    assert not missing, "add these to WAGTAIL_IMAGE_FILTERS: " + "; ".join(missing)
