"""In-process search and page latency on SQLite: ``python -m bench.run --inprocess``
(``python -m bench.inprocess``).

A benchmark, not a test: it asserts nothing and prints one table. Everything runs in this
process through Django's test ``Client`` (no network, no server), with the test settings
(``config.settings.test``: DEBUG off, fast password hashing) on a throwaway SQLite
database, ``/tmp/takafamap-bench/bench.sqlite3``.

The database: running every migration costs one to two minutes, so it is done once and
the file kept between runs. When the file is missing, the migrated test database that
pytest keeps with ``--reuse-db`` (``.test-db.sqlite3``) is copied instead, if it has its
migrated rows, and only missing migrations are applied; otherwise everything is migrated
from scratch, once. The developer's ``db.sqlite3`` is never touched (its contents depend on
what was seeded or edited, which would make runs incomparable). The first run then builds
a fixed amount of data: 30 creators with a shop each and 150 products (the test factories),
then ``manage.py seed_scale`` (demo/management/commands/seed_scale.py, the one seeder of large
data sets): 2,000 directory profiles with coordinates for the map's GeoJSON and 10,000
bulk-inserted products, so search is measured at the search issue's scale; the last line says
what rebuilding the search index costs.
``--fresh`` starts again from an empty file.

Each page gets ``--requests`` warm-up requests, then the same number measured; the SQL
query count comes from one further request. Each page stops early after ``--budget``
seconds (half for the warm-up, half for the measure), so a run stays around a minute.
"""

import argparse
import os
import sqlite3
import statistics
import sys
import time
import warnings
from decimal import Decimal
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path("/tmp/takafamap-bench")
BENCH_DB = BENCH_DIR / "bench.sqlite3"
TEST_DB = ROOT / ".test-db.sqlite3"
CREATORS = 30
PRODUCTS_PER_CREATOR = 5
MAP_PROFILES = 2000
CATALOGUE_PRODUCTS = 10000  # the search issue's scale: 10,000 products, 2,000 profiles


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40, help="measured requests per page")
    parser.add_argument("--budget", type=float, default=12.0, help="seconds at most per page")
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark database")
    return parser.parse_args(argv)


def configure_django():
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DB}"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    # WhiteNoise warns once per handler when ``collectstatic`` has not run; irrelevant here.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    # Deferred: Django is set up at run time (configure_django), after this module loads.
    import django

    django.setup()


def has_migrated_rows(path):
    """Whether ``path`` is a SQLite database with the rows data migrations create."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return db.execute("SELECT COUNT(*) FROM wagtailcore_site").fetchone()[0] > 0
        finally:
            db.close()
    except sqlite3.Error:
        return False


def copy_sqlite(source, target):
    """A consistent copy, even if pytest has the source open."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def prepare_database(fresh):
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if fresh and BENCH_DB.exists():
        BENCH_DB.unlink()
    if not BENCH_DB.exists() and TEST_DB.exists() and has_migrated_rows(TEST_DB):
        print(f"Copying the migrated test database {TEST_DB.name} to {BENCH_DB}")
        copy_sqlite(TEST_DB, BENCH_DB)
    configure_django()
    # Deferred: Django is set up at run time (configure_django), after this module loads.
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        print(f"Applying {len(plan)} migrations (once; the file is kept for the next runs)…")
        started = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0)
        print(f"  done in {time.perf_counter() - started:.0f} s")


def build_data():
    """30 creators in every province and discipline, 5 products each, if not there yet."""
    # Deferred: Django is set up at run time (configure_django), after this module loads.
    from directory.models import Discipline, Province
    from shop.catalogue.models import Product
    from tests.factories import PartnerFactory, ProductFactory, ProfileFactory

    wanted = CREATORS * PRODUCTS_PER_CREATOR
    if Product.objects.count() >= wanted:
        return
    print(f"Building {CREATORS} creators and {wanted} products…")
    disciplines = list(Discipline.objects.all())
    provinces = list(Province.objects.all())
    kinds = ["service", "physical", "digital"]
    for n in range(CREATORS):
        discipline = disciplines[n % len(disciplines)]
        profile = ProfileFactory(
            name=f"Créateur bench {n:02d}",
            province=provinces[n % len(provinces)],
            disciplines=[discipline],
            is_accompanied=n % 2 == 0,
        )
        partner = PartnerFactory(name=f"Boutique bench {n:02d}", profile=profile)
        for p in range(PRODUCTS_PER_CREATOR):
            ProductFactory(
                title=f"{discipline.name} — offre {n:02d}-{p}",
                discipline=discipline.slug,
                partner=partner,
                kind=kinds[p % len(kinds)],
                price=Decimal(150 + 75 * p + 10 * n),
            )


def build_scale():
    """2,000 directory profiles with coordinates (one in five with a shop), for the map's
    GeoJSON and search, and 10,000 bulk-inserted products: the demo's ``seed_scale``, the one
    seeder of large data sets (no news, no youth contacts: no page measured here shows them)."""
    # Deferred like every Django import here: configure_django() runs first (a script).
    from django.core.management import call_command

    call_command(
        "seed_scale",
        profiles=MAP_PROFILES,
        products=CATALOGUE_PRODUCTS,
        news=0,
        contacts=0,
        quiet=True,
    )


def search_rebuild_line():
    """How long rebuilding the search data takes (the database backend's folded text, and
    Elasticsearch when configured)."""
    # Deferred: Django is set up at run time (configure_django), after this module loads.
    from django.conf import settings
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("search_index", rebuild=True, stdout=StringIO())
    where = "database text + Elasticsearch" if settings.ELASTICSEARCH_URL else "database text"
    return f"search index rebuild ({where}): {time.perf_counter() - started:.1f} s"


def pages():
    # Deferred: Django is set up at run time (configure_django), after this module loads.
    from django.utils import translation

    from shop.catalogue.models import Product

    product = Product.objects.browsable().order_by("pk").first()
    with translation.override("fr"):
        product_url = product.get_absolute_url()
    return [
        ("home", "/fr/"),
        ("shop", "/fr/shop/catalogue/"),
        ("directory", "/fr/directory/"),
        ("map.geojson", "/fr/directory/map.geojson"),
        ("map hubs", "/fr/directory/map.geojson?kind=hub&available=on"),
        ("product", product_url),
        ("search", "/fr/search/?q=son"),
        ("search 2w", "/fr/search/?q=eclairage+oujda"),
        ("search tab", "/fr/search/?q=profil&type=profiles&page=3"),
        ("suggest", "/fr/search/suggest?q=crea"),
        ("healthz", "/healthz"),
    ]


def measure(client, url, requests, budget):
    # Deferred: Django is set up at run time (configure_django), after this module loads.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}; fix it before measuring")

    deadline = time.perf_counter() + budget / 2
    for _ in range(requests):  # warm-up: template compilation, caches, connections
        get()
        if time.perf_counter() > deadline:
            break
    latencies = []
    started = time.perf_counter()
    deadline = started + budget / 2
    for _ in range(requests):
        t0 = time.perf_counter()
        get()
        latencies.append((time.perf_counter() - t0) * 1000)
        if time.perf_counter() > deadline:
            break
    elapsed = time.perf_counter() - started
    with CaptureQueriesContext(connection) as queries:
        get()
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    return {
        "n": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p95": p95,
        "max": latencies[-1],
        "queries": len(queries),
    }


def main(argv=None):
    args = parse_args(argv)
    started = time.perf_counter()
    prepare_database(args.fresh)
    build_data()
    build_scale()
    rebuild = search_rebuild_line()  # bulk-inserted rows get their folded search text

    # Deferred: Django is set up at run time (configure_django), after this module loads.
    from django.db import connection
    from django.test import Client

    client = Client()
    print(
        f"\nDjango test Client, in process, SQLite ({connection.settings_dict['NAME']}); "
        f"{args.requests} warm-up + {args.requests} measured requests per page\n"
    )
    columns = ("n", "req/s", "p50 ms", "p95 ms", "max ms", "SQL")
    widths = (4, 8, 8, 8, 8, 4)
    header = f"{'page':<10} {'url':<44} " + " ".join(
        f"{column:>{width}}" for column, width in zip(columns, widths, strict=True)
    )
    print(header)
    print("-" * len(header))
    for name, url in pages():
        r = measure(client, url, args.requests, args.budget)
        print(
            f"{name:<10} {url[:44]:<44} {r['n']:>4} {r['rps']:>8.1f} {r['p50']:>8.1f} "
            f"{r['p95']:>8.1f} {r['max']:>8.1f} {r['queries']:>4}"
        )
    print("\n" + rebuild)
    print(f"Total {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
