import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories.roles import ROLES, build_world


@pytest.fixture
def world(db):
    world = build_world()
    yield world
    world.delete_files()


@pytest.fixture
def clients(world):
    """One test client per role, already signed in (anonymous: none)."""
    result = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)  # a 500 is a mismatch, not a crash
        user = world.user(role)
        if user is not None:
            client.force_login(user)
        result[role] = client
    return result


@pytest.fixture(autouse=True)
def _fresh_rate_limit_counters():
    cache.clear()
    yield
    cache.clear()
