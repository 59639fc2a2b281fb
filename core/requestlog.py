"""Logs that can be followed: a request id, one JSON line per request, the context of a record.

* ``RequestLogMiddleware`` (first in ``MIDDLEWARE``): takes the request id from the
  ``X-Request-ID`` header (when it looks like one) or makes one, sends it back in the response
  header, keeps it in a context variable for the whole request (log records, error reports,
  tasks enqueued), and at the end writes one record on the ``takafamap.request`` logger:
  method, route name, status, duration, SQL count and time, and the kind of user
  (anonymous, client, creator, staff) — never who. It also feeds the request metrics
  (``core.metrics``).
* ``RequestContextFilter``: adds ``request_id`` (and ``user_kind``) to every log record.
* ``JSONFormatter`` (``LOG_FORMAT=json``): one JSON object per record, every field masked by
  ``core.security.mask_personal_data`` (the same masking as ``PersonalDataFilter``, which also
  stays on the handler).
* Tasks: a task enqueued during a request carries its request id. With the immediate backend
  the context is the request's own; with the database backend the id waits in the shared cache
  under the task's id and the worker restores it when the task starts (``task_started``).
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db import connection
from django.urls import Resolver404, resolve
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.signals import task_enqueued, task_finished, task_started

from . import metrics
from .security import mask_personal_data

logger = logging.getLogger("takafamap.request")

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
TASK_KEY = "tasks:request-id:{}"
TASK_KEY_SECONDS = 7 * 24 * 3600
SESSION_KEY = "_user_kind"

request_id_var = contextvars.ContextVar("request_id", default=None)
user_kind_var = contextvars.ContextVar("user_kind", default=None)
# The current request, for the error tracker's scrubbing (core.errors): the values a visitor
# typed or is known by are masked wherever they appear in a report.
request_var = contextvars.ContextVar("request", default=None)

# Functions ``(user) -> kind or None`` the apps add from their ready() (shop: "creator").
_user_kinds = []


def register_user_kind(function):
    """``function(user)`` answers a kind of signed-in user ("creator"…) or None."""
    _user_kinds.append(function)


def current_request_id():
    return request_id_var.get()


def _kind_of(user):
    if user.is_staff:
        return "staff"
    for function in _user_kinds:
        kind = function(user)
        if kind:
            return kind
    return "client"


def on_user_logged_in(sender, request, user, **kwargs):
    """The kind of user is decided once, at sign-in, and kept in the session (no query per
    request; a client who becomes a creator shows as one after signing in again)."""
    session = getattr(request, "session", None)
    if session is not None:
        session[SESSION_KEY] = _kind_of(user)


def user_kind(request):
    """anonymous, staff, one of the registered kinds (creator), or client."""
    known = getattr(request, "page_cache_user_kind", None)
    if known:  # a shared page served from the page cache: the kind kept with the persona
        return known
    user = getattr(request, "user", None)
    try:
        if user is None or not user.is_authenticated:
            return "anonymous"
    except Exception:  # noqa: BLE001 - the session or user could not be read (database down)
        return "unknown"
    if user.is_staff:
        return "staff"
    session = getattr(request, "session", None)
    return (session.get(SESSION_KEY) if session is not None else None) or "client"


def incoming_request_id(request):
    value = request.META.get("HTTP_X_REQUEST_ID", "")
    return value if _VALID_ID.match(value) else uuid.uuid4().hex


def route_name(request):
    """The URL's name (``namespace:name``), its pattern when unnamed, or ``<unmatched>``."""
    match = getattr(request, "resolver_match", None)
    if match is None:  # answered before the URL was resolved (the page cache, a redirect)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return "<unmatched>"
    return match.view_name or match.route or "<unnamed>"


class _SQLCounter:
    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = incoming_request_id(request)
        request.request_id = request_id
        tokens = [request_id_var.set(request_id), request_var.set(request)]
        counter = _SQLCounter()
        started = time.perf_counter()
        response = None
        try:
            with connection.execute_wrapper(counter):
                response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            return response
        finally:
            duration = time.perf_counter() - started
            status = response.status_code if response is not None else 500
            route = route_name(request)
            kind = user_kind(request)
            user_kind_var.set(kind)
            metrics.observe_request(route, request.method, status, duration)
            logger.info(
                "%s %s %s %.1fms",
                request.method,
                route,
                status,
                duration * 1000,
                extra={
                    "request_id": request_id,
                    "http": {
                        "method": request.method,
                        "route": route,
                        "status": status,
                        "duration_ms": round(duration * 1000, 1),
                        "sql_count": counter.count,
                        "sql_ms": round(counter.seconds * 1000, 1),
                        "user_kind": kind,
                    },
                },
            )
            for token in reversed(tokens):
                token.var.reset(token)
            user_kind_var.set(None)


class RequestContextFilter(logging.Filter):
    """Every record gets the current ``request_id`` (None outside a request or task)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


def _masked(value):
    if isinstance(value, str):
        return mask_personal_data(value)
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_masked(item) for item in value]
    return value


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, the request's
    fields (``http``), the traceback; every string masked for emails and phone numbers."""

    def format(self, record):
        data = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
        }
        if getattr(record, "http", None):
            data.update(record.http)
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        elif record.exc_text:
            data["traceback"] = record.exc_text
        if record.stack_info:
            data["stack"] = self.formatStack(record.stack_info)
        return json.dumps(_masked(data), ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    """The development format, with the request id when there is one."""

    def __init__(self):
        super().__init__("%(levelname)s %(name)s %(message)s")

    def format(self, record):
        line = super().format(record)
        request_id = getattr(record, "request_id", None)
        if request_id:
            line = f"{line} [request {request_id}]"
        return mask_personal_data(line)


# ------------------------------------------------------------------------------------------
# Tasks carry the request id of the request that enqueued them
# ------------------------------------------------------------------------------------------
def on_task_enqueued(sender, task_result, **kwargs):
    request_id = request_id_var.get()
    if not request_id or (isinstance(sender, type) and issubclass(sender, ImmediateBackend)):
        return  # an immediate task runs inside the request, in its context
    try:
        cache.set(TASK_KEY.format(task_result.id), request_id, TASK_KEY_SECONDS)
    except Exception:  # noqa: BLE001 - a cache outage loses the link, never the task
        logger.debug("could not remember the request id of task %s", task_result.id)


_task_tokens = {}


def on_task_started(sender, task_result, **kwargs):
    if request_id_var.get():  # the immediate backend: still inside the request
        return
    try:
        request_id = cache.get(TASK_KEY.format(task_result.id))
    except Exception:  # noqa: BLE001
        request_id = None
    _task_tokens[task_result.id] = request_id_var.set(request_id or f"task-{task_result.id}")


def on_task_finished(sender, task_result, **kwargs):
    token = _task_tokens.pop(task_result.id, None)
    if token is not None:
        request_id_var.reset(token)


def connect():
    """Called from ``CoreConfig.ready()``."""
    user_logged_in.connect(on_user_logged_in, dispatch_uid="requestlog-user-kind")
    task_enqueued.connect(on_task_enqueued, dispatch_uid="requestlog-enqueued")
    task_started.connect(on_task_started, dispatch_uid="requestlog-started")
    task_finished.connect(on_task_finished, dispatch_uid="requestlog-finished")
