"""Backups keep datetimes to the microsecond (Django's JSON format keeps milliseconds)."""

import datetime

import pytest
from django.core import serializers

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

JOINED = datetime.datetime(2026, 3, 1, 9, 30, 12, 500, tzinfo=datetime.UTC)


def test_a_datetime_under_a_millisecond_survives_a_round_trip():
    user = UserFactory(date_joined=JOINED)

    text = serializers.serialize("precise_json", [user])
    (restored,) = serializers.deserialize("json", text)

    assert restored.object.date_joined == JOINED
    assert serializers.serialize("json", [user]) != text  # Django's own format rounds it off
