"""Logs that can be followed: one line per request with its request id, carried into tasks."""

import json
import logging
import sys

import pytest
from django.core.management import call_command

from core.requestlog import JSONFormatter, RequestContextFilter
from tests.factories.partner import PartnerFactory
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.integration.ops.urls")]


def _request_lines(caplog):
    return [
        json.loads(JSONFormatter().format(record))
        for record in caplog.records
        if record.name == "takafamap.request"
    ]


def test_one_json_line_per_request_with_the_fields_and_no_identity(client, caplog):
    caplog.set_level(logging.INFO, logger="takafamap.request")
    user = UserFactory(email="salma@example.ma")
    client.force_login(user)

    response = client.get("/robots.txt?email=salma@example.ma", HTTP_X_REQUEST_ID="abc-42")

    assert response["X-Request-ID"] == "abc-42"
    [line] = _request_lines(caplog)
    assert line["request_id"] == "abc-42"
    assert line["method"] == "GET"
    assert line["route"] == "robots_txt"
    assert line["status"] == 200
    assert line["duration_ms"] >= 0
    assert line["sql_count"] >= 1  # the session and the user
    assert line["sql_ms"] >= 0
    assert line["user_kind"] == "client"
    assert "salma" not in json.dumps(line)  # neither the query string nor the user


def test_a_request_id_is_made_when_missing_or_malformed(client, caplog):
    caplog.set_level(logging.INFO, logger="takafamap.request")

    made = client.get("/robots.txt")["X-Request-ID"]
    replaced = client.get("/robots.txt", HTTP_X_REQUEST_ID="bad id\nwith spaces")["X-Request-ID"]

    assert len(made) == 32 and len(replaced) == 32 and made != replaced
    assert [line["request_id"] for line in _request_lines(caplog)] == [made, replaced]
    assert {line["user_kind"] for line in _request_lines(caplog)} == {"anonymous"}


def _creator():
    user = UserFactory()
    PartnerFactory().users.add(user)
    return user


@pytest.mark.parametrize(
    ("make_user", "kind"),
    [(lambda: UserFactory(is_staff=True), "staff"), (_creator, "creator")],
    ids=["staff", "creator"],
)
def test_the_kind_of_user_is_logged(client, caplog, make_user, kind):
    caplog.set_level(logging.INFO, logger="takafamap.request")
    client.force_login(make_user())

    client.get("/robots.txt")

    assert _request_lines(caplog)[-1]["user_kind"] == kind


def test_an_unknown_path_is_logged_as_unmatched_not_by_its_path(client, caplog):
    caplog.set_level(logging.INFO, logger="takafamap.request")

    client.get("/no-such-thing/salma@example.ma/")

    line = _request_lines(caplog)[-1]
    assert line["status"] == 404
    assert "salma" not in json.dumps(line)


def test_the_json_formatter_masks_every_field_and_the_traceback():
    try:
        raise ValueError("refused for salma@example.ma, +212 661 234 567")
    except ValueError:
        record = logging.getLogger("x").makeRecord(
            "x", logging.ERROR, __file__, 1, "user %s", ("0661234567",), sys.exc_info()
        )
    record.http = {"route": "salma@example.ma"}

    text = JSONFormatter().format(record)

    assert "salma" not in text and "661" not in text
    assert "ValueError" in json.loads(text)["traceback"]


@pytest.fixture
def task_logs(caplog):
    caplog.set_level(logging.INFO)
    caplog.handler.addFilter(RequestContextFilter())
    return lambda: [
        record.request_id for record in caplog.records if record.getMessage() == "the task ran"
    ]


def test_a_task_run_at_once_logs_the_request_id(client, task_logs):
    client.get("/ops-tests/enqueue/", HTTP_X_REQUEST_ID="req-task-1")

    assert task_logs() == ["req-task-1"]


def test_a_queued_task_logs_the_request_id_in_the_worker(client, settings, task_logs, monkeypatch):
    from django_tasks_db.management.commands import db_worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    client.get("/ops-tests/enqueue/", HTTP_X_REQUEST_ID="req-task-2")
    assert task_logs() == []  # not run yet: waiting for the worker
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    assert task_logs() == ["req-task-2"]
