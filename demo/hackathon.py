"""Demo data for the hackathon: the 2026 call with 40 scored applications, the 30 onboarded
beneficiaries and their accompaniment, three jurors, and one open call for 2027.

The 30 beneficiaries are the demo's existing accompanied creators (cohort 2026, each with a
profile and a shop): their selected applications point at those profiles and shops, so
nothing is duplicated. Ten more applications from other young people were not selected.
Idempotent: everything is keyed on titles, emails and profiles.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from accounts import roles
from directory.models import Discipline, Profile, Province
from hackathon.models import Application, Call, Score, Session, TeamMember
from hackathon.onboarding import _accompaniment_for, _partner_for

from . import data

PAST_CALL = "Appel à projets Takafaship 2026"
OPEN_CALL = "Appel à projets Takafaship 2027"
JURORS = [
    ("jury-1@example.org", "Leila", "Bouazza"),
    ("jury-2@example.org", "Omar", "Hadji"),
    ("jury-3@example.org", "Sophie", "Marchand"),
]
OTHERS = [  # applicants not selected: (first, last, city, discipline, status)
    ("Hamza", "Lahlou", "Oujda", "audiovisuel", "rejected"),
    ("Nora", "Chaoui", "Nador", "photographie", "rejected"),
    ("Ilyas", "Bennani", "Berkane", "sonorisation-live", "rejected"),
    ("Rania", "Moussaoui", "Taourirt", "infographie", "rejected"),
    ("Anas", "Kaddouri", "Guercif", "eclairage", "rejected"),
    ("Meryem", "Ait Ali", "Jerada", "motion-design", "rejected"),
    ("Soufiane", "Rahmouni", "Driouch", "enregistrement", "rejected"),
    ("Kawtar", "Zerrouki", "Figuig", "projection-mapping", "shortlisted"),
    ("Walid", "Ouazzani", "Oujda", "mixage", "shortlisted"),
    ("Hiba", "Tazi", "Nador", "sound-design", "shortlisted"),
]
STAGES = [s for s, _label in Application.Stage.choices]
SESSIONS = [
    "Atelier : fixer ses prix et rédiger un devis",
    "Coaching individuel : plan d'action du mois",
    "Atelier : photographier ses produits pour la boutique",
    "Rencontre avec des programmateurs de festivals",
]


def _aware(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


CALL_TRANSLATIONS = {
    PAST_CALL: {
        "title_ar": "دعوة تكافاشيب لتقديم المشاريع 2026",
        "title_en": "Takafaship call for projects 2026",
        "description_ar": (
            "عمرك بين 18 و30 سنة، تعيش في جهة الشرق وتحمل مشروعًا في الصورة أو الصوت أو "
            "الضوء؟ ترشح للهاكاثون: يستفيد المشاريع الثلاثون المختارة من مواكبة لمدة خمسة أشهر."
        ),
        "description_en": (
            "Aged 18 to 30, living in the Oriental, with a project in image, sound or light? "
            "Apply to the hackathon: the 30 projects selected are supported for five months."
        ),
    },
    OPEN_CALL: {
        "title_ar": "دعوة تكافاشيب لتقديم المشاريع 2027",
        "title_en": "Takafaship call for projects 2027",
        "description_ar": (
            "الفوج الثاني: عمرك بين 18 و30 سنة في فاتح مارس 2027، تعيش في أحد أقاليم الشرق "
            "الثمانية وتحمل مشروعًا ثقافيًا في الصورة أو الصوت أو الضوء؟ قدّمه مع فريقك (من "
            "شخص إلى خمسة أشخاص). سيُنظَّم الهاكاثون في وجدة، وسيستفيد ثلاثون مشروعًا من مواكبة "
            "لمدة خمسة أشهر."
        ),
        "description_en": (
            "Second cohort: aged 18 to 30 on 1 March 2027, living in one of the Oriental's "
            "eight provinces, with a cultural project in image, sound or light? Present it "
            "with your team (one to five people). The hackathon takes place in Oujda; thirty "
            "projects will be supported for five months."
        ),
    },
}


def _translate(obj, values):
    """Fill the Arabic and English fields left empty (older demo databases too)."""
    missing = {name: value for name, value in values.items() if not getattr(obj, name)}
    if missing:
        for name, value in missing.items():
            setattr(obj, name, value)
        obj.save(update_fields=list(missing))


def _ensure_calls(seeder):
    past, created = Call.objects.get_or_create(
        title=PAST_CALL,
        defaults={
            "description": (
                "Vous avez entre 18 et 30 ans, vous vivez dans l'Oriental et vous portez un "
                "projet dans l'image, le son ou la lumière ? Candidatez au hackathon : les 30 "
                "projets retenus sont accompagnés pendant cinq mois."
            ),
            "opens_at": _aware(date(2025, 12, 1)),
            "closes_at": _aware(date(2026, 1, 15), 23),
            "hackathon_on": date(2026, 2, 7),
            "programme_starts_on": date(2026, 3, 1),
        },
    )
    _translate(past, CALL_TRANSLATIONS[PAST_CALL])
    seeder.count("hackathon calls", created)
    now = timezone.now()
    _open, created = Call.objects.get_or_create(
        title=OPEN_CALL,
        defaults={
            "description": (
                "Deuxième cohorte : vous avez entre 18 et 30 ans au 1er mars 2027, vous vivez "
                "dans l'une des huit provinces de l'Oriental et vous portez un projet culturel "
                "dans l'image, le son ou la lumière ? Présentez-le avec votre équipe (une à "
                "cinq personnes). Le hackathon aura lieu à Oujda ; trente projets seront "
                "accompagnés pendant cinq mois."
            ),
            "opens_at": now - timedelta(days=7),
            "closes_at": now + timedelta(days=45),
            "hackathon_on": (now + timedelta(days=70)).date(),
            "programme_starts_on": date(now.year + 1, 3, 1),
        },
    )
    _translate(_open, CALL_TRANSLATIONS[OPEN_CALL])
    seeder.count("hackathon calls", created)
    return past


def _ensure_jurors(seeder):
    jury = roles.group(roles.JURY)
    jurors = []
    for email, first, last in JURORS:
        user = seeder._user(email, first, last)
        user.groups.add(jury)
        jurors.append(user)
    return jurors


def _scores(application, jurors, strong):
    rng = random.Random(f"scores:{application.project_name}")
    low, high = (3, 5) if strong else (1, 4)
    for juror in jurors:
        Score.objects.get_or_create(
            application=application,
            juror=juror,
            defaults={name: rng.randint(low, high) for name in Score.CRITERIA},
        )


def _application(call, **fields):
    members = fields.pop("members")
    application, created = Application.objects.get_or_create(
        call=call, email=fields["email"], defaults=fields
    )
    if created:
        TeamMember.objects.bulk_create(
            TeamMember(application=application, name=name, birth_year=year, sort_order=i)
            for i, (name, year) in enumerate(members)
        )
    return application, created


def _hubs():
    hubs = {}
    for hub in Profile.objects.filter(kind=Profile.Kind.HUB, status=Profile.Status.APPROVED):
        hubs.setdefault(hub.province_id, hub)
    return hubs


def seed_hackathon(seeder):
    seeder.progress.line("Hackathon")
    with transaction.atomic():
        call = _ensure_calls(seeder)
        jurors = _ensure_jurors(seeder)
        hubs = _hubs()
        default_hub = Profile.objects.filter(slug="hub-takafaship-oujda").first()
        oujda = Province.objects.get(slug="oujda-angad")
        beneficiaries = (
            Profile.objects.filter(is_accompanied=True, cohort_year=data.COHORT_YEAR)
            .exclude(user=None)
            .select_related("user", "province")
            .prefetch_related("disciplines__sector")
            .order_by("pk")[:30]
        )
        decided = _aware(date(2026, 2, 10))
        for profile in beneficiaries:
            rng = random.Random(f"application:{profile.slug}")
            user = profile.user
            profile_disciplines = list(profile.disciplines.all())
            if not profile_disciplines:
                continue
            discipline = profile_disciplines[0]
            application, created = _application(
                call,
                applicant=user,
                holder_name=user.get_full_name() or profile.name,
                email=user.email,
                phone=str(user.phone or ""),
                project_name=profile.headline or profile.name,
                sector=discipline.sector,
                discipline=discipline,
                description=profile.bio or profile.headline,
                stage=rng.choice(STAGES),
                needs="Du matériel, un lieu pour travailler et des premiers clients.",
                province=profile.province or oujda,
                city=profile.city,
                language="fr",
                status=Application.Status.SELECTED,
                decided_at=decided,
                profile=profile,
                onboarded_at=decided,
                members=[(user.get_full_name() or profile.name, rng.randint(1996, 2006))]
                + [(f"Coéquipier {n}", rng.randint(1996, 2007)) for n in range(rng.randint(0, 2))],
            )
            seeder.count("applications", created)
            _scores(application, jurors, strong=True)
            _partner_for(profile, user)
            accompaniment = _accompaniment_for(profile, application)
            if accompaniment.hub_id is None:
                accompaniment.hub = hubs.get(profile.province_id) or default_hub
                accompaniment.notes = "Suivi régulier ; objectifs du mois tenus."
                accompaniment.save(update_fields=["hub", "notes"])
                for milestone in accompaniment.milestones.all():
                    milestone.done = milestone.due_on < timezone.localdate() and rng.random() < 0.85
                    milestone.save(update_fields=["done"])
                Session.objects.bulk_create(
                    Session(
                        accompaniment=accompaniment,
                        date=date(2026, 3 + i, 10 + i),
                        topic=SESSIONS[i % len(SESSIONS)],
                        attended=rng.random() < 0.9,
                    )
                    for i in range(4)
                )
        cities = {city: slug for city, (slug, _lat, _lng) in data.CITIES.items()}
        disciplines = {d.slug: d for d in Discipline.objects.select_related("sector")}
        by_slug = {p.slug: p for p in Province.objects.all()}
        for first, last, city, discipline_slug, status in OTHERS:
            rng = random.Random(f"other:{first}:{last}")
            discipline = disciplines[discipline_slug]
            email = f"{first}.{last}".lower().replace(" ", "-") + "@example.org"
            application, created = _application(
                call,
                applicant=None,
                holder_name=f"{first} {last}",
                email=email,
                project_name=f"{discipline.name} — projet de {first}",
                sector=discipline.sector,
                discipline=discipline,
                description=(
                    f"{first} veut lancer une activité de {discipline.name.lower()} à {city} "
                    "pour les associations, les mariages et les festivals de la région."
                ),
                stage=rng.choice(STAGES[:2]),
                needs="Une formation à la gestion et un premier équipement.",
                province=by_slug.get(cities.get(city, "oujda-angad"), oujda),
                city=city,
                language="fr",
                status=status,
                decided_at=decided,
                members=[(f"{first} {last}", rng.randint(1997, 2007))],
            )
            seeder.count("applications", created)
            _scores(application, jurors, strong=False)
    seeder.progress.line(f"  applications {Application.objects.filter(call=call).count()}")
