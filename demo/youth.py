"""Demo youth database: 220 young people registered for three past events and one upcoming.

``seed_youth(seeder)`` (one call in ``Seeder.run``) gives the programme staff group the
``youth`` permissions, and registers contacts, spread over the provinces and sectors, for
the Nador information session, the Berkane café-débat and the hackathon (past) and the
Taourirt café-débat
(upcoming, registration open). Idempotent: contacts are keyed on their phone number,
registrations on (contact, event).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms.models import EventPage
from demo import data
from demo.fake import phone_number as _phone
from demo.fake import seeded_rng as _rng
from directory.models import Province, Sector
from youth.models import Contact, Registration, age_band
from youth.services import consent_version

CONTACTS = 220
PAST_EVENTS = [
    "seance-information-nador",
    "cafe-debat-berkane-vivre-de-l-image",
    "hackathon-takafaship",
]
UPCOMING_EVENT = "cafe-debat-taourirt-le-son-un-metier"
UPCOMING_REGISTRATIONS = 45

FIRST_NAMES = {
    "female": [
        "Salma",
        "Imane",
        "Hajar",
        "Khadija",
        "Fatima-Zahra",
        "Nour",
        "Aya",
        "Meryem",
        "Yasmine",
        "Houda",
        "Sanae",
        "Ikram",
        "Chaimae",
        "Oumaima",
        "Soukaina",
        "Rim",
        "Lina",
        "Zineb",
    ],
    "male": [
        "Youssef",
        "Amine",
        "Hamza",
        "Mehdi",
        "Ayoub",
        "Anas",
        "Zakaria",
        "Othmane",
        "Ilyas",
        "Karim",
        "Soufiane",
        "Bilal",
        "Achraf",
        "Reda",
        "Walid",
        "Nabil",
        "Idriss",
        "Saad",
    ],
}
LAST_NAMES = [
    "Benali",
    "El Idrissi",
    "Bouzidi",
    "Amrani",
    "Tahiri",
    "Mansouri",
    "Ziani",
    "Berrada",
    "Chakiri",
    "El Fassi",
    "Haddaoui",
    "Kaddouri",
    "Lahlou",
    "Moussaoui",
    "Naciri",
    "Ouali",
    "Rahmouni",
    "Sabri",
    "Talbi",
    "Yacoubi",
    "Zerouali",
    "Bennani",
    "El Ouardi",
    "Hamdaoui",
]
# More young people from the big towns, a few from everywhere.
PROVINCE_WEIGHTS = {
    "oujda-angad": 30,
    "berkane": 14,
    "nador": 18,
    "driouch": 6,
    "guercif": 6,
    "taourirt": 12,
    "jerada": 7,
    "figuig": 7,
}
HEARD = ["social", "social", "friends", "school", "association", "press", "website", "other"]


def _cities_by_province():
    cities = {}
    for city, (province, *_coords) in data.CITIES.items():
        cities.setdefault(province, []).append(city)
    return cities


def _person(n, provinces, cities, sectors):
    rng = _rng("youth", n)
    gender = rng.choice(["female", "male", "female", "male", ""])
    first = rng.choice(FIRST_NAMES[gender or rng.choice(["female", "male"])])
    slug = rng.choices(list(PROVINCE_WEIGHTS), weights=list(PROVINCE_WEIGHTS.values()))[0]
    email = ""
    if rng.random() < 0.7:
        email = f"jeune{n:03d}@example.org"
    return {
        "first_name": first,
        "last_name": rng.choice(LAST_NAMES),
        "birth_year": timezone.localdate().year - rng.randint(18, 30),
        "gender": gender,
        "province": provinces[slug],
        "city": rng.choice(cities.get(slug, [provinces[slug].name])),
        "phone": _phone(f"youth-{n}", prefix=rng.choice(["+2126", "+2127"])),
        "email": email,
        "heard_from": rng.choice(HEARD),
        "interests": rng.sample(sectors, rng.choice([1, 1, 2, 3])),
    }


def _register(contact, event, status, when, interests):
    registration, created = Registration.objects.get_or_create(
        contact=contact,
        event=event,
        defaults={
            "status": status,
            "province_id": contact.province_id,
            "age_band": age_band(contact.birth_year),
            "heard_from": contact.heard_from,
            "consent_version": contact.consent_version,
            "consent_at": when,
            "language": "fr",
        },
    )
    if created:
        # created_at is auto_now_add: date the registration before its event.
        Registration.objects.filter(pk=registration.pk).update(created_at=when)
        registration.interests.set(interests)
    return created


def seed_youth(seeder):
    seeder.progress.line("Youth database")
    events = {
        page.slug: page
        for page in EventPage.objects.filter(
            locale__language_code="fr", slug__in=PAST_EVENTS + [UPCOMING_EVENT]
        )
    }
    if len(events) < len(PAST_EVENTS) + 1:
        seeder.progress.line("  (events missing: no registrations)")
        return
    upcoming = events[UPCOMING_EVENT]
    if not upcoming.registration_open or upcoming.capacity is None:
        upcoming.registration_open = True
        upcoming.capacity = upcoming.capacity or 60
        upcoming.save_revision().publish()
    provinces = {p.slug: p for p in Province.objects.all()}
    sectors = list(Sector.objects.all())
    cities = _cities_by_province()
    version = consent_version()
    counts = {
        slug: Registration.objects.filter(event=page).count() for slug, page in events.items()
    }
    with transaction.atomic():
        for n in range(1, CONTACTS + 1):
            person = _person(n, provinces, cities, sectors)
            interests = person.pop("interests")
            rng = _rng("youth-events", n)
            # Which events: one past event each, a few came to two, some to the next one.
            chosen = rng.sample(PAST_EVENTS, 2 if rng.random() < 0.15 else 1)
            if n <= UPCOMING_REGISTRATIONS:
                chosen.append(UPCOMING_EVENT)
            first_event = events[chosen[0]]
            when = first_event.start - timedelta(days=rng.randint(2, 20), hours=rng.randint(0, 9))
            contact = Contact.objects.filter(phone=person["phone"]).first()
            changed = contact is None
            if contact is None:
                contact = Contact.objects.create(
                    **person, consent_version=version, consent_at=when, language="fr"
                )
                contact.interests.set(interests)
                Contact.objects.filter(pk=contact.pk).update(created_at=when)
                seeder.count("youth contacts")
            last = when
            for slug in chosen:
                event = events[slug]
                registered_at = min(
                    event.start - timedelta(hours=rng.randint(3, 200)), timezone.now()
                )
                full = event.capacity is not None and counts[slug] >= event.capacity
                status = Registration.Status.WAITLISTED if full else Registration.Status.CONFIRMED
                if _register(contact, event, status, registered_at, interests):
                    counts[slug] += 1
                    seeder.count("youth registrations")
                    changed = True
                last = max(last, registered_at)
            if changed:
                Contact.objects.filter(pk=contact.pk).update(last_activity_at=last)
            seeder.progress.step("Contacts", n, CONTACTS, every=50)
