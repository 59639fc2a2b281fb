"""Who may open each URL: the table in matrix.py, checked for every role (issue 10)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from tests.factories.roles import ROLES

from . import matrix

WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)


def _writes(queries, allowed=()):
    """The tables a request wrote to, except those a GET may touch (matrix.GET_MAY_WRITE and
    the row's own ``may_write``)."""
    allowed = (*matrix.GET_MAY_WRITE, *allowed)
    tables = set()
    for query in queries.captured_queries:
        match = WRITE.match(query["sql"])
        if match and not match.group(2).startswith(allowed):
            tables.add(match.group(2))
    return sorted(tables)


def _location(response):
    return response.headers.get("Location", "")


def _observed(response, login_urls):
    """The table's vocabulary for what a response is."""
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        location = _location(response)
        for label, url in login_urls.items():
            if location.startswith(url) or f"{url}?" in location:
                return label
        return matrix.REDIRECT
    return status


def _login_urls():
    with translation.override("fr"):
        return {
            matrix.LOGIN: reverse("customer:login"),
            matrix.ADMIN_LOGIN: reverse("wagtailadmin_login"),
            matrix.DJANGO_ADMIN_LOGIN: reverse("admin:login"),
            matrix.DASHBOARD_LOGIN: reverse("dashboard:login"),
        }


def _url_of(name, row, world):
    kwargs = row.kwargs(world) if callable(row.kwargs) else (row.kwargs or {})
    query = row.query(world) if callable(row.query) else row.query
    with translation.override("fr"):
        if row.args:
            return reverse(name, args=row.args) + query
        return reverse(name, kwargs=kwargs) + query


def _rows_to_request():
    """(name, row) for every concrete row, and each glob row's sample."""
    seen = {}
    for name, row in matrix.TABLE.items():
        if "*" in name:
            target = row.sample
            if target and target not in seen:
                sample_row = matrix.TABLE.get(target)
                assert sample_row is not None and sample_row.expect, (
                    f"glob row {name!r}: its sample {target!r} needs a concrete row"
                )
                seen[target] = sample_row
        elif row.expect is not None:
            seen[name] = row
    return sorted(seen.items())


def _check(name, row, roles, world, clients, login_urls, url=None):
    """GET the row's URL as each of ``roles``; the mismatches with the table, as text."""
    url = url or _url_of(name, row, world)
    mismatches = []
    with override_settings(**row.settings):
        for role in roles:
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                response = clients[role].get(url)
            writes = _writes(queries, row.may_write)
            if writes:
                mismatches.append(f"{name} {url} as {role}: GET wrote to the database: {writes}")
            observed = _observed(response, login_urls)
            if observed != row.expect[role]:
                mismatches.append(
                    f"{name} {url} as {role}: expected {row.expect[role]}, got {observed}"
                    f" {_location(response)}"
                )
    return mismatches


@pytest.mark.django_db
def test_access_matrix(world, clients):
    """Every declared URL answers each role as the table says (all mismatches reported);
    the pairs a row marks ``known`` are left to test_known_failures."""
    login_urls = _login_urls()
    mismatches = []
    for name, row in _rows_to_request():
        assert set(row.expect) == set(ROLES), f"{name}: the row must name every role"
        assert set(row.known) <= set(ROLES), f"{name}: unknown role in known"
        roles = [role for role in ROLES if role not in row.known]
        mismatches += _check(name, row, roles, world, clients, login_urls)
    assert not mismatches, "\n".join(mismatches)


def _page_route_url(row, world):
    page, route, args = row.kwargs(world)
    with translation.override("fr"):
        return page.url + page.reverse_subpage(route, args=args) if route else page.url


@pytest.mark.django_db
def test_page_routes(world, clients):
    """The routes of Wagtail pages (event registration, calendar file, news feeds), which the
    resolver walk cannot see, answer each role as matrix.PAGE_ROUTES says."""
    login_urls = _login_urls()
    mismatches = []
    for name, row in matrix.PAGE_ROUTES.items():
        assert set(row.expect) == set(ROLES), f"{name}: the row must name every role"
        url = _page_route_url(row, world)
        mismatches += _check(name, row, ROLES, world, clients, login_urls, url=url)
    assert not mismatches, "\n".join(mismatches)


def test_every_page_route_is_in_the_table():
    """A new route on a Wagtail page must be declared in matrix.PAGE_ROUTES too."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import get_page_models

    missing = []
    declared = {name.split(":", 1)[1] for name in matrix.PAGE_ROUTES if ":" in name}
    for model in get_page_models():
        if not issubclass(model, RoutablePageMixin):
            continue
        for route in model.get_subpage_urls():
            if str(route.pattern) in ("", "^$"):
                continue  # the page itself (wagtail_serve)
            if route.name not in declared:
                missing.append(f"{model.__name__}: {route.name}")
    assert not missing, missing


def _known_failures():
    return [
        pytest.param(
            name,
            role,
            id=f"{name}-{role}",
            marks=pytest.mark.xfail(strict=True, reason=reason),
        )
        for name, row in _rows_to_request()
        for role, reason in sorted(row.known.items())
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role"), _known_failures() or [pytest.param(None, None)])
def test_known_failures(name, role, world, clients):
    """The views that do not answer as the table intends yet (listed for the lead): each runs
    as a strict xfail, so fixing the view makes it fail until its ``known`` entry goes."""
    if name is None:
        pytest.skip("no known failures")
    row = matrix.TABLE[name]
    assert _check(name, row, [role], world, clients, _login_urls()) == []


def test_table_names_exist():
    """No stale rows: every exact name in the table is a URL the project still has."""
    names = {endpoint.name for endpoint in matrix.walk() if endpoint.name}
    stale = [name for name in matrix.TABLE if "*" not in name and name not in names]
    assert not stale, stale


def test_urls_at_start_are_in_the_table():
    """Every URL that existed when the matrix was written has a row (strict)."""
    at_start = matrix.urls_at_start()
    endpoints = [e for e in matrix.walk() if e.name in at_start]
    assert len({e.name for e in endpoints}) == len(at_start), "a URL of the list disappeared"
    assert matrix.missing(endpoints) == []


def test_every_url_is_in_the_table():
    """A new view must declare who may see it: any URL missing from the table fails."""
    missing = matrix.missing(list(matrix.walk()))
    assert not missing, (
        "Declare who may open these URLs: add a row per role to TABLE in "
        "tests/integration/security/matrix.py\n" + "\n".join(missing)
    )


def test_reverse_of_every_concrete_row(world):
    """The rows' kwargs build real URLs (a typo in a row would silently test nothing)."""
    for name, row in _rows_to_request():
        try:
            _url_of(name, row, world)
        except NoReverseMatch as error:  # pragma: no cover - the failure message
            pytest.fail(f"{name}: {error}")
