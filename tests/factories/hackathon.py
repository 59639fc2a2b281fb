"""Hackathon factories: an open call starting a programme on 1 March 2026, applications with
a one-person team, and jurors' scores."""

from datetime import date, timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from hackathon.models import Application, Call, Score, TeamMember

from .directory import discipline, province, sector
from .users import UserFactory

PROGRAMME_START = date(2026, 3, 1)


class CallFactory(factory.django.DjangoModelFactory):
    """Open now (since yesterday, for ten more days); the programme starts on 1 March 2026,
    so members born 1996 to 2008 are eligible."""

    class Meta:
        model = Call

    title = factory.Sequence(lambda n: f"Appel à projets {n}")
    description = "Un hackathon pour les porteurs de projets de l'image, du son et de la lumière."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    programme_starts_on = PROGRAMME_START


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A submitted photography project from Oujda-Angad; its holder (born 2000) is the team."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    applicant = factory.SubFactory(UserFactory)
    holder_name = factory.LazyAttribute(
        lambda o: o.applicant.get_full_name() if o.applicant else "Yassine Amrani"
    )
    email = factory.LazyAttribute(
        lambda o: o.applicant.email if o.applicant else "yassine@example.ma"
    )
    project_name = factory.Sequence(lambda n: f"Projet {n}")
    sector = factory.LazyFunction(lambda: sector("image"))
    discipline = factory.LazyFunction(lambda: discipline("photographie"))
    description = "Un studio photo mobile pour les mariages et les festivals."
    stage = Application.Stage.PROTOTYPE
    needs = "Un éclairage de studio et des premiers clients."
    province = factory.LazyFunction(lambda: province("oujda-angad"))
    city = "Oujda"
    language = "fr"

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if not create:
            return
        for index, (name, year) in enumerate(extracted or [(self.holder_name, 2000)]):
            TeamMember.objects.create(
                application=self, name=name, birth_year=year, sort_order=index
            )


def juror(**kwargs):
    """A juror: in the Jury group (admin access and the scoring permission), not staff."""
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name="Jury"))
    return user


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    application = factory.SubFactory(ApplicationFactory)
    juror = factory.LazyFunction(juror)
    innovation = 3
    feasibility = 3
    impact = 3
    team = 3
