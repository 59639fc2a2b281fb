"""Youth contacts and registrations, and the data a registration form posts."""

import itertools

import factory
from django.utils import timezone

from directory.models import Province, Sector
from youth.models import Contact, Registration
from youth.services import consent_version

_numbers = itertools.count(1)


class ContactFactory(factory.django.DjangoModelFactory):
    """A young person from Oujda with a unique Moroccan mobile number and email."""

    class Meta:
        model = Contact

    first_name = "Imane"
    last_name = factory.Sequence(lambda n: f"Tahiri{n}")
    birth_year = factory.LazyFunction(lambda: timezone.localdate().year - 22)
    province = factory.LazyFunction(lambda: Province.objects.get(slug="oujda-angad"))
    city = "Oujda"
    phone = factory.Sequence(lambda n: f"+2126612{n % 100000:05d}")
    email = factory.Sequence(lambda n: f"jeune{n}@example.ma")
    consent_version = factory.LazyFunction(consent_version)
    consent_at = factory.LazyFunction(timezone.now)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    contact = factory.SubFactory(ContactFactory)
    status = Registration.Status.CONFIRMED
    province = factory.SelfAttribute("contact.province")
    consent_version = factory.LazyFunction(consent_version)
    consent_at = factory.LazyFunction(timezone.now)


def registration_data(**overrides):
    """What a person types in the registration form (a POST body)."""
    n = next(_numbers)
    data = {
        "first_name": "Hajar",
        "last_name": f"Bouzidi{n}",
        "birth_year": str(timezone.localdate().year - 21),
        "gender": "female",
        "province": str(Province.objects.get(slug="berkane").pk),
        "city": "Berkane",
        "phone": f"06 61 23 {n % 100:02d} 45",
        "email": f"hajar{n}@example.ma",
        "interests": [str(Sector.objects.get(slug="son").pk)],
        "heard_from": "social",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
