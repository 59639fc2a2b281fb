"""The Django admin and Oscar's dashboard are closed to everyone but superusers: every URL
under them answers 404 to every other signed-in role (staff of each group, creators,
clients), for GET and POST, and the site's pages link to neither."""

import re

import pytest
from django.test import Client

from tests.factories.roles import ROLES

from . import matrix

NON_SUPERUSERS = [role for role in ROLES if role not in ("anonymous", "superuser")]
GROUP = re.compile(r"\(\?P<\w+>[^)]*\)")
CONVERTER = re.compile(r"<(?:\w+:)?\w+>")


def _path(route):
    """A concrete path for a route (regex groups and converters become ``1``)."""
    path = route.replace("^", "").replace("$", "")
    path = GROUP.sub("1", path)
    path = CONVERTER.sub("1", path)
    path = path.replace("\\", "")
    return "/" + path


def _back_office_paths():
    paths = set()
    for endpoint in matrix.walk():
        if endpoint.route.startswith("django-admin/") or "/shop/dashboard/" in endpoint.route:
            paths.add(_path(endpoint.route))
    return sorted(paths)


def test_there_are_back_office_urls_to_check():
    paths = _back_office_paths()
    assert "/django-admin/" in paths and "/fr/shop/dashboard/" in paths
    assert len(paths) > 100


@pytest.mark.django_db
def test_back_offices_are_closed_to_every_non_superuser(world):
    paths = _back_office_paths()
    wrong = []
    for role in NON_SUPERUSERS:
        client = Client(raise_request_exception=False)
        client.force_login(world.user(role))
        # Every URL for a creator (creators held dashboard rights before); one in ten for
        # the others, to keep the test quick.
        for path in paths if role == "creator_a" else paths[::10]:
            status = client.get(path).status_code
            if status != 404:
                wrong.append(f"GET {path} as {role}: {status}")
        for path in paths[::25]:  # a POST changes nothing either
            status = client.post(path, {"action": "delete_selected"}).status_code
            if status != 404:
                wrong.append(f"POST {path} as {role}: {status}")
    assert not wrong, "\n".join(wrong[:40])


@pytest.mark.django_db
def test_the_superuser_still_opens_both(world):
    client = Client()
    client.force_login(world.user("superuser"))
    assert client.get("/django-admin/").status_code == 200
    assert client.get("/fr/shop/dashboard/").status_code == 200


@pytest.mark.django_db
def test_product_page_links_to_the_dashboard_only_for_superusers(world):
    product = world.products["creator_a"]
    for role in NON_SUPERUSERS:
        client = Client()
        client.force_login(world.user(role))
        html = client.get(product.get_absolute_url()).content.decode()
        assert "/shop/dashboard/" not in html, role
    client = Client()
    client.force_login(world.user("superuser"))
    assert "/shop/dashboard/" in client.get(product.get_absolute_url()).content.decode()
