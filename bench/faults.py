"""Faults survived under load: ``make faults`` (a script that reports, not a timed test).

Everything runs on 127.0.0.1 and is private to this script:

1. A throwaway PostgreSQL cluster of its own (``initdb`` under ``/tmp/takafamap-faults/pg``,
   port 5439; run as the ``postgres`` user when started as root), kept between runs
   (``--fresh`` rebuilds it): migrated and filled with ``seed_demo`` once, plus a creator with
   a product always in stock and an event open for registration.
2. A private Redis (port 6390), gunicorn with the production settings (2 workers, port
   8023, ``TASKS_BACKEND=database``, Prometheus multi-process files) and one ``db_worker``.
3. Load: 8 reader threads over cached and uncached pages (home, catalogue, product, search,
   directory) and 2 writer threads that place guest orders through the checkout (basket,
   details, payment method, placement) and register for the event, each submission with its
   own email address.
4. Faults, one after the other, each with the load running: Redis stopped then started
   again; search pointed at a closed port (``ELASTICSEARCH_URL``; gunicorn restarted with it);
   PostgreSQL restarted (``pg_ctl restart -m fast``); the task queue filled with 3,000 tasks.
5. Report, per fault: requests, client errors (5xx, connection failures) during the fault and
   after the service came back, the time from the service's return to the last error, and, at
   the end, for every order and registration submitted: lost (the client saw success, the
   database has nothing) or doubled (two rows for one submission).

Options: ``--fresh`` (new cluster), ``--seconds`` (length of each fault, default 10).
Prints a Markdown table and writes it as JSON to ``.bench/faults-<commit>.json``.
"""

import argparse
import http.client
import itertools
import json
import os
import random
import shutil
import signal
import string
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from bench.run import PYTHON, ROOT, machine, wait_for_port

WORK = Path("/tmp/takafamap-faults")
PG_PORT = 5439
REDIS_PORT = 6390
PORT = 8023
CLOSED_PORT = 9299  # nothing listens there: the "search cluster" that never answers
DATABASE_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/takafamap_faults"
METRICS_TOKEN = "faults-only-metrics-token-0123456789"
READERS = 8
WRITERS = 2
QUEUE_FILL = 3000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="rebuild the private cluster")
    parser.add_argument("--seconds", type=int, default=10, help="length of each fault")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count", help=argparse.SUPPRESS)
    parser.add_argument("--fill", type=int, default=0, help=argparse.SUPPRESS)
    return parser.parse_args()


# ---------------------------------------------------------------------- services
def pg_bin(name):
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: a private PostgreSQL cluster cannot be made here")
    return found


def as_postgres(command):
    """PostgreSQL refuses to run as root: run its tools as the ``postgres`` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def pg_ctl(*args):
    data = str(WORK / "pg")
    options = f"-p {PG_PORT} -k {WORK} -c listen_addresses=127.0.0.1"
    command = [pg_bin("pg_ctl"), "-D", data, "-o", options, "-l", str(WORK / "pg.log"), "-w"]
    subprocess.run(as_postgres([*command, *args]), check=True, stdout=subprocess.DEVNULL)


def start_postgres(fresh):
    WORK.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(WORK, "postgres")
    if fresh and (WORK / "pg").exists():
        subprocess.run(
            as_postgres([pg_bin("pg_ctl"), "-D", str(WORK / "pg"), "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(WORK / "pg")
    new = not (WORK / "pg").exists()
    if new:
        subprocess.run(
            as_postgres(
                [
                    pg_bin("initdb"),
                    "-D",
                    str(WORK / "pg"),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    status = subprocess.run(
        as_postgres([pg_bin("pg_ctl"), "-D", str(WORK / "pg"), "status"]), capture_output=True
    )
    if status.returncode != 0:
        pg_ctl("start")
    wait_for_port(PG_PORT)
    import psycopg  # Deferred: only this script needs the driver at this point.

    with psycopg.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname='takafamap_faults'"
        ).fetchone():
            conn.execute("CREATE DATABASE takafamap_faults")
            new = True
    return new


def start_redis():
    binary = shutil.which("redis-server")
    if not binary:
        raise SystemExit("redis-server is not installed")
    process = subprocess.Popen(
        [
            binary,
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(REDIS_PORT)
    return process


def server_env(search_down=False):
    env = dict(os.environ)
    multiproc = WORK / "prometheus"
    multiproc.mkdir(exist_ok=True)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "faults-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "False",
            "STATIC_ROOT": str(WORK / "static"),
            "MEDIA_ROOT": str(WORK / "media"),
            "PRIVATE_MEDIA_ROOT": str(WORK / "private-media"),
            "TASKS_BACKEND": "database",
            "EMAIL_URL": "dummymail://",  # sent by the worker to nowhere
            "METRICS_TOKEN": METRICS_TOKEN,
            "PROMETHEUS_MULTIPROC_DIR": str(multiproc),
            "LOG_LEVEL": "ERROR",
            "RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP",
            "PYTHONWARNINGS": "ignore",
        }
    )
    for name in ("ELASTICSEARCH_URL", "SENTRY_DSN", "ADMINS"):
        env.pop(name, None)
    if search_down:
        env["ELASTICSEARCH_URL"] = f"http://127.0.0.1:{CLOSED_PORT}"
    return env


def manage(env, *command):
    subprocess.run(
        [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def commit_id():
    result = subprocess.run(
        ["git", "rev-parse", "--short=12", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "unknown"


def start_gunicorn(env):
    log = (WORK / "gunicorn.log").open("a")  # the server's own log lines (JSON), for reading
    process = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--timeout",
            "30",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    wait_for_port(PORT)
    return process


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Worker:
    """``manage.py db_worker``, restarted a second after it exits, as systemd's
    ``Restart=always`` does in production (docs/deploy.md)."""

    def __init__(self, env):
        self.env = env
        self.restarts = 0
        self.stopping = threading.Event()
        self.process = self._start()
        self.thread = threading.Thread(target=self._supervise, daemon=True)
        self.thread.start()

    def _start(self):
        return subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def _supervise(self):
        while not self.stopping.wait(1):
            if self.process.poll() is not None:
                self.restarts += 1
                self.process = self._start()

    def stop(self):
        self.stopping.set()
        self.thread.join(5)
        stop(self.process)


def django_json(env, flag, *extra):
    output = subprocess.run(
        [PYTHON, "-m", "bench.faults", flag, *extra],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# ---------------------------------------------------------------------- in Django (subprocess)
def _setup_django():
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()


def probe():
    """The shop and event the writers use (made once), and the URLs, as JSON."""
    _setup_django()
    from decimal import Decimal

    from django.urls import reverse
    from django.utils import translation

    from cms.models import EventPage
    from directory.models import Profile, Province, Sector
    from shop.partner.models import Partner
    from tests.factories import PartnerFactory, ProductFactory, ProfileFactory
    from tests.factories.pages import event_page

    partner = Partner.objects.filter(slug="faults-shop").first()
    if partner is None:
        hub = ProfileFactory(kind=Profile.Kind.HUB, name="Hub faults", user=None)
        partner = PartnerFactory(name="Faults shop", slug="faults-shop")
        partner.pickup_hub = hub
        partner.save()
        ProductFactory(
            kind="physical",
            partner=partner,
            price=Decimal("100.00"),
            num_in_stock=10_000_000,
            title="Faults product",
        )
    product = partner.stockrecords.get().product
    event = EventPage.objects.filter(slug="faults-event").first()
    if event is None:
        event = event_page(
            slug="faults-event", title="Faults event", registration_open=True, capacity=10_000_000
        )
    with translation.override("fr"):
        urls = {
            name: reverse(f"checkout:{name}")
            for name in ("index", "shipping-address", "payment-method", "preview", "thank-you")
        }
        product_url = product.get_absolute_url()
    print(
        json.dumps(
            {
                "product": product.pk,
                "product_url": product_url,
                "partner": partner.pk,
                "province": Province.objects.get(slug="berkane").pk,
                "sector": Sector.objects.get(slug="son").pk,
                "register": event.url + "register/",
                "checkout": urls,
            }
        )
    )


def count(keys_file):
    """Rows per submitted email address: orders (guest email) and registrations."""
    _setup_django()
    from django.db.models import Count

    from shop.order.models import Order
    from youth.models import Registration

    keys = json.loads(Path(keys_file).read_text())
    orders = dict(
        Order.objects.filter(guest_email__in=keys["order"])
        .values_list("guest_email")
        .annotate(n=Count("id"))
    )
    registrations = dict(
        Registration.objects.filter(contact__email__in=keys["registration"])
        .values_list("contact__email")
        .annotate(n=Count("id"))
    )
    print(json.dumps({"order": orders, "registration": registrations}))


def fill(number):
    """``number`` tasks ready to run (e-mail tasks with nothing to send)."""
    _setup_django()
    from core.mail import send_emails

    started = time.perf_counter()
    for _ in range(number):
        send_emails.enqueue([])
    print(json.dumps({"seconds": time.perf_counter() - started}))


# ---------------------------------------------------------------------- HTTP clients
class Browser:
    """One visitor: cookies kept by hand (production cookies are Secure, this is plain HTTP)."""

    def __init__(self):
        self.cookies = {"csrftoken": "".join(random.choices(string.ascii_letters, k=32))}
        self.conn = None
        # Each visitor has its own address for the rate limits (RATELIMIT_IP_META_KEY below),
        # as behind nginx; otherwise every submission would share 127.0.0.1's count.
        self.address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(256)}"

    def request(self, method, path, data=None):
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "X-CSRFToken": self.cookies["csrftoken"],
            "X-Real-IP": self.address,
        }
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):  # a kept-alive connection the server closed: once more
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.conn.close()
                self.conn = None
                if attempt == 2 or method == "POST":
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response


class Recorder:
    def __init__(self):
        self.events = []  # (time, kind, ok, what failed)
        self.lock = threading.Lock()
        self.submissions = []  # (kind, email, outcome)

    def note(self, kind, ok, what=""):
        with self.lock:
            self.events.append((time.monotonic(), kind, ok, what))


def reader(stop_at, recorder, paths):
    browser = Browser()
    browser.cookies.clear()
    browser.cookies["csrftoken"] = "x" * 32
    while not stop_at.is_set():
        path = random.choice(paths)
        try:
            status = browser.request("GET", path).status
            recorder.note("read", status < 500, f"GET {path.split('?')[0]} {status}")
        except OSError as error:
            browser.conn = None
            recorder.note("read", False, f"GET {path.split('?')[0]} {type(error).__name__}")
            time.sleep(0.05)


_numbers = itertools.count(1)


def checkout(data, run_id, recorder):
    email = f"faults-{run_id}-{next(_numbers)}@example.org"
    browser = Browser()
    urls = data["checkout"]
    steps = [
        ("POST", f"/fr/shop/basket/add/{data['product']}/", {"quantity": 1}),
        ("POST", urls["index"], {"username": email, "options": "anonymous"}),
        (
            "POST",
            urls["shipping-address"],
            {
                "first_name": "Nadia",
                "last_name": "Faults",
                "phone": "06 12 34 56 78",
                f"fulfilment_{data['partner']}": "hub_pickup",
                "province": data["province"],
                "city": "Oujda",
                "line1": "1 rue des essais",
            },
        ),
        ("POST", urls["payment-method"], {"method": random.choice(["cash", "bank_transfer"])}),
    ]
    outcome = "refused"
    try:
        for method, path, form in steps:
            response = browser.request(method, path, form)
            recorder.note("write", response.status < 500, f"POST {path} {response.status}")
            if response.status != 302:
                recorder.submissions.append(("order", email, f"refused at {path}"))
                return
        response = browser.request("POST", urls["preview"], {"action": "place_order"})
        recorder.note("write", response.status < 500, f"POST place order {response.status}")
        location = response.headers.get("Location", "")
        outcome = (
            "placed"
            if response.status == 302 and urls["thank-you"] in location
            else (f"refused {response.status}")
        )
    except OSError as error:
        recorder.note("write", False, f"POST checkout {type(error).__name__}")
        outcome = "no answer"
    recorder.submissions.append(("order", email, outcome))


def register(data, run_id, recorder):
    number = next(_numbers)
    email = f"faults-{run_id}-{number}@example.org"
    browser = Browser()
    form = {
        "first_name": "Hajar",
        "last_name": "Faults",
        "birth_year": "2004",
        "gender": "female",
        "province": data["province"],
        "city": "Berkane",
        "phone": f"06{run_id[-4:]}{number:04d}",  # unique, across runs too
        "email": email,
        "interests": [data["sector"]],
        "heard_from": "social",
        "consent": "on",
        "website": "",
    }
    try:
        response = browser.request("POST", data["register"], form)
        recorder.note("write", response.status < 500, f"POST register {response.status}")
        outcome = "registered" if response.status == 302 else f"refused {response.status}"
    except OSError as error:
        recorder.note("write", False, f"POST register {type(error).__name__}")
        outcome = "no answer"
    recorder.submissions.append(("registration", email, outcome))


def writer(stop_at, recorder, data, run_id):
    while not stop_at.is_set():
        (checkout if random.random() < 0.6 else register)(data, run_id, recorder)
        time.sleep(0.2)


class Load:
    def __init__(self, recorder, data, run_id):
        self.stop_at = threading.Event()
        paths = [
            "/fr/",
            "/fr/shop/catalogue/",
            data["product_url"],
            "/fr/search/?q=son",
            "/fr/search/?q=lampe&type=products",
            "/fr/directory/",
            "/robots.txt",
        ]
        self.threads = [
            threading.Thread(target=reader, args=(self.stop_at, recorder, paths))
            for _ in range(READERS)
        ]
        self.threads += [
            threading.Thread(target=writer, args=(self.stop_at, recorder, data, run_id))
            for _ in range(WRITERS)
        ]
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stop_at.set()
        for thread in self.threads:
            thread.join(60)


# ---------------------------------------------------------------------- faults
def window(recorder, start, end):
    events = [e for e in recorder.events if start <= e[0] < end]
    return len(events), sum(1 for e in events if not e[2])


def causes(recorder, start, end, limit=4):
    """The most frequent failures between ``start`` and ``end``: "what ×count"."""
    counts = {}
    for _time, _kind, ok, what in recorder.events:
        if start <= _time < end and not ok:
            counts[what] = counts.get(what, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])[:limit]
    return ", ".join(f"{what} ×{n}" for what, n in ranked)


def ops_ready():
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    try:
        conn.request("GET", "/ops/ready", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
        response = conn.getresponse()
        return json.loads(response.read()).get("status", "?")
    except (OSError, ValueError):
        return "no answer"


def queue_depth():
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    conn.request("GET", "/ops/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    for line in conn.getresponse().read().decode().splitlines():
        if line.startswith("takafamap_task_queue_depth "):
            return float(line.split()[1])
    return None


def run_fault(name, recorder, fault, restore, seconds, settle=15):
    """Load before (3 s), the fault for ``seconds``, then the service back and ``settle``
    seconds to recover. Returns the row of the report."""
    time.sleep(3)
    began = time.monotonic()
    fault()
    time.sleep(min(2, seconds))
    state = ops_ready()
    time.sleep(max(0, seconds - 2))
    back = time.monotonic()
    restore()
    restored = time.monotonic()
    time.sleep(settle)
    ended = time.monotonic()
    during, during_errors = window(recorder, began, restored)
    after, after_errors = window(recorder, restored, ended)
    last_error = max(
        (e[0] for e in recorder.events if began <= e[0] < ended and not e[2]), default=None
    )
    recovery = max(0.0, last_error - back) if last_error and last_error >= back else 0.0
    print(
        f"  {name}: {during_errors}/{during} errors during, {after_errors}/{after} after, "
        f"recovered in {recovery:.1f} s, /ops/ready said {state}"
    )
    for label, start, end in (("during", began, restored), ("after", restored, ended)):
        if causes(recorder, start, end):
            print(f"    {label}: {causes(recorder, start, end)}")
    return {
        "causes_during": causes(recorder, began, restored),
        "causes_after": causes(recorder, restored, ended),
        "fault": name,
        "requests_during": during,
        "errors_during": during_errors,
        "requests_after": after,
        "errors_after": after_errors,
        "recovery_s": round(recovery, 1),
        "ready_during": state,
    }


def main():
    args = parse_args()
    if args.probe:
        return probe()
    if args.count:
        return count(args.count)
    if args.fill:
        return fill(args.fill)
    started = time.monotonic()
    print("Private PostgreSQL cluster on port", PG_PORT)
    new = start_postgres(args.fresh)
    env = server_env()
    if new or not (WORK / "seeded").exists():
        print("Migrating and loading the demo data (once per cluster)…")
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "seed_demo")
        (WORK / "seeded").touch()
    if not (WORK / "static" / "staticfiles.json").exists():
        manage(env, "collectstatic", "--no-input", "-v0")
    shutil.rmtree(WORK / "prometheus", ignore_errors=True)
    env = server_env()
    data = django_json(env, "--probe")
    redis = start_redis()
    server = start_gunicorn(env)
    worker = Worker(env)
    recorder = Recorder()
    run_id = f"{int(time.time())}"
    rows = []
    processes = {"redis": redis, "server": server}
    try:
        print("Load: warming up")
        load = Load(recorder, data, run_id)
        time.sleep(5)

        def redis_down():
            stop(processes["redis"])

        def redis_up():
            processes["redis"] = start_redis()

        rows.append(
            run_fault("Redis stopped, then started", recorder, redis_down, redis_up, args.seconds)
        )

        # Search: gunicorn restarted with ELASTICSEARCH_URL on a closed port. The load pauses
        # while the server restarts, so only requests to the reconfigured server count.
        load.stop()
        stop(processes["server"])
        processes["server"] = start_gunicorn(server_env(search_down=True))
        load = Load(recorder, data, run_id)
        began = time.monotonic()
        time.sleep(args.seconds + 5)
        state = ops_ready()
        ended = time.monotonic()
        load.stop()
        requests, errors = window(recorder, began, ended)
        if errors:
            print(f"    {causes(recorder, began, ended)}")
        print(f"  search unreachable: {errors}/{requests} errors, /ops/ready said {state}")
        rows.append(
            {
                "fault": "Search unreachable (closed port)",
                "requests_during": requests,
                "errors_during": errors,
                "requests_after": 0,
                "errors_after": 0,
                "recovery_s": 0.0,
                "ready_during": state,
                "causes_during": causes(recorder, began, ended),
            }
        )
        stop(processes["server"])
        processes["server"] = start_gunicorn(env)
        load = Load(recorder, data, run_id)
        time.sleep(3)

        rows.append(
            run_fault(
                "PostgreSQL restarted",
                recorder,
                lambda: pg_ctl("stop", "-m", "fast"),
                lambda: pg_ctl("start"),
                args.seconds,
            )
        )

        filled = {}

        def fill_queue():
            filled["before"] = queue_depth() or 0
            filled.update(django_json(env, "--fill", str(QUEUE_FILL)))
            filled["depth"] = queue_depth()

        def drained():
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                depth = queue_depth()
                if depth is not None and depth <= filled["before"] + WRITERS * 2:
                    filled["drain_s"] = round(time.monotonic() - filled["at"], 1)
                    return
                time.sleep(1)
            filled["drain_s"] = None

        def fault():
            fill_queue()
            filled["at"] = time.monotonic()

        row = run_fault(
            f"Task queue filled ({QUEUE_FILL:,} tasks)", recorder, fault, drained, 0, settle=5
        )
        row["queue_drained_s"] = filled.get("drain_s")
        row["recovery_s"] = filled.get("drain_s")  # recovered = the queue back to normal
        row["queue_depth"] = filled.get("depth")
        rows.append(row)
        load.stop()
    finally:
        worker.stop()
        for process in (processes["server"], processes["redis"]):
            stop(process)

    # Let the worker send what the orders enqueued, then count every submission.
    keys = {"order": [], "registration": []}
    for kind, email, _outcome in recorder.submissions:
        keys[kind].append(email)
    keys_file = WORK / "submitted.json"
    keys_file.write_text(json.dumps(keys))
    rows_by_email = django_json(env, "--count", str(keys_file))
    integrity = {}
    for kind, email, outcome in recorder.submissions:
        stats = integrity.setdefault(
            kind,
            {
                "submitted": 0,
                "succeeded": 0,
                "refused": 0,
                "lost": 0,
                "doubled": 0,
                "saved_unseen": 0,
            },
        )
        stored = rows_by_email[kind].get(email, 0)
        ok = outcome in ("placed", "registered")
        stats["submitted"] += 1
        stats["succeeded" if ok else "refused"] += 1
        stats["lost"] += ok and stored == 0
        stats["doubled"] += stored > 1
        stats["saved_unseen"] += (not ok) and stored == 1
    pg_ctl("stop", "-m", "fast")
    report(rows, integrity, worker.restarts, time.monotonic() - started)


def report(rows, integrity, worker_restarts, seconds):
    print()
    print(
        "| fault | requests during | client errors during | requests after | errors after "
        "| recovered in | /ops/ready during |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for row in rows:
        extra = ""
        if "queue_drained_s" in row:
            drained = row["queue_drained_s"]
            extra = (
                f" (queue {row['queue_depth']:.0f} deep, drained in {drained} s)"
                if drained is not None
                else " (queue not drained in 120 s)"
            )
        print(
            f"| {row['fault']}{extra} | {row['requests_during']:,} | {row['errors_during']} | "
            f"{row['requests_after']:,} | {row['errors_after']} | {row['recovery_s']} s | "
            f"{row['ready_during']} |"
        )
    print()
    print(
        "| submissions | submitted | succeeded | refused (client told) | lost | doubled "
        "| saved but the client saw an error |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind, stats in integrity.items():
        print(
            f"| {kind} | {stats['submitted']} | {stats['succeeded']} | {stats['refused']} | "
            f"{stats['lost']} | {stats['doubled']} | {stats['saved_unseen']} |"
        )
    print()
    for row in rows:
        if row.get("causes_during") or row.get("causes_after"):
            print(
                f"- {row['fault']}: during {row.get('causes_during') or 'none'}; "
                f"after {row.get('causes_after') or 'none'}"
            )
    print(f"\nThe task worker exited and was restarted {worker_restarts} time(s).")
    print(f"{machine()}; total {seconds:.0f} s")
    out = ROOT / ".bench" / f"faults-{commit_id()}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps(
            {"faults": rows, "integrity": integrity, "worker_restarts": worker_restarts},
            indent=2,
        )
    )
    print(f"Written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
