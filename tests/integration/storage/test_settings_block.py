"""The AWS_* variables switch uploads to object storage, in production settings too."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRINT_STORAGES = (
    "import json, config.settings.{} as s; print(json.dumps("
    "[s.STORAGES, s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
    " s.EMAIL_BACKEND, s.TASK_EMAIL_BACKEND, s.TASKS['default']['BACKEND']]))"
)


def storages_with(module, **variables):
    return settings_with(module, **variables)[0]


def settings_with(module, **variables):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_")
        and key not in {"DJANGO_SETTINGS_MODULE", "EMAIL_URL", "TASKS_BACKEND"}
    }
    env.update(
        SECRET_KEY="only-for-this-test-not-a-secret-0123456789abcdefghijklmnop",
        DATABASE_URL="sqlite:////tmp/unused.sqlite3",
        BASE_URL="https://takafamap.ma",
        **variables,
    )
    output = subprocess.run(
        [sys.executable, "-c", PRINT_STORAGES.format(module)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def test_without_a_bucket_uploads_stay_on_the_file_system():
    storages = storages_with("production")

    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert "private" not in storages


def test_with_buckets_production_uploads_go_to_object_storage():
    storages = storages_with(
        "production",
        AWS_STORAGE_BUCKET_NAME="media",
        AWS_PRIVATE_BUCKET_NAME="private",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_REGION_NAME="fr-par",
    )

    public, private = storages["default"], storages["private"]
    assert public["BACKEND"] == private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["bucket_name"] == "media"
    assert public["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert public["OPTIONS"]["region_name"] == "fr-par"
    assert public["OPTIONS"]["querystring_auth"] is False
    assert public["OPTIONS"]["file_overwrite"] is False
    assert private["OPTIONS"]["bucket_name"] == "private"
    assert private["OPTIONS"]["default_acl"] == "private"
    assert private["OPTIONS"]["querystring_auth"] is True
    # Static files stay with whitenoise.
    assert storages["staticfiles"]["BACKEND"] == "core.staticfiles.StaticFilesStorage"


def test_one_bucket_keeps_private_files_under_their_own_prefix():
    storages = storages_with("base", AWS_STORAGE_BUCKET_NAME="media")

    assert storages["private"]["OPTIONS"]["bucket_name"] == "media"
    assert storages["private"]["OPTIONS"]["location"] == "private"


def test_pictures_from_the_bucket_are_allowed_by_the_content_security_policy():
    without = settings_with("production")[1]
    with_bucket = settings_with(
        "production",
        AWS_STORAGE_BUCKET_NAME="media",
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.example.org",
    )[1]

    assert not [source for source in without if "example.org" in source]
    assert "https://s3.fr-par.example.org" in with_bucket
    assert "https://*.s3.fr-par.example.org" in with_bucket


def test_production_sends_e_mails_through_the_task_queue():
    queued = settings_with(
        "production", EMAIL_URL="smtp+tls://u:p@smtp.example.org:587", TASKS_BACKEND="database"
    )
    immediate = settings_with("production")

    assert queued[2] == immediate[2] == "core.mail.TaskEmailBackend"
    assert queued[3] == "django.core.mail.backends.smtp.EmailBackend"
    assert queued[4] == "django_tasks_db.DatabaseBackend"
    assert immediate[4] == "django_tasks.backends.immediate.ImmediateBackend"
