"""Eligibility: every team member aged 18 to 30 when the programme starts (by birth year)."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import gettext

from hackathon.forms import TeamMemberForm
from hackathon.models import Call, age_in_year

CALL = Call(title="Appel", programme_starts_on=date(2026, 3, 1))


def member(year):
    return TeamMemberForm({"name": "Salma", "birth_year": str(year), "role": ""}, call=CALL)


def test_age_is_counted_in_the_programme_start_year():
    assert age_in_year(1996, 2026) == 30
    assert age_in_year(2008, 2026) == 18
    assert CALL.birth_years == (1996, 2008)


@pytest.mark.parametrize("year", [1996, 2000, 2008])
def test_members_aged_18_to_30_at_the_start_are_eligible(year):
    assert member(year).is_valid()


@pytest.mark.parametrize("year,age", [(1995, 31), (2009, 17)])
def test_members_just_outside_the_ages_are_refused_with_the_reason(year, age):
    form = member(year)
    assert not form.is_valid()
    with translation.override("fr"):
        form = member(year)
        form.is_valid()
        message = form.errors["birth_year"][0]
        assert "1996" in message and "2008" in message and str(age) in message
        expected = gettext(
            "Every team member must be aged %(min)s to %(max)s when the programme "
            "starts (%(start)s): born between %(earliest)s and %(latest)s. "
            "Born in %(year)s, this person would be %(age)s."
        ) % {
            "min": 18,
            "max": 30,
            "start": "1 mars 2026",  # the reader's date format, not ISO
            "earliest": 1996,
            "latest": 2008,
            "year": year,
            "age": age,
        }
        assert message == expected
