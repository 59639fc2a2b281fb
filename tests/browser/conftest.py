"""Browser tests: a real Chromium (Playwright) against pytest-django's ``live_server``.

``live_server`` answers from another thread, so these tests commit their data
(``transaction=True``) and the database is flushed after each of them. A flush empties
every table, including the rows data migrations created (taxonomy, shop categories, product
classes, the home page, the Wagtail Site, permissions), which every other test relies on.
So the rows are serialised once, before the first browser test, and loaded back after each
browser test's flush (``pytest_runtest_teardown``): the database is in its migrated state
between tests, whatever their order, and still is for the next ``--reuse-db`` run.

Django's ``serialized_rollback`` cannot do this here: while Playwright's event loop runs in
the test thread, asgiref gives the ORM a second connection object, which lacks the
serialised data, so Django silently skips the reload (and lets the flush re-create content
types, which then clash with the reloaded ones).
"""

import json
import time

import pytest

_migrated = {}


@pytest.fixture(scope="session")
def _migrated_rows(django_db_setup, django_db_blocker):
    """Serialise the migrated rows once (about a second), before any flush."""
    from django.db import connection

    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: building a Wagtail page looks its content type up, and would
    # create a second one if the table were still empty.
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    _migrated["rows"] = json.dumps(rows)
    _migrated["blocker"] = django_db_blocker


def _empty_non_empty_tables(connection):
    """What ``flush`` does, but only for the few tables holding rows (much faster on
    PostgreSQL, where truncating all ~200 tables takes a second)."""
    from django.core.management.color import no_style

    quote = connection.ops.quote_name
    tables = []
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True):
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone():
                tables.append(table)
    if tables:
        statements = connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
        connection.ops.execute_sql_flush(statements)


def _reload_migrated_rows():
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    with _migrated["blocker"].unblock():
        # The test's flush emptied every table, then post_migrate re-created content types
        # and permissions with new keys: empty those, then load the migrated rows back with
        # their original primary keys (and forget the content types cached meanwhile).
        _empty_non_empty_tables(connection)
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(_migrated["rows"])
        ContentType.objects.clear_cache()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield  # fixtures torn down: the transactional test's flush has run
    if "_migrated_rows" in getattr(item, "fixturenames", ()) and "rows" in _migrated:
        _reload_migrated_rows()
    return result


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True))
            item.fixturenames.insert(0, "_migrated_rows")


@pytest.fixture
def console_errors(page):
    """JavaScript errors and failed loads the page reports while the test runs."""
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A French-speaking visitor on a phone-sized screen (most visitors use a phone)."""
    return {**browser_context_args, "locale": "fr-FR", "viewport": {"width": 390, "height": 844}}


@pytest.fixture(autouse=True)
def _site_address_is_the_live_server(request, settings):
    """Links written on ``BASE_URL`` (payment return and callback addresses, QR codes) lead
    back to the server the browser is using."""
    if "live_server" in request.fixturenames:
        settings.BASE_URL = request.getfixturevalue("live_server").url


@pytest.fixture(autouse=True)
def _live_server_idle_before_the_flush():
    """After the browser is closed, wait (10 s at most) until the live server has finished
    the requests still in flight (a service worker's sync, a reload): on PostgreSQL the flush's
    TRUNCATE and a request reading those tables would otherwise deadlock. Set up after the
    database fixture and before Playwright's page, so torn down between the two."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    busy = (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')"
    )
    deadline = time.monotonic() + 10
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(busy)
            if cursor.fetchone()[0] == 0:
                return
            time.sleep(0.05)
