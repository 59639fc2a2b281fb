"""Two creators and their products, as the checkout tests need them."""

import json
from decimal import Decimal

import pytest

from directory.models import Profile
from shop.partner.models import PartnerDeliveryFee
from tests.factories import PartnerFactory, ProductFactory, ProfileFactory, province


@pytest.fixture
def hub():
    return ProfileFactory(kind=Profile.Kind.HUB, name="Hub Oujda", user=None)


@pytest.fixture
def salma(hub):
    """A creator who offers pickup at her hub only."""
    partner = PartnerFactory(name="Salma Benali")
    partner.pickup_hub = hub
    partner.save()
    return partner


@pytest.fixture
def karim():
    """A creator who delivers to Oujda-Angad (30 MAD) and Berkane (45 MAD)."""
    partner = PartnerFactory(name="Karim Lumière")
    PartnerDeliveryFee.objects.create(
        partner=partner, province=province("oujda-angad"), fee=Decimal("30.00")
    )
    PartnerDeliveryFee.objects.create(
        partner=partner, province=province("berkane"), fee=Decimal("45.00")
    )
    return partner


@pytest.fixture
def print_a(salma):
    return ProductFactory(
        kind="physical",
        partner=salma,
        price=Decimal("200.00"),
        num_in_stock=5,
        title="Tirage Oujda",
    )


@pytest.fixture
def lamp(karim):
    return ProductFactory(
        kind="physical",
        partner=karim,
        price=Decimal("350.00"),
        num_in_stock=5,
        title="Lampe de scène",
    )


# --------------------------------------------------------------------------------------
# The concurrency test commits (``transaction=True``), so its teardown flushes every table,
# including the rows the data migrations created (taxonomy, product classes, the Wagtail
# Site…). As tests/browser/conftest.py does for the browser tests, those rows are
# serialised before the test and loaded back after the flush.
# --------------------------------------------------------------------------------------
_saved = {}


@pytest.fixture
def keep_migrated_rows(django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    _saved.update(rows=json.dumps(rows), blocker=django_db_blocker)
    return None


def _reload_rows():
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style
    from django.db import connection

    with _saved["blocker"].unblock():
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
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(_saved.pop("rows"))
        ContentType.objects.clear_cache()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield  # fixtures torn down: the transactional test's flush has run
    if "keep_migrated_rows" in getattr(item, "fixturenames", ()) and "rows" in _saved:
        _reload_rows()
    return result
