"""Where an uncached page's time goes: in-process timings and pyinstrument profiles.

``make bench`` calls ``profile_pages`` from its probe (the production settings, the bench
database) and records the result in its JSON under ``"profiles"``. On its own, against the
database ``make bench`` built (same settings as the probe):

    python -m bench.profiles [--products 10000] [--repeat 30] [--show]

Each page is requested with the page cache off (``PAGE_CACHE_ENABLED=False``) through
Django's test client, anonymous (the "new query" search rows also keep no ranked results
between requests, ``SEARCH_RESULTS_SECONDS=0``, so each request ranks and counts again):
a few warm-up requests (templates compiled, fragment cache filled as it is in production),
then ``repeat`` timed requests (p50 and p95 in ms), then ``repeat`` more under
pyinstrument, whose call tree (fast frames hidden) and functions by own time are kept.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def profile_pages(pages, repeat=20, warmup=3, text=True):
    """``pages``: ``[(name, url)]``. Answers ``{name: {"url", "p50_ms", "p95_ms", "sql",
    "profile", "top_functions"}}``: pyinstrument's call tree and its functions by own time,
    or "" when it is not installed."""
    # Deferred: Django is set up by the caller (the bench probe or main()).
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    try:
        # Deferred: a development tool (requirements-dev.txt), optional here.
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None

    out = {}
    for name, url in pages:
        # "new query": a search whose ranked ids and facet counts are not kept yet.
        seconds = 0 if "new query" in name else 300
        with override_settings(PAGE_CACHE_ENABLED=False, SEARCH_RESULTS_SECONDS=seconds):
            client = Client()
            for _ in range(warmup):
                client.get(url, secure=True)
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get(url, secure=True)
                timings.append((time.perf_counter() - started) * 1000)
            queries = []  # counted by a wrapper: CaptureQueriesContext's log is bounded

            def counted(execute, sql, params, many, context, queries=queries):
                queries.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(counted):
                client.get(url, secure=True)
            report, top = "", []
            if Profiler is not None and text:
                profiler = Profiler(interval=0.0005)
                profiler.start()
                for _ in range(repeat):
                    client.get(url, secure=True)
                profiler.stop()
                report = profiler.output_text(unicode=False, color=False, show_all=False)
                # The functions where the time is spent (self time), whichever called them.
                top = profiler.output_text(flat=True, show_all=True).splitlines()[:45]
            out[name] = {
                "url": url,
                "status": response.status_code,
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(_percentile(timings, 0.95), 1),
                "sql": len(queries),
                "profile": report,
                "top_functions": "\n".join(top),
            }
    return out


def uncached_pages():
    """The pages whose cache misses issue 22 measures: home, catalogue, product, search."""
    # Deferred: Django is set up by the caller.
    from django.utils import translation

    from shop.catalogue.queries import public_products

    with translation.override("fr"):
        product = public_products().filter(slug__startswith="scale-").order_by("pk").first()
        product = product or public_products().order_by("pk").first()
        return [
            ("home", "/fr/"),
            ("catalogue", "/fr/shop/catalogue/"),
            ("catalogue by price", "/fr/shop/catalogue/?sort_by=price-asc"),
            ("catalogue by rating", "/fr/shop/catalogue/?sort_by=rating"),
            ("product", product.get_absolute_url()),
            ("search", "/fr/search/?q=son"),
            ("search, new query", "/fr/search/?q=son"),
            ("search facets", "/fr/search/?q=son&province=nador&type=products"),
            ("search facets, new query", "/fr/search/?q=son&province=nador&type=products"),
        ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--show", action="store_true", help="print the profiles too")
    parser.add_argument("--only", default="", help="comma-separated page names")
    args = parser.parse_args()

    # Deferred: the bench's environment, then Django, at run time.
    from bench.env import server_env

    env = server_env(args, os.environ.get("REDIS_URL", ""))
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    pages = uncached_pages()
    if args.only:
        wanted = set(args.only.split(","))
        pages = [page for page in pages if page[0] in wanted]
    for name, result in profile_pages(pages, repeat=args.repeat, text=args.show).items():
        print(
            f"{name:<20} {result['p50_ms']:7.1f} ms p50 {result['p95_ms']:7.1f} ms p95 "
            f"{result['sql']:3d} SQL  {result['url']}"
        )
        if args.show:
            print(result["profile"])


if __name__ == "__main__":
    main()
