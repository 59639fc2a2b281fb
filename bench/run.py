"""Throughput and latency of the main pages, served as in production: ``make bench``.

A benchmark, not a test: it asserts nothing, prints one table and writes it as JSON to
``.bench/<commit>-<products>.json`` for comparison between commits. Steps:

1. A PostgreSQL database of its own (``BENCH_DATABASE_URL``, default
   ``postgres://postgres@127.0.0.1:5432/takafamap_bench_<products>``), created when missing
   (``--fresh`` drops it first), migrated, then filled with ``seed_demo`` and
   ``seed_scale`` (10,000 products and services, 2,000 profiles, 500 news, 20,000 contacts
   by default; ``--products`` for another size, each size in its own database). The search
   data is rebuilt (``search_index --rebuild``) and timed.
2. The production settings (``config.settings.production``: DEBUG off, manifest static
   files collected into ``/tmp/takafamap-bench/static``, the anonymous page cache on),
   with Redis as cache and session store when ``redis-server`` is installed (a private
   instance on port 6391, stopped at the end), served by gunicorn with 2 workers.
3. SQL queries per request, measured separately in a subprocess with Django's test client
   and ``CaptureQueriesContext``: as served (a warm second request, so a cached page shows
   0) and with the page cache off.
4. Load from ``wrk`` (16 connections, 2 threads, ``--duration`` seconds per URL) or, without
   wrk, a Python client with 16 threads: requests/s, p50, p95, response bytes, and each
   page's throughput as a ratio of ``/robots.txt`` (the cheapest page Django serves here).
   The "signed in, page cache on" block measures home, catalogue, product, creator shop,
   directory and search again with the session cookie of a client and of a creator.
5. The peak resident memory of each gunicorn worker (``VmHWM`` in ``/proc``).
6. The database search backend's own latency for a few queries (p50/p95, in process), and
   each uncached page (home, catalogue, product, search; page cache off) timed and profiled
   in process with pyinstrument (``bench/profiles.py``): the JSON keeps the profiles' text.

``python -m bench.run --inprocess`` runs the older in-process SQLite benchmark instead
(``bench/inprocess.py``: Django's test client, no server, search at 10,000 products).
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from importlib import import_module
from pathlib import Path
from urllib.parse import urlsplit

from bench.env import WORK, server_env

ROOT = Path(__file__).resolve().parent.parent
# Overridable so two runs (two worktrees) do not share a server or a Redis (BENCH_WORK: the
# static files and media, bench/env.py).
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8109"))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6391"))
CONNECTIONS = 16
# Signed in, page cache on: each of these pages as a client and as a creator (a shop owner).
SIGNED_IN = ("home", "catalogue", "product", "creator shop", "directory", "search")
UNCACHED_TOO = (
    "home", "catalogue", "category", "product", "creator shop", "directory", "profile", "search",
    "search facets",
)  # fmt: skip
SEARCH_QUERIES = ["son", "eclairage oujda", "mapping", "اضاءه", "portrait nador"]

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    summary.bytes, latency:percentile(50), latency:percentile(95),
    summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--profiles", type=int, default=2_000)
    parser.add_argument("--news", type=int, default=500)
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--fresh", action="store_true", help="drop and rebuild the database")
    parser.add_argument("--python-load", action="store_true", help="use the Python client")
    parser.add_argument("--inprocess", action="store_true", help="the in-process SQLite bench")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_known_args()


# ---------------------------------------------------------------------- environment
def manage(env, *command, quiet=False):
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "manage.py", *command],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )
    return time.perf_counter() - started


def ensure_database(url, fresh):
    # Deferred: only the PostgreSQL run needs the driver (--inprocess does not).
    import psycopg

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            print(f"Creating the PostgreSQL database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')


def start_redis():
    binary = shutil.which("redis-server")
    if not binary:
        return None, ""
    process = subprocess.Popen(
        [binary, "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(REDIS_PORT)
    return process, f"redis://127.0.0.1:{REDIS_PORT}/0"


def wait_for_port(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"nothing answers on port {port}")


def commit_id():
    try:  # a git worktree's .git is a file: ask git first
        return subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        pass
    head = ROOT / ".git" / "HEAD"
    try:
        ref = head.read_text().strip()
        if ref.startswith("ref: "):
            return (ROOT / ".git" / ref[5:]).read_text().strip()[:12]
        return ref[:12]
    except OSError:
        return "unknown"


# ---------------------------------------------------------------------- probe (subprocess)
def probe():
    """Run inside the production settings: URLs to measure, a signed-in session, SQL counts
    and in-process search latency. Prints one JSON document."""
    # Deferred: Django is set up here, at run time, after this module loads.
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.utils import translation

    from accounts.models import User
    from cms.models import EventIndexPage, NewsIndexPage
    from directory.models import Profile
    from shop.catalogue.models import Category
    from shop.catalogue.queries import public_products
    from shop.partner.models import Partner
    from sitesearch.backends.base import Filters
    from sitesearch.backends.database import DatabaseBackend

    with translation.override("fr"):
        product = public_products().filter(slug__startswith="scale-").order_by("pk").first()
        product = product or public_products().order_by("pk").first()
        category = Category.objects.filter(discipline__isnull=False).order_by("pk").first()
        shop = Partner.objects.filter(slug__isnull=False, is_active=True).order_by("pk").first()
        profile = Profile.objects.public().filter(slug__startswith="scale-").order_by("pk")
        profile = profile.first() or Profile.objects.public().order_by("pk").first()
        news = NewsIndexPage.objects.live().filter(locale__language_code="fr").first()
        events = EventIndexPage.objects.live().filter(locale__language_code="fr").first()
        pages = [
            ("robots.txt", "/robots.txt"),
            ("home", "/fr/"),
            ("news index", news.url if news else "/fr/"),
            ("event index", events.url if events else "/fr/"),
            ("catalogue", "/fr/shop/catalogue/"),
            ("category", category.get_absolute_url()),
            ("product", product.get_absolute_url()),
            ("creator shop", shop.get_absolute_url()),
            ("directory", "/fr/directory/"),
            ("profile", profile.get_absolute_url()),
            ("map.geojson", "/fr/directory/map.geojson"),
            ("search", "/fr/search/?q=son"),
            ("search facets", "/fr/search/?q=son&province=nador&type=products"),
        ]

    def session_for(user):
        """A signed-in session as the login view leaves it: its key is the cookie wrk sends."""
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        return session.session_key

    # A client (an account with no shop) and a creator (a user of an active shop: seed_demo's
    # creator@example.org, or the first shop owner).
    client_user, _ = User.objects.get_or_create(
        email="bench@example.org", defaults={"first_name": "B"}
    )
    creator_user = (
        User.objects.filter(email="creator@example.org", partners__is_active=True).first()
        or User.objects.filter(partners__is_active=True, is_active=True).order_by("pk").first()
    )
    sessions = {"client": session_for(client_user)}
    if creator_user is not None:
        sessions["creator"] = session_for(creator_user)

    def count(url, who):
        def visitor():  # like wrk: no cookie but the session's when signed in
            client = Client()
            if who in sessions:
                client.cookies[settings.SESSION_COOKIE_NAME] = sessions[who]
            return client

        visitor().get(url, secure=True)
        client = visitor()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, secure=True)
        return len(queries), response.status_code

    rows = []
    for name, url in pages:
        served, status = count(url, "anonymous")
        with override_settings(PAGE_CACHE_ENABLED=False):
            uncached, _status = count(url, "anonymous")
        rows.append(
            {"name": name, "url": url, "who": "anonymous", "signed_in": False, "sql": served,
             "sql_uncached": uncached, "status": status}
        )  # fmt: skip
    for who in sessions:  # the "signed in, page cache on" block
        for name, url in pages:
            if name in SIGNED_IN:
                signed, status = count(url, who)
                rows.append(
                    {"name": name, "url": url, "who": who, "signed_in": True, "sql": signed,
                     "sql_uncached": signed, "status": status}
                )  # fmt: skip

    # Where an uncached page's time goes (in process, page cache off): ms and a profile.
    from bench.profiles import profile_pages, uncached_pages

    profiles = profile_pages(uncached_pages(), repeat=10)

    backend = DatabaseBackend()
    search = []
    with translation.override("fr"):
        for query in SEARCH_QUERIES:
            backend.search(query, Filters())
            timings = []
            for _ in range(15):
                started = time.perf_counter()
                backend.search(query, Filters(), per_page=6)
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            search.append(
                {"query": query, "p50_ms": statistics.median(timings),
                 "p95_ms": timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]}
            )  # fmt: skip
    counts = {
        "products": public_products().count(),
        "profiles": Profile.objects.public().count(),
    }
    print("PROBE " + json.dumps({"pages": rows, "sessions": sessions,
                                 "cookie": settings.SESSION_COOKIE_NAME, "search": search,
                                 "counts": counts, "profiles": profiles}))  # fmt: skip


# ---------------------------------------------------------------------- load
def load_wrk(url, duration, cookie):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "30s", "-s",
               script.name, url]  # fmt: skip
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    match = re.search(r"BENCH (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", output)
    requests, micros, size, p50, p95, errors = (int(v) for v in match.groups())
    return {
        "rps": requests / (micros / 1e6),
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "bytes": size // max(requests, 1),
        "errors": errors,
        "requests": requests,
    }


def load_python(url, duration, cookie):
    """A fallback load generator: 16 threads, one keep-alive connection each."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies, sizes, errors = [], [], [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + duration

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        headers = {"Cookie": cookie} if cookie else {}
        mine, my_sizes = [], []
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                body = response.read()
                if response.status != 200:
                    errors[0] += 1
            except OSError:
                errors[0] += 1
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            mine.append((time.perf_counter() - started) * 1000)
            my_sizes.append(len(body))
        with lock:
            latencies.extend(mine)
            sizes.extend(my_sizes)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    n = len(latencies) or 1
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) if latencies else 0,
        "p95_ms": latencies[min(n - 1, round(0.95 * (n - 1)))] if latencies else 0,
        "bytes": (sum(sizes) // len(sizes)) if sizes else 0,
        "errors": errors[0],
        "requests": len(latencies),
    }


def worker_pids(master):
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == master:
            pids.append(int(entry.name))
    return pids


def peak_memory_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def machine():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = 0
    try:
        memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    except (OSError, ValueError):
        pass
    return f"{os.cpu_count()} CPU ({cpu}), {memory} GB RAM, Python {sys.version.split()[0]}"


def start_gunicorn(env):
    process = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "config.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    wait_for_port(PORT)
    return process


def cookie_of(row, data):
    """The session cookie of a signed-in row (a client or a creator), "" for anonymous."""
    session = data["sessions"].get(row.get("who", "anonymous")) if row["signed_in"] else None
    return f"{data['cookie']}={session}" if session else ""


def warm(base, row, data, times=4):
    for _ in range(times):
        request = urllib.request.Request(base + row["url"])
        if cookie_of(row, data):
            request.add_header("Cookie", cookie_of(row, data))
        urllib.request.urlopen(request, timeout=120).read()


def measure(load, base, row, data, duration, signed_in):
    cookie = cookie_of(row, data) if signed_in else ""
    result = load(base + row["url"], duration, cookie)
    who = row.get("who", "signed in") if signed_in else "anonymous"
    print(f"  {row['name']:<14} {who:<9} {result['rps']:8.1f} req/s")
    # Signed-in rows went through full rendering until the page cache served them (issue 22):
    # "uncached" says whether a row was measured with the page cache off.
    return {**row, **result, "uncached": False}


# ---------------------------------------------------------------------- main
def main():
    args, rest = parse_args()
    if args.probe:
        return probe()
    if args.inprocess:
        # Deferred: the in-process run sets Django up its own way.
        from bench import inprocess

        return inprocess.main(rest)

    started = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    redis, redis_url = start_redis()
    gunicorn = None
    try:
        env = server_env(args, redis_url)
        ensure_database(env["DATABASE_URL"], args.fresh)
        print("Migrating…")
        manage(env, "migrate", "--no-input", "-v0")
        print("Demo data (seed_demo)…")
        manage(env, "seed_demo", quiet=True)
        print("Scale data (seed_scale)…")
        seed_seconds = manage(
            env, "seed_scale", f"--products={args.products}", f"--profiles={args.profiles}",
            f"--news={args.news}", f"--contacts={args.contacts}",
        )  # fmt: skip
        print("Rebuilding the search data…")
        rebuild_seconds = manage(env, "search_index", "--rebuild", quiet=True)
        manage(env, "collectstatic", "--no-input", "-v0")

        print("Counting SQL queries per page (test client)…")
        output = subprocess.run(
            [PYTHON, "-m", "bench.run", "--probe"],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        data = json.loads(output.split("PROBE ", 1)[1])

        gunicorn = start_gunicorn(env)
        base = f"http://127.0.0.1:{PORT}"
        for row in data["pages"]:  # warm every worker once (templates, connections)
            warm(base, row, data)

        use_wrk = shutil.which("wrk") and not args.python_load
        load = load_wrk if use_wrk else load_python
        tool = "wrk" if use_wrk else "Python client"
        print(
            f"\nLoad: {tool}, {CONNECTIONS} connections, {args.duration} s per URL; "
            f"gunicorn 2 workers; PostgreSQL; cache {'Redis' if redis_url else 'local memory'}"
        )
        results = []
        for row in data["pages"]:
            warm(base, row, data)  # the page cache keeps pages PAGE_CACHE_SECONDS only
            results.append(measure(load, base, row, data, args.duration, row["signed_in"]))
        workers = worker_pids(gunicorn.pid)
        memory = max((peak_memory_mb(pid) for pid in workers), default=0.0)
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)

        # The same pages anonymous with the page cache off: the cost of a cache miss.
        gunicorn = start_gunicorn({**env, "PAGE_CACHE_ENABLED": "False"})
        for row in data["pages"]:
            if row["name"] in UNCACHED_TOO and not row["signed_in"]:
                warm(base, row, data)
                result = measure(load, base, row, data, args.duration, False)
                results.append({**result, "uncached": True, "sql": row["sql_uncached"]})
        workers = worker_pids(gunicorn.pid)
        memory = max([memory, *(peak_memory_mb(pid) for pid in workers)])
    finally:
        if gunicorn:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        if redis:
            redis.terminate()
            redis.wait(timeout=10)

    reference = next(r for r in results if r["name"] == "robots.txt")
    print(f"\nMachine: {machine()}")
    print(
        f"Data: {data['counts']['products']} public products, "
        f"{data['counts']['profiles']} public profiles"
    )
    header = (
        f"{'page':<14} {'who':<9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'SQL':>4} "
        f"{'SQL nc':>6} {'bytes':>8} {'vs robots':>9} {'err':>4}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        r["ratio"] = r["rps"] / reference["rps"] if reference["rps"] else 0
        who = (
            r.get("who", "signed in")
            if r["signed_in"]
            else ("anon, nc" if r["uncached"] else "anon")
        )
        print(
            f"{r['name']:<14} {who:<9} {r['rps']:>8.1f} "
            f"{r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['sql']:>4} {r['sql_uncached']:>6} "
            f"{r['bytes']:>8} {r['ratio']:>8.0%} {r['errors']:>4}"
        )
    print(
        "(anon: anonymous with the page cache on; client, creator: signed in as a client or a "
        "creator, page cache on; anon, nc: page cache off; SQL: queries per request as served, "
        "warm; SQL nc: with the page cache off; err: non-2xx or timeouts)"
    )
    print("\nUncached pages in process (page cache off, test client): p50 / p95 ms, SQL")
    for name, profile in data["profiles"].items():
        print(
            f"  {name:<20} {profile['p50_ms']:7.1f} {profile['p95_ms']:7.1f} {profile['sql']:4d}"
            f"  {profile['url']}"
        )
    print(f"\nPeak worker memory (VmHWM): {memory:.0f} MB")
    print(f"seed_scale: {seed_seconds:.0f} s; search data rebuild: {rebuild_seconds:.1f} s")
    print("Database search backend, in process (PostgreSQL):")
    for s in data["search"]:
        print(f"  {s['query']:<16} p50 {s['p50_ms']:7.1f} ms   p95 {s['p95_ms']:7.1f} ms")

    report = {
        "commit": commit_id(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "tool": tool,
        "connections": CONNECTIONS,
        "duration_s": args.duration,
        "cache": "redis" if redis_url else "locmem",
        "counts": data["counts"],
        "pages": results,
        "peak_worker_memory_mb": round(memory, 1),
        "seed_scale_s": round(seed_seconds, 1),
        "search_rebuild_s": round(rebuild_seconds, 1),
        "search": data["search"],
        # In-process timings and pyinstrument profiles of the uncached pages (bench/profiles.py).
        "profiles": data["profiles"],
    }
    out = ROOT / ".bench" / f"{report['commit']}-{args.products}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nWritten to {out.relative_to(ROOT)}; total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
