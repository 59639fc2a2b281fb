"""Error reports: a failing view gives one scrubbed Sentry event, or (without a DSN) one
e-mail to ADMINS through the task queue, a handful at most during an outage."""

import gzip
import json
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sentry_sdk
from django.core import mail
from django.core.cache import cache

from core import errors
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.integration.ops.urls")]

NAME = "Salma Benaissa"
EMAIL = "salma.benaissa@example.ma"
PHONE = "06 12 34 56 78"
FORBIDDEN = [
    "salma",
    "benaissa",
    "example.ma",
    "0612345678",
    "06 12 34 56 78",
    "661234567",
    "6 61 23 45 67",
]


class _Collector(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        self.server.envelopes.append(body.decode("utf-8"))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_standin(settings):
    """A local stand-in for Sentry's ingestion, and the SDK pointed at it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    server.envelopes = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    dsn = f"http://publickey@127.0.0.1:{server.server_port}/1"
    settings.SENTRY_DSN = dsn
    errors.init_sentry(dsn, "test", release_name="0123abcd")
    yield server.envelopes
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: the SDK does nothing for the next tests
    server.shutdown()


def _fail(client):
    if "sessionid" not in client.cookies:
        client.force_login(UserFactory(first_name="Salma", last_name="Benaissa", email=EMAIL))
    client.raise_request_exception = False
    return client.post(
        "/ops-tests/fail/",
        {"name": NAME, "email": EMAIL, "phone": PHONE, "quantity": "2"},
        HTTP_X_REQUEST_ID="req-abc-123",
    )


def _events(envelopes):
    events = []
    for envelope in envelopes:
        lines = envelope.split("\n")
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if json.loads(header).get("type") == "event":
                events.append(json.loads(payload))
    return events


def test_a_failing_view_sends_one_scrubbed_event(client, sentry_standin):
    response = _fail(client)
    sentry_sdk.flush(timeout=10)

    assert response.status_code == 500
    assert response["X-Request-ID"] == "req-abc-123"
    events = _events(sentry_standin)
    assert len(events) == 1
    event = events[0]
    assert event["exception"]["values"][-1]["type"] == "CheckoutFailed"
    assert event["release"] == "0123abcd"
    assert event["environment"] == "test"
    assert event["tags"]["request_id"] == "req-abc-123"
    assert event["tags"]["user_kind"] == "client"
    assert "user" not in event
    assert "data" not in event.get("request", {})
    assert "cookies" not in event.get("request", {})
    everything = "\n".join(sentry_standin).lower()
    for text in FORBIDDEN:
        assert text not in everything, text
    assert client.cookies["sessionid"].value not in everything
    # What is left still says what happened.
    assert "could not place the order of [personal]" in everything


def test_no_admin_email_when_sentry_is_on(client, sentry_standin, settings):
    settings.ADMINS = [("Ops", "ops@takafamap.ma")]
    _fail(client)
    sentry_sdk.flush(timeout=10)

    assert mail.outbox == []


@pytest.fixture
def admins(settings):
    settings.SENTRY_DSN = ""
    settings.ADMINS = [("Ops", "ops@takafamap.ma")]
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"  # as in production
    settings.TASK_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()


def test_without_a_dsn_a_server_error_emails_the_admins_through_the_queue(client, admins):
    response = _fail(client)

    assert response.status_code == 500
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ops@takafamap.ma"]
    assert "ops-tests-fail" in message.subject
    assert "CheckoutFailed" in message.subject
    assert "req-abc-123" in message.body
    assert "Traceback" in message.body
    text = (message.subject + message.body).lower()
    for forbidden in FORBIDDEN:
        assert forbidden not in text, forbidden


def test_an_outage_sends_a_handful_of_emails_not_one_per_error(client, admins, settings):
    settings.ADMIN_ERROR_EMAILS = (5, 600)
    for _ in range(40):
        _fail(client)

    assert len(mail.outbox) == 5


def test_the_next_window_says_how_many_errors_were_held_back(client, admins, settings):
    settings.ADMIN_ERROR_EMAILS = (2, 600)
    window = int(errors.time.time() // 600)
    cache.set(errors.WINDOW_KEY.format(window - 1), 9, 1200)  # 9 errors, 2 e-mailed

    _fail(client)

    before_traceback = mail.outbox[0].body.split("Traceback")[0]
    assert before_traceback.rstrip().endswith(": 7")


def test_outside_a_request_emails_and_phones_are_still_masked():
    event = {
        "message": "task failed for hajar@example.ma (+212 661-234-567)",
        "extra": {"to": ["hajar@example.ma"], "phone": "0661234567"},
        "breadcrumbs": {"values": [{"message": "sending to hajar@example.ma"}]},
    }

    text = json.dumps(errors.scrub_event(event))

    assert "hajar" not in text and "661" not in text
    assert "[email]" in text and "[phone]" in text
