"""Backups: the whole database as JSON plus the public and private media, and their restore.

Why ``dumpdata`` and not ``pg_dump``: one format for SQLite (development, demo) and
PostgreSQL (production), restorable into either, and tested in CI on both. Every managed,
concrete model is dumped with its primary keys (content types and permissions included), so a
restore gives back the same rows with the same ids. ``pg_dump`` remains the tool for very
large databases; this one is for a site of this size and for moving between engines.

A backup is a folder ``backups/<UTC timestamp>/`` holding:

* ``data.json.gz``        every row (``manage.py dumpdata``, compressed)
* ``media.tar.gz``        MEDIA_ROOT (public uploads)
* ``private-media.tar.gz`` PRIVATE_MEDIA_ROOT (receipts, attachments, digital products)
* ``manifest.json``       when, which engine, and how many rows per model

A restore empties the database (``flush``), loads the rows in one transaction, puts the media
back and checks the row counts against the manifest.
"""

import json
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

DATA = "data.json.gz"
MEDIA = "media.tar.gz"
PRIVATE_MEDIA = "private-media.tar.gz"
MANIFEST = "manifest.json"

# Caches and derived data, rebuilt after a restore rather than saved.
EXCLUDED = {
    "sessions.session",  # sign-ins: people sign in again after a restore
    "thumbnail.kvstore",  # sorl-thumbnail's cache of thumbnail sizes
}


FIRST = {"contenttypes.contenttype", "auth.permission"}


def models_to_save():
    """Every concrete model that owns a table, except the caches in ``EXCLUDED``."""
    result = []
    for model in apps.get_models():
        meta = model._meta
        if not meta.managed or meta.proxy or meta.swapped:
            continue
        if meta.label_lower in EXCLUDED:
            continue
        result.append(model)
    # Content types first: loading a page row builds a Page, whose constructor looks up its
    # content type and would create one (with another id) if none were loaded yet.
    return sorted(result, key=lambda model: model._meta.label_lower not in FIRST)


def row_counts():
    return {model._meta.label_lower: model._default_manager.count() for model in models_to_save()}


def _tar(source, target):
    source = Path(source)
    with tarfile.open(target, "w:gz") as archive:
        if source.is_dir():
            for path in sorted(source.rglob("*")):
                archive.add(path, arcname=str(path.relative_to(source)), recursive=False)


def _untar(archive_path, target):
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        # The "data" filter refuses absolute paths, "..", links out of the folder and devices.
        archive.extractall(target, filter="data")


def backup(destination=None, *, stdout=None):
    """Write a backup folder and return its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(destination or Path(settings.BASE_DIR) / "backups") / stamp
    folder.mkdir(parents=True, exist_ok=False)
    labels = [model._meta.label for model in models_to_save()]
    # One transaction: the rows and the counts describe the same moment.
    with transaction.atomic():
        call_command(
            "dumpdata",
            *labels,
            format="precise_json",  # to the microsecond: see core/precise_json.py
            output=str(folder / DATA),
            verbosity=0,
        )
        counts = row_counts()
    _tar(settings.MEDIA_ROOT, folder / MEDIA)
    _tar(settings.PRIVATE_MEDIA_ROOT, folder / PRIVATE_MEDIA)
    manifest = {
        "created": stamp,
        "engine": connection.vendor,
        "counts": counts,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    if stdout:
        stdout.write(f"Backup written to {folder} ({sum(counts.values())} rows)\n")
    return folder


class RestoreMismatch(Exception):
    pass


def _fire_deferred_constraints():
    """PostgreSQL refuses to TRUNCATE a table with deferred foreign-key checks still pending
    in the transaction (rows written earlier in it): check them now."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # loaddata relies on deferral


def restore(folder, *, stdout=None, rebuild_search=True):
    """Replace the database and media with the backup in ``folder``; return the counts."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    call_command("migrate", interactive=False, verbosity=0)
    with transaction.atomic():
        _fire_deferred_constraints()
        # Empty every table, without re-creating content types: the backup has them, ids and all.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        call_command("loaddata", str(folder / DATA), verbosity=0)
        counts = row_counts()
    # Content types and permissions of models added since the backup, if any.
    call_command("migrate", interactive=False, verbosity=0)
    if (folder / MEDIA).exists():
        _untar(folder / MEDIA, settings.MEDIA_ROOT)
    if (folder / PRIVATE_MEDIA).exists():
        _untar(folder / PRIVATE_MEDIA, settings.PRIVATE_MEDIA_ROOT)
    if rebuild_search:
        call_command("wagtail_update_index", verbosity=0)
    expected = manifest["counts"]
    different = {
        label: (expected[label], counts.get(label))
        for label in expected
        if counts.get(label) != expected[label]
    }
    if different:
        raise RestoreMismatch(f"row counts differ from the backup: {different}")
    if stdout:
        stdout.write(f"Restored {sum(counts.values())} rows from {folder}\n")
    return counts
