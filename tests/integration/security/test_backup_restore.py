"""``make backup`` / ``make restore``: a restore gives back every row and every file (issue 10).

Generic over all models: whatever the apps hold (profiles, products, users, pages, orders,
quotes, contacts…), the rows after a restore are exactly the rows at backup time.
"""

import json
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from core import backups
from core.uploads import PrivateStorage
from tests.factories.pages import contact_page
from tests.factories.roles import build_world


def _rows():
    """Every row of every saved model, as comparable (model, pk, fields) triples."""
    from django.core import serializers

    rows = set()
    for model in backups.models_to_save():
        data = serializers.serialize("json", model._default_manager.order_by("pk"))
        for item in json.loads(data):
            rows.add((item["model"], str(item["pk"]), json.dumps(item["fields"], sort_keys=True)))
    return rows


@pytest.mark.django_db
def test_a_restore_gives_back_every_row_and_file(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    world = build_world()
    contact_page()
    profile = world.profiles["professional"]
    profile.photo.save("portrait.png", ContentFile(b"\x89PNG public bytes"))
    storage = PrivateStorage(location=settings.PRIVATE_MEDIA_ROOT)
    private_name = storage.save("receipts/r.pdf", ContentFile(b"%PDF-1.4 private"))
    before = _rows()
    counts = backups.row_counts()
    assert counts["accounts.user"] >= 9 and counts["directory.profile"] >= 3

    folder = backups.backup(tmp_path / "backups")

    # Lose everything: every table emptied, every file deleted.
    backups._fire_deferred_constraints()  # PostgreSQL: the rows above were written in this test
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    (settings.MEDIA_ROOT / profile.photo.name).unlink()
    (Path(settings.PRIVATE_MEDIA_ROOT) / private_name).unlink()
    assert sum(backups.row_counts().values()) == 0

    restored = backups.restore(folder, rebuild_search=False)

    assert restored == counts
    assert _rows() == before
    assert (settings.MEDIA_ROOT / profile.photo.name).read_bytes() == b"\x89PNG public bytes"
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / private_name).read_bytes() == b"%PDF-1.4 private"
    manifest = json.loads((folder / backups.MANIFEST).read_text())
    assert manifest["counts"] == counts


@pytest.mark.django_db
def test_a_restore_refuses_a_backup_whose_rows_do_not_match(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    build_world()
    folder = backups.backup(tmp_path / "backups")
    manifest = json.loads((folder / backups.MANIFEST).read_text())
    manifest["counts"]["accounts.user"] += 1  # a truncated or tampered backup
    (folder / backups.MANIFEST).write_text(json.dumps(manifest))

    with pytest.raises(backups.RestoreMismatch):
        backups.restore(folder, rebuild_search=False)


def test_media_archives_cannot_write_outside_their_folder(tmp_path):
    import io
    import tarfile

    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("../outside.txt")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"evil"))

    with pytest.raises(tarfile.TarError):
        backups._untar(archive, tmp_path / "media")
    assert not (tmp_path / "outside.txt").exists()
