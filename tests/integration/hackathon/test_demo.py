"""The hackathon's demo data: built from the accompanied creators, idempotent."""

import io

import pytest

from demo.builders import Seeder
from demo.hackathon import seed_hackathon
from hackathon.models import Accompaniment, Application, Call, Score
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def counts():
    return (
        Call.objects.count(),
        Application.objects.count(),
        Application.objects.filter(status="selected").count(),
        Score.objects.count(),
        Accompaniment.objects.count(),
    )


def test_seeding_reuses_the_accompanied_creators_and_runs_twice_unchanged():
    creators = [ProfileFactory(is_accompanied=True, cohort_year=2026) for _ in range(2)]
    seeder = Seeder(io.StringIO(), quiet=True)
    seed_hackathon(seeder)
    # 2 calls; the 2 creators selected plus 10 other applicants; 3 jurors scored each.
    assert counts() == (2, 12, 2, 36, 2)
    assert {a.profile for a in Application.objects.filter(status="selected")} == set(creators)
    assert sum(call.is_open() for call in Call.objects.all()) == 1
    seed_hackathon(Seeder(io.StringIO(), quiet=True))
    assert counts() == (2, 12, 2, 36, 2)
