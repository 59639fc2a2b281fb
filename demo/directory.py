"""Demo directory: profiles beyond the creators and hubs of ``builders.Seeder``.

``ensure_directory()`` (called by ``seed_demo``) adds the three hubs that complete one hub
per province, a set of professionals, companies, associations and venues without a shop,
so the directory covers every province, kind and discipline (over 60 profiles with the
creators and places), and fills skills, languages and a portfolio video where they are
empty. Idempotent: rows are looked up by slug and only empty fields are filled.
"""

from decimal import Decimal

from demo.data import CITIES
from demo.fake import phone_number as _phone
from demo.fake import seeded_rng as _rng
from directory.models import Discipline, PortfolioItem, Profile, Province

SKILLS = {
    "photographie": (
        "Portrait\nReportage d'événement\nRetouche",
        "Boîtier plein format\nFlashs de studio",
    ),
    "audiovisuel": ("Tournage\nMontage\nÉtalonnage", "Caméra 4K\nStabilisateur\nMicros HF"),
    "motion-design": ("Animation 2D\nHabillage vidéo", "Station de montage"),
    "infographie": ("Identité visuelle\nAffiches\nInfographies", "Tablette graphique"),
    "sonorisation-live": (
        "Sonorisation de concerts\nRetours de scène",
        "Console 16 voies\nEnceintes actives",
    ),
    "enregistrement": (
        "Prise de son\nEnregistrement de voix",
        "Cabine insonorisée\nMicros à condensateur",
    ),
    "mixage": ("Mixage\nMastering", "Écoutes de proximité"),
    "sound-design": ("Création sonore\nAmbiances", "Enregistreur de terrain"),
    "eclairage": ("Création lumière\nRégie de spectacle", "Projecteurs LED\nConsole DMX"),
    "projection-mapping": (
        "Mapping vidéo\nScénographie",
        "Vidéoprojecteur 10 000 lumens\nMedia server",
    ),
}
LANGUAGES = [
    "Arabe, Français",
    "Arabe, Tamazight, Français",
    "Arabe, Français, Anglais",
    "Arabe, Espagnol, Français",
]
VIDEOS = ["https://vimeo.com/76979871", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"]

# One hub per province: the three the Seeder's places leave out.
HUBS = [
    (
        "hub-driouch-creatif",
        "Driouch Créatif",
        "Driouch",
        "Coworking et studio partagé de la province",
    ),
    (
        "hub-guercif-culture",
        "Guercif Culture Lab",
        "Guercif",
        "Hub des jeunes créateurs de Guercif",
    ),
    (
        "hub-jerada-lumiere",
        "Jerada Lumière — coworking",
        "Jerada",
        "Coworking et salle de répétition",
    ),
]

# (slug, name, kind, city, discipline, availability, headline)
PROFESSIONALS = [
    (
        "karim-ouali-son",
        "Karim Ouali",
        "individual",
        "Guercif",
        "sonorisation-live",
        "available",
        "Sonorisateur pour fêtes et concerts",
    ),
    (
        "nadia-amrani-photo",
        "Nadia Amrani",
        "individual",
        "Figuig",
        "photographie",
        "busy",
        "Photographe des oasis et du patrimoine",
    ),
    (
        "studio-midar-prod",
        "Midar Prod",
        "company",
        "Midar",
        "audiovisuel",
        "available",
        "Production vidéo et captation",
    ),
    (
        "lumiere-de-lest",
        "Lumière de l'Est",
        "company",
        "Jerada",
        "eclairage",
        "available",
        "Location et régie lumière",
    ),
    (
        "assoc-rythmes-du-rif",
        "Association Rythmes du Rif",
        "association",
        "Selouane",
        "enregistrement",
        "away",
        "Studio associatif d'enregistrement",
    ),
    (
        "assoc-image-oasis",
        "Association Image Oasis",
        "association",
        "Bouarfa",
        "infographie",
        "available",
        "Ateliers d'image et d'affiche pour les jeunes",
    ),
    (
        "salle-ahfir-arts",
        "Salle polyvalente d'Ahfir",
        "venue",
        "Ahfir",
        "eclairage",
        "available",
        "Salle de 300 places équipée son et lumière",
    ),
    (
        "complexe-culturel-guercif",
        "Complexe culturel de Guercif",
        "venue",
        "Guercif",
        "projection-mapping",
        "available",
        "Salle de spectacle et esplanade",
    ),
    (
        "youssef-haddou-mapping",
        "Youssef Haddou",
        "individual",
        "Taourirt",
        "projection-mapping",
        "available",
        "Mapping vidéo pour festivals",
    ),
    (
        "imane-kaddouri-motion",
        "Imane Kaddouri",
        "individual",
        "Driouch",
        "motion-design",
        "busy",
        "Motion designer et illustratrice",
    ),
    (
        "omar-bakkali-mix",
        "Omar Bakkali",
        "individual",
        "Zaïo",
        "mixage",
        "available",
        "Mixage et mastering à distance",
    ),
    (
        "hajar-ziani-sound",
        "Hajar Ziani",
        "individual",
        "Aïn Bni Mathar",
        "sound-design",
        "available",
        "Création sonore pour le cinéma",
    ),
    (
        "rachid-mimouni-video",
        "Rachid Mimouni",
        "individual",
        "El Aioun Sidi Mellouk",
        "audiovisuel",
        "away",
        "Vidéaste de mariages et d'événements",
    ),
    (
        "atelier-graphique-berkane",
        "Atelier graphique Berkane",
        "company",
        "Berkane",
        "infographie",
        "available",
        "Studio de design graphique",
    ),
    (
        "fatima-zahra-el-idrissi",
        "Fatima Zahra El Idrissi",
        "individual",
        "Bni Drar",
        "photographie",
        "available",
        "Photographe culinaire et de produits",
    ),
]


def _place(key, city):
    province_slug, lat, lng = CITIES[city]
    rng = _rng("directory-coords", key)
    lat = Decimal(f"{lat + rng.uniform(-0.01, 0):.6f}")
    lng = Decimal(f"{lng + rng.uniform(-0.012, 0):.6f}")
    return Province.objects.get(slug=province_slug), lat, lng


def _profile(slug, defaults, disciplines):
    profile, created = Profile.objects.get_or_create(slug=slug, defaults=defaults)
    if created:
        profile.disciplines.set(disciplines)
        profile.sectors.set({d.sector for d in disciplines})
    return created


def ensure_directory():
    """Create what is missing; return ``{"directory profiles": n}`` for the summary."""
    disciplines = {d.slug: d for d in Discipline.objects.select_related("sector")}
    created = 0
    for slug, name, city, headline in HUBS:
        province, lat, lng = _place(slug, city)
        created += _profile(
            slug,
            {
                "name": name,
                "kind": Profile.Kind.HUB,
                "status": Profile.Status.APPROVED,
                "headline": headline,
                "bio": f"{name} accueille les créateurs de la province : postes de travail, "
                "formations et matériel partagé.",
                "province": province,
                "city": city,
                "phone": _phone(f"landline:{slug}", "+212536", 6),
                "email": f"{slug}@example.org",
                "latitude": lat,
                "longitude": lng,
                "skills": "Accueil de créateurs\nFormations\nPrêt de matériel",
                "languages": "Arabe, Tamazight, Français",
            },
            [disciplines["photographie"], disciplines["enregistrement"]],
        )
    for n, (slug, name, kind, city, discipline, availability, headline) in enumerate(PROFESSIONALS):
        province, lat, lng = _place(slug, city)
        skills, equipment = SKILLS[discipline]
        created += _profile(
            slug,
            {
                "name": name,
                "kind": kind,
                "status": Profile.Status.APPROVED,
                "headline": headline,
                "bio": f"{headline}, basé à {city}. Travaille dans toute la région de l'Oriental.",
                "province": province,
                "city": city,
                "whatsapp": _phone(slug),
                "email": f"{slug}@example.org",
                "availability": availability,
                "latitude": lat if n % 5 else None,  # every fifth one is itinerant
                "longitude": lng if n % 5 else None,
                "skills": skills,
                "equipment": equipment,
                "languages": LANGUAGES[n % len(LANGUAGES)],
            },
            [disciplines[discipline]],
        )
    _fill_details(disciplines)
    return {"directory profiles": created}


def _fill_details(disciplines):
    """Skills, equipment and languages for the Seeder's profiles, and a portfolio video for
    a few (only where empty)."""
    profiles = Profile.objects.filter(skills="").prefetch_related("disciplines")
    for n, profile in enumerate(profiles):
        slugs = [d.slug for d in profile.disciplines.all()]
        skills, equipment = SKILLS.get(slugs[0] if slugs else "", ("", ""))
        profile.skills = skills or "Accueil de créateurs\nÉvénements"
        profile.equipment = profile.equipment or equipment
        profile.languages = profile.languages or LANGUAGES[n % len(LANGUAGES)]
        profile.save(update_fields=["skills", "equipment", "languages"])
    for n, profile in enumerate(
        Profile.objects.filter(disciplines__slug__in=["audiovisuel", "motion-design"])
        .exclude(portfolio__isnull=False)
        .distinct()
    ):
        PortfolioItem.objects.create(
            profile=profile, title="Bande démo", video_url=VIDEOS[n % len(VIDEOS)]
        )
