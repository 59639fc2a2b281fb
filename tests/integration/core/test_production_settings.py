"""Production refuses to start without its secrets, with one line naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LOAD_SETTINGS = (
    "import django; django.setup(); from django.conf import settings; settings.DATABASES"
)
SECRET = "a-long-random-production-secret-key-for-the-tests-0123456789"


def start(**variables):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "BASE_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", **variables)
    return subprocess.run(
        [sys.executable, "-c", LOAD_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def one_line(stderr):
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got:\n{stderr}"
    return lines[0]


def test_production_stops_with_one_line_when_secret_key_is_missing():
    result = start(DATABASE_URL="sqlite:////tmp/takafamap-never-created.sqlite3")

    assert result.returncode != 0
    assert "SECRET_KEY" in one_line(result.stderr)


def test_production_stops_when_secret_key_is_empty():
    result = start(SECRET_KEY="", DATABASE_URL="sqlite:////tmp/takafamap-never-created.sqlite3")

    assert result.returncode != 0
    assert "SECRET_KEY" in one_line(result.stderr)


def test_production_stops_with_one_line_when_database_url_is_missing():
    result = start(SECRET_KEY=SECRET)

    assert result.returncode != 0
    assert "DATABASE_URL" in one_line(result.stderr)


@pytest.mark.parametrize("url", ["nonsense://x", "not a url"])
def test_production_stops_with_one_line_when_database_url_is_malformed(url):
    result = start(SECRET_KEY=SECRET, DATABASE_URL=url)

    assert result.returncode != 0
    assert "DATABASE_URL" in one_line(result.stderr)


PG = "postgres://user:pass@db.internal:5432/takafamap"


def test_production_starts_with_every_variable_set():
    result = start(SECRET_KEY=SECRET, DATABASE_URL=PG, BASE_URL="https://takafamap.ma")

    assert result.returncode == 0, result.stderr


# ---- BASE_URL (issue 20, item 17) ----------------------------------------------------------
def test_production_stops_with_one_line_when_base_url_is_missing():
    result = start(SECRET_KEY=SECRET, DATABASE_URL=PG)

    assert result.returncode != 0
    assert "BASE_URL" in one_line(result.stderr)


@pytest.mark.parametrize("url", ["", "takafamap.ma", "ftp://takafamap.ma", "https://"])
def test_production_stops_with_one_line_when_base_url_is_empty_or_malformed(url):
    result = start(SECRET_KEY=SECRET, DATABASE_URL=PG, BASE_URL=url)

    assert result.returncode != 0
    assert "BASE_URL" in one_line(result.stderr)


def test_production_links_and_site_rows_follow_base_url():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WAGTAILADMIN_BASE_URL, settings.OSCAR_URL_SCHEMA)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"BASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=SECRET,
        DATABASE_URL=PG,
        BASE_URL="https://takafamap.ma/",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == ["https://takafamap.ma", "https"], result.stderr
