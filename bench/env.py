"""The environment ``make bench`` serves and measures in (``bench/run.py``), shared with
``bench/profiles.py``: the production settings on the bench's own database."""

import os
from pathlib import Path

# Overridable so two runs (two worktrees) do not share static files and media.
WORK = Path(os.environ.get("BENCH_WORK", "/tmp/takafamap-bench"))


def database_url(products):
    return os.environ.get(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/takafamap_bench_{products}"
    )


def server_env(args, redis_url):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "DATABASE_URL": database_url(args.products),
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "BASE_URL": "http://127.0.0.1:8000",
            "SECURE_SSL_REDIRECT": "False",
            "STATIC_ROOT": str(WORK / "static"),
            "MEDIA_ROOT": str(WORK / "media"),
            "PRIVATE_MEDIA_ROOT": str(WORK / "private-media"),
            "LOG_LEVEL": "WARNING",
            "PYTHONWARNINGS": "ignore",
        }
    )
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env
