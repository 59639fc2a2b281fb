"""The programme's taxonomy as data: the three sectors, their disciplines, the eight
provinces. Loaded by a data migration; staff edit the rows afterwards as Wagtail snippets.
Names: (French, Arabic, English)."""

SECTORS = [
    {
        "slug": "image",
        "names": ("Image", "الصورة", "Image"),
        "colour": "#b4472b",
        "disciplines": [
            ("audiovisuel", ("Audiovisuel", "السمعي البصري", "Audiovisual")),
            ("motion-design", ("Motion design", "التصميم المتحرك", "Motion graphics")),
            ("infographie", ("Infographie", "الإنفوغرافيا", "Infographics")),
            ("photographie", ("Photographie", "التصوير الفوتوغرافي", "Photography")),
        ],
    },
    {
        "slug": "son",
        "names": ("Son", "الصوت", "Sound"),
        "colour": "#1f6f78",
        "disciplines": [
            ("sonorisation-live", ("Sonorisation live", "الصوت الحي", "Live sound")),
            ("enregistrement", ("Enregistrement", "التسجيل الصوتي", "Recording")),
            ("mixage", ("Mixage", "مزج الصوت", "Mixing")),
            ("sound-design", ("Sound design", "تصميم الصوت", "Sound design")),
        ],
    },
    {
        "slug": "lumiere",
        "names": ("Lumière", "الضوء", "Light"),
        "colour": "#8a5a00",
        "disciplines": [
            ("eclairage", ("Éclairage", "الإضاءة", "Lighting")),
            ("projection-mapping", ("Projection mapping", "الإسقاط الضوئي", "Projection mapping")),
        ],
    },
]

# slug, (fr, ar, en), kind, latitude, longitude of the provincial seat
PROVINCES = [
    (
        "oujda-angad",
        ("Oujda-Angad", "وجدة أنكاد", "Oujda-Angad"),
        "prefecture",
        "34.681400",
        "-1.908600",
    ),
    ("berkane", ("Berkane", "بركان", "Berkane"), "province", "34.920000", "-2.320000"),
    ("nador", ("Nador", "الناظور", "Nador"), "province", "35.168100", "-2.933500"),
    ("driouch", ("Driouch", "الدريوش", "Driouch"), "province", "34.976900", "-3.382800"),
    ("guercif", ("Guercif", "جرسيف", "Guercif"), "province", "34.225600", "-3.353600"),
    ("taourirt", ("Taourirt", "تاوريرت", "Taourirt"), "province", "34.407300", "-2.897300"),
    ("jerada", ("Jerada", "جرادة", "Jerada"), "province", "34.311700", "-2.163600"),
    ("figuig", ("Figuig", "فجيج", "Figuig"), "province", "32.109300", "-1.229000"),
]


def load(Sector, Discipline, Province):
    """Create or update the taxonomy rows (works with historical models)."""
    for s_order, data in enumerate(SECTORS):
        fr, ar, en = data["names"]
        sector, _ = Sector.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": fr,
                "name_ar": ar,
                "name_en": en,
                "sort_order": s_order,
                "colour": data["colour"],
            },
        )
        for d_order, (slug, (dfr, dar, den)) in enumerate(data["disciplines"]):
            Discipline.objects.update_or_create(
                slug=slug,
                defaults={
                    "sector": sector,
                    "name": dfr,
                    "name_ar": dar,
                    "name_en": den,
                    "sort_order": d_order,
                },
            )
    for order, (slug, (fr, ar, en), kind, lat, lng) in enumerate(PROVINCES):
        Province.objects.update_or_create(
            slug=slug,
            defaults={
                "name": fr,
                "name_ar": ar,
                "name_en": en,
                "kind": kind,
                "latitude": lat,
                "longitude": lng,
                "sort_order": order,
            },
        )
