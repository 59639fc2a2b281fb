import factory

from directory.models import Discipline, Profile, Province, Sector

from .users import UserFactory


def sector(slug):
    return Sector.objects.get(slug=slug)


def discipline(slug):
    return Discipline.objects.get(slug=slug)


def province(slug):
    return Province.objects.get(slug=slug)


class ProfileFactory(factory.django.DjangoModelFactory):
    """An approved individual creator in Oujda, doing photography (override any of it).

    ``disciplines`` takes slugs or rows; the profile's sectors follow its disciplines.
    """

    class Meta:
        model = Profile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Atelier Créateur {n}")
    kind = Profile.Kind.INDIVIDUAL
    status = Profile.Status.APPROVED
    headline = "Photographe de scène"
    city = "Oujda"
    province = factory.LazyFunction(lambda: province("oujda-angad"))
    is_accompanied = False

    @factory.post_generation
    def disciplines(self, create, extracted, **kwargs):
        if not create:
            return
        items = ["photographie"] if extracted is None else extracted
        rows = [item if isinstance(item, Discipline) else discipline(item) for item in items]
        self.disciplines.set(rows)
        self.sectors.set({row.sector for row in rows})
