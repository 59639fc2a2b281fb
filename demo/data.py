"""Demo content for the directory and the shop: accounts, creators, hubs, venues, products.

Facts follow the programme's description: 30 accompanied beneficiaries in the first cohort
(2026), based in Oujda for the accompaniment and coming from across the Oriental; the three
sectors and their disciplines; the eight provinces. Names, numbers and places are invented
but plausible; nobody here is a real person.
"""

DEMO_PASSWORD = "demo1234"
COHORT_YEAR = 2026

# email, first name, last name, role (see builders.ensure_accounts)
ACCOUNTS = [
    ("admin@example.org", "Nadia", "Berrada", "admin"),
    ("comms@example.org", "Yousra", "El Hachimi", "comms"),
    ("moderator@example.org", "Driss", "Ouazzani", "moderator"),
    ("staff@example.org", "Mounir", "Tazi", "staff"),
    ("creator@example.org", "Salma", "Benali", "creator"),
    ("client@example.org", "Omar", "Lamrani", "client"),
]

# City → (province slug, latitude, longitude)
CITIES = {
    "Oujda": ("oujda-angad", 34.6814, -1.9086),
    "Bni Drar": ("oujda-angad", 34.8567, -1.9911),
    "Berkane": ("berkane", 34.9200, -2.3200),
    "Saïdia": ("berkane", 35.0850, -2.2390),
    "Ahfir": ("berkane", 34.9520, -2.1020),
    "Nador": ("nador", 35.1681, -2.9335),
    "Zaïo": ("nador", 34.9400, -2.7330),
    "Selouane": ("nador", 35.0720, -2.9400),
    "Driouch": ("driouch", 34.9769, -3.3828),
    "Midar": ("driouch", 34.9450, -3.5310),
    "Guercif": ("guercif", 34.2256, -3.3536),
    "Taourirt": ("taourirt", 34.4073, -2.8973),
    "El Aioun Sidi Mellouk": ("taourirt", 34.5850, -2.5050),
    "Jerada": ("jerada", 34.3117, -2.1636),
    "Aïn Bni Mathar": ("jerada", 34.0100, -2.0250),
    "Figuig": ("figuig", 32.1093, -1.2290),
    "Bouarfa": ("figuig", 32.5300, -1.9600),
}

# Seaside towns: points around them are placed inland only.
COASTAL_CITIES = {"Saïdia", "Nador"}

# --------------------------------------------------------------------------------------
# Creators (each gets a user, an approved profile and a shop)
#
# key: profile slug; first/last: the person (for organisations, the contact who owns the
# account); name: the organisation's public name when it is not a person.
# --------------------------------------------------------------------------------------
CREATORS = [
    # --- First cohort (2026): 30 accompanied beneficiaries -----------------------------
    {
        "key": "salma-benali",
        "email": "creator@example.org",
        "first": "Salma",
        "last": "Benali",
        "city": "Oujda",
        "disciplines": ["photographie"],
        "headline": "Photographe de portrait et de reportage à Oujda",
        "bio": (
            "Salma photographie les gens de l'Oriental depuis ses 17 ans : artisans de la "
            "médina, musiciens, familles. Formée en autodidacte puis en atelier au centre "
            "culturel d'Oujda, elle propose des séances portrait, des reportages d'événements "
            "et des tirages d'art de ses séries sur la ville. L'Karfour a été sa première vente."
        ),
        "availability": "available",
        "products": 6,
    },
    {
        "key": "yassine-el-ouafi",
        "first": "Yassine",
        "last": "El Ouafi",
        "city": "Oujda",
        "disciplines": ["audiovisuel"],
        "headline": "Vidéaste : films de mariage et clips musicaux",
        "bio": (
            "Vidéaste depuis cinq ans, Yassine filme les mariages de la région et réalise des "
            "clips pour les jeunes artistes de raï et de rap d'Oujda. Il travaille avec une "
            "petite équipe de deux opérateurs et monte tout lui-même."
        ),
        "availability": "busy",
    },
    {
        "key": "imane-boudchich",
        "first": "Imane",
        "last": "Boudchich",
        "city": "Oujda",
        "disciplines": ["motion-design"],
        "headline": "Motion designer, animations bilingues français-arabe",
        "bio": (
            "Diplômée en design graphique, Imane anime logos, titres et vidéos explicatives "
            "pour les associations et les petites entreprises. Sa spécialité : des typographies "
            "arabes et latines qui bougent ensemble sans se gêner."
        ),
    },
    {
        "key": "hamza-azzouzi",
        "first": "Hamza",
        "last": "Azzouzi",
        "city": "Oujda",
        "disciplines": ["sonorisation-live"],
        "headline": "Technicien son live pour concerts et conférences",
        "bio": (
            "Hamza a appris le métier sur les scènes des festivals de l'Oriental, d'abord comme "
            "roadie puis à la console. Il sonorise aujourd'hui concerts, mariages et "
            "conférences avec son propre matériel, du café-débat à la scène de 300 personnes."
        ),
    },
    {
        "key": "khadija-amezian",
        "first": "Khadija",
        "last": "Amezian",
        "city": "Nador",
        "disciplines": ["photographie"],
        "headline": "Photographe documentaire, la lagune de Marchica et ses habitants",
        "bio": (
            "Originaire de Nador, Khadija mène depuis trois ans un travail au long cours sur la "
            "lagune de Marchica et les pêcheurs qui en vivent. Elle vend ses tirages et "
            "photographie aussi les événements culturels de la province."
        ),
    },
    {
        "key": "anas-mokhtari",
        "first": "Anas",
        "last": "Mokhtari",
        "city": "Oujda",
        "disciplines": ["enregistrement", "mixage"],
        "headline": "Home studio à Oujda : enregistrement, mixage, podcasts",
        "bio": (
            "Anas a transformé une pièce de la maison familiale en studio traité. Il y enregistre "
            "rappeurs, chanteurs et podcasteurs, et mixe à distance pour des artistes de toute "
            "la région. Le programme l'aide à équiper une seconde cabine."
        ),
    },
    {
        "key": "nour-el-houda-tahiri",
        "first": "Nour El Houda",
        "last": "Tahiri",
        "city": "Oujda",
        "disciplines": ["infographie"],
        "headline": "Illustratrice et infographiste, affiches et identités visuelles",
        "bio": (
            "Nour El Houda dessine des affiches en risographie inspirées du patrimoine d'Oujda "
            "et conçoit des identités visuelles pour les associations culturelles. Elle anime "
            "aussi des ateliers d'illustration pour les collégiens."
        ),
    },
    {
        "key": "ayoub-zerrouki",
        "first": "Ayoub",
        "last": "Zerrouki",
        "city": "Oujda",
        "disciplines": ["eclairage"],
        "headline": "Éclairagiste de scène et d'événements",
        "bio": (
            "Ayoub a débuté comme régisseur au théâtre d'une maison de jeunes. Il conçoit "
            "aujourd'hui la lumière de spectacles de danse et de concerts, et fabrique des "
            "lampes en bois d'olivier vendues à L'Karfour."
        ),
    },
    {
        "key": "soukaina-haddouchi",
        "first": "Soukaina",
        "last": "Haddouchi",
        "city": "Berkane",
        "disciplines": ["audiovisuel"],
        "headline": "Réalisatrice de documentaires courts",
        "bio": (
            "Soukaina réalise des portraits filmés de femmes entrepreneures de Berkane et des "
            "vidéos de présentation pour les coopératives agricoles. Son court métrage "
            "« Sable » a été projeté dans plusieurs ciné-clubs de l'Oriental."
        ),
    },
    {
        "key": "mehdi-kaddouri",
        "first": "Mehdi",
        "last": "Kaddouri",
        "city": "Oujda",
        "disciplines": ["projection-mapping", "motion-design"],
        "headline": "Artiste mapping vidéo et motion designer",
        "bio": (
            "Passionné d'architecture, Mehdi projette des motifs de zellige animés sur les "
            "façades et les portes de médina. Il crée aussi les contenus vidéo de ses "
            "spectacles et forme les jeunes des maisons de jeunes au mapping."
        ),
    },
    {
        "key": "oumaima-rahmouni",
        "first": "Oumaima",
        "last": "Rahmouni",
        "city": "Oujda",
        "disciplines": ["sound-design"],
        "headline": "Sound designer pour le film, le jeu vidéo et les marques",
        "bio": (
            "Oumaima enregistre les sons de la ville, du souk aux trains de nuit, et les "
            "transforme en univers sonores pour des courts métrages et des jeux indépendants. "
            "Elle compose aussi des logos sonores pour les entreprises locales."
        ),
    },
    {
        "key": "ilyas-bourass",
        "first": "Ilyas",
        "last": "Bourass",
        "city": "Saïdia",
        "disciplines": ["photographie"],
        "headline": "Photographe de paysage et de tourisme, côte méditerranéenne",
        "bio": (
            "Installé à Saïdia, Ilyas photographie la côte de l'Oriental, du Cap de l'Eau à "
            "l'embouchure de la Moulouya. Hôtels, maisons d'hôtes et offices du tourisme lui "
            "confient leurs visuels."
        ),
    },
    {
        "key": "hajar-mimouni",
        "first": "Hajar",
        "last": "Mimouni",
        "city": "Berkane",
        "disciplines": ["infographie", "motion-design"],
        "headline": "Graphiste : identités visuelles, stories et infographies animées",
        "bio": (
            "Hajar accompagne les commerçants et coopératives de Berkane dans leur "
            "communication : logos, emballages, contenus pour les réseaux sociaux. Elle "
            "développe une ligne de t-shirts sur l'orange de Berkane."
        ),
    },
    {
        "key": "zakaria-hammouti",
        "first": "Zakaria",
        "last": "Hammouti",
        "city": "Nador",
        "disciplines": ["mixage"],
        "headline": "Ingénieur de mixage et de mastering",
        "bio": (
            "Zakaria mixe et masterise pour des artistes du Rif et de la diaspora, en "
            "Belgique et aux Pays-Bas. Il travaille en ligne et reçoit sur rendez-vous dans "
            "son studio de Nador."
        ),
    },
    {
        "key": "rim-belhaj",
        "first": "Rim",
        "last": "Belhaj",
        "city": "Oujda",
        "disciplines": ["photographie"],
        "headline": "Photographe culinaire et de produits",
        "bio": (
            "Rim met en valeur les produits des coopératives et des restaurants de l'Oriental : "
            "huile d'olive, miel, pâtisseries, artisanat. Elle a monté un petit studio lumière "
            "du jour dans le quartier Al Qods."
        ),
    },
    {
        "key": "othmane-aznag",
        "first": "Othmane",
        "last": "Aznag",
        "city": "Driouch",
        "disciplines": ["audiovisuel"],
        "headline": "Réalisateur de clips, tourne dans tout le Rif oriental",
        "bio": (
            "Othmane réalise des clips pour les chanteurs amazighs du Rif, souvent tournés en "
            "extérieur, dans les montagnes et sur la côte. Il se déplace dans toute la région "
            "avec son matériel."
        ),
        "itinerant": True,
    },
    {
        "key": "meryem-chafik",
        "first": "Meryem",
        "last": "Chafik",
        "city": "Oujda",
        "disciplines": ["eclairage"],
        "headline": "Créatrice lumière pour le théâtre et la danse",
        "bio": (
            "Formée à la scénographie, Meryem signe la lumière de compagnies de théâtre de "
            "l'Oriental. Elle aime les lumières rasantes, les ombres longues et les couleurs "
            "de fin d'après-midi."
        ),
    },
    {
        "key": "achraf-moussaoui",
        "first": "Achraf",
        "last": "Moussaoui",
        "city": "Berkane",
        "disciplines": ["sonorisation-live"],
        "headline": "Sonorisation de fêtes, mariages et concerts",
        "bio": (
            "Achraf sonorise les fêtes et les concerts de Berkane et de Saïdia, avec un parc "
            "de matériel qu'il agrandit chaque saison. L'été, il assure la régie des scènes "
            "de plage."
        ),
        "availability": "busy",
    },
    {
        "key": "chaimae-daoudi",
        "first": "Chaimae",
        "last": "Daoudi",
        "city": "Oujda",
        "disciplines": ["motion-design"],
        "headline": "Animatrice 2D, vidéos explicatives et habillages",
        "bio": (
            "Chaimae dessine et anime des vidéos courtes qui expliquent simplement : un service "
            "public, une campagne de santé, une association. Elle travaille en français, en "
            "arabe et en darija."
        ),
    },
    {
        "key": "bilal-ouchen",
        "first": "Bilal",
        "last": "Ouchen",
        "city": "Taourirt",
        "disciplines": ["enregistrement"],
        "headline": "Voix off et podcasts, studio mobile",
        "bio": (
            "Bilal produit des podcasts et enregistre des voix off en arabe, en français et en "
            "amazighe. Avec son studio mobile, il enregistre aussi les troupes de musique "
            "traditionnelle de Taourirt et de Debdou."
        ),
    },
    {
        "key": "houda-laaroussi",
        "first": "Houda",
        "last": "Laaroussi",
        "city": "Oujda",
        "disciplines": ["photographie"],
        "headline": "Photographe de mariage et de famille",
        "bio": (
            "Houda photographie les mariages de l'Oriental avec une attention particulière aux "
            "moments entre les moments : la henna, les mains, les regards. Elle travaille en "
            "binôme avec sa sœur."
        ),
        "availability": "busy",
    },
    {
        "key": "reda-boukhari",
        "first": "Reda",
        "last": "Boukhari",
        "city": "Oujda",
        "disciplines": ["projection-mapping"],
        "headline": "Projections immersives pour galas et mariages",
        "bio": (
            "Reda transforme les salles de fête en espaces immersifs : murs et plafonds animés "
            "de motifs géométriques au rythme de la soirée. Il loue aussi son matériel de "
            "projection avec un régisseur."
        ),
    },
    {
        "key": "sara-ziani",
        "first": "Sara",
        "last": "Ziani",
        "city": "Jerada",
        "disciplines": ["infographie"],
        "headline": "Infographiste et illustratrice, la mémoire minière de Jerada",
        "bio": (
            "Sara illustre l'histoire de Jerada et de ses mines de charbon dans des affiches et "
            "des cartes. Elle réalise aussi des infographies pour les associations et les "
            "communes de la province."
        ),
    },
    {
        "key": "walid-akhrif",
        "first": "Walid",
        "last": "Akhrif",
        "city": "Oujda",
        "disciplines": ["sound-design", "mixage"],
        "headline": "Sound design et mixage pour l'image",
        "bio": (
            "Walid conçoit le son des courts métrages de la région, du bruitage au mixage final. "
            "Il publie des banques de sons enregistrés dans l'Oriental, utilisées par des "
            "monteurs du monde entier."
        ),
    },
    {
        "key": "asmae-yahyaoui",
        "first": "Asmae",
        "last": "Yahyaoui",
        "city": "Oujda",
        "disciplines": ["audiovisuel"],
        "headline": "Monteuse et étalonneuse",
        "bio": (
            "Asmae monte et étalonne les films des autres : documentaires, clips, vidéos "
            "institutionnelles. Elle vend aussi ses LUTs inspirées des lumières de l'Oriental."
        ),
    },
    {
        "key": "younes-bouhout",
        "first": "Younes",
        "last": "Bouhout",
        "city": "Zaïo",
        "disciplines": ["eclairage"],
        "headline": "Éclairage d'événements et de façades",
        "bio": (
            "Younes éclaire mariages, inaugurations et façades de commerces dans la province de "
            "Nador. Il privilégie le matériel LED basse consommation et l'installation soignée."
        ),
        "availability": "away",
    },
    {
        "key": "ikram-harrak",
        "first": "Ikram",
        "last": "Harrak",
        "city": "Oujda",
        "disciplines": ["photographie"],
        "headline": "Photographe argentique, tirages et cartes postales",
        "bio": (
            "Ikram photographie à l'argentique et développe elle-même ses films noir et blanc. "
            "Ses séries sur les portes et les passages de la médina d'Oujda sont vendues en "
            "tirages et en cartes postales."
        ),
    },
    {
        "key": "amine-saidi",
        "first": "Amine",
        "last": "Saidi",
        "city": "Guercif",
        "disciplines": ["sonorisation-live"],
        "headline": "Sonorisation mobile pour les petites salles et les villages",
        "bio": (
            "Amine sillonne la province de Guercif et ses environs avec un système son léger "
            "pour les cafés-débats, les fêtes de quartier et les concerts en plein air."
        ),
        "itinerant": True,
    },
    {
        "key": "nisrine-aarab",
        "first": "Nisrine",
        "last": "Aarab",
        "city": "Oujda",
        "disciplines": ["motion-design"],
        "headline": "Motion design 3D et templates pour créateurs",
        "bio": (
            "Nisrine modélise et anime en 3D, et vend des templates qui aident les petits "
            "créateurs à habiller leurs vidéos. Elle prépare une série de flipbooks sur la "
            "danse reggada."
        ),
    },
    {
        "key": "karim-ouariachi",
        "first": "Karim",
        "last": "Ouariachi",
        "city": "El Aioun Sidi Mellouk",
        "disciplines": ["audiovisuel"],
        "headline": "Vidéaste de reportage, documentaire et événementiel",
        "bio": (
            "Karim filme les festivals, les moussems et les initiatives locales de l'Oriental "
            "pour les associations et les médias en ligne. Il se déplace avec un kit léger "
            "dans toute la région."
        ),
        "itinerant": True,
    },
    # --- Other creators of the network (not accompanied) --------------------------------
    {
        "key": "studio-lamsa",
        "name": "Studio Lamsa",
        "kind": "company",
        "first": "Adil",
        "last": "Bennani",
        "city": "Oujda",
        "disciplines": ["audiovisuel", "photographie"],
        "headline": "Studio de production audiovisuelle et photo à Oujda",
        "bio": (
            "Studio Lamsa produit films institutionnels, publicités et reportages pour les "
            "entreprises et les institutions de l'Oriental. Le studio accueille chaque année "
            "des stagiaires du programme Takafaship."
        ),
        "accompanied": False,
        "products": 5,
    },
    {
        "key": "sonika-events",
        "name": "Sonika Events",
        "kind": "company",
        "first": "Nabil",
        "last": "Azarkan",
        "city": "Nador",
        "disciplines": ["sonorisation-live", "eclairage"],
        "headline": "Son et lumière pour festivals et grands événements",
        "bio": (
            "Sonika Events équipe festivals, salons et concerts du Rif oriental en son et en "
            "lumière, avec une équipe de huit techniciens. L'entreprise confie des régies aux "
            "jeunes techniciens accompagnés par le programme."
        ),
        "accompanied": False,
        "products": 5,
    },
    {
        "key": "association-nour-et-ombres",
        "name": "Association Nour & Ombres",
        "kind": "association",
        "first": "Lamia",
        "last": "Charaf",
        "city": "Berkane",
        "disciplines": ["projection-mapping", "eclairage"],
        "headline": "Association d'arts lumineux : mapping, installations, ateliers",
        "bio": (
            "Nour & Ombres crée des spectacles de lumière sur le patrimoine de l'Oriental et "
            "forme les jeunes de Berkane au mapping vidéo et à l'éclairage. L'association "
            "organise chaque printemps une nuit des lumières."
        ),
        "accompanied": False,
        "products": 5,
    },
    {
        "key": "collectif-izran",
        "name": "Collectif Izran",
        "kind": "association",
        "first": "Soufiane",
        "last": "Amrani",
        "city": "Driouch",
        "disciplines": ["enregistrement", "sound-design"],
        "headline": "Collectif d'enregistrement des musiques du Rif",
        "bio": (
            "Le Collectif Izran enregistre et archive les chants et les musiques du Rif, et "
            "publie des albums et des banques de sons. Son nom veut dire « poèmes chantés » "
            "en tamazight."
        ),
        "accompanied": False,
        "products": 5,
    },
    {
        "key": "ghita-lahlou",
        "first": "Ghita",
        "last": "Lahlou",
        "city": "Bouarfa",
        "disciplines": ["infographie"],
        "headline": "Illustratrice indépendante, cartes et affiches de l'Oriental",
        "bio": (
            "Ghita dessine des cartes illustrées et des affiches sur les hauts plateaux et "
            "les oasis. Elle travaille à distance pour des éditeurs et des offices du tourisme."
        ),
        "accompanied": False,
        "products": 4,
    },
    {
        "key": "fatima-zahra-bouazza",
        "first": "Fatima-Zahra",
        "last": "Bouazza",
        "city": "Figuig",
        "disciplines": ["photographie"],
        "headline": "Photographe de l'oasis de Figuig",
        "bio": (
            "Née à Figuig, Fatima-Zahra photographie la palmeraie, les ksour et les fêtes de "
            "l'oasis. Ses livres photo sont vendus aux visiteurs et aux familles de la diaspora."
        ),
        "accompanied": False,
        "products": 4,
    },
]

# --------------------------------------------------------------------------------------
# Hubs and coworking spaces (one per province where one exists) and venues: profiles
# without a shop.
# --------------------------------------------------------------------------------------
PLACES = [
    {
        "key": "hub-takafaship-oujda",
        "name": "Hub Takafaship Oujda",
        "kind": "hub",
        "city": "Oujda",
        "sectors": ["image", "son", "lumiere"],
        "headline": "Espace de coworking et de formation du programme, au centre culturel",
        "bio": (
            "Le hub d'Oujda accueille la première cohorte de Takafaship : postes de travail, "
            "salle de formation, studio photo, cabine d'enregistrement et matériel en prêt. "
            "Ouvert du lundi au samedi, de 9 h à 19 h."
        ),
    },
    {
        "key": "hub-rif-creation-nador",
        "name": "Rif Création — hub de Nador",
        "kind": "hub",
        "city": "Nador",
        "sectors": ["image", "son"],
        "headline": "Coworking créatif face à la lagune de Marchica",
        "bio": (
            "Ouvert cette année avec une association de jeunes de Nador, Rif Création propose "
            "douze postes de travail, un fond photo et une salle de montage aux créateurs de "
            "la province."
        ),
    },
    {
        "key": "atelier-berkane",
        "name": "L'Atelier — coworking de Berkane",
        "kind": "hub",
        "city": "Berkane",
        "sectors": ["image", "lumiere"],
        "headline": "Coworking et atelier de fabrication",
        "bio": (
            "L'Atelier réunit graphistes, photographes et artisans de la lumière dans une "
            "ancienne maison du centre-ville de Berkane, avec une découpeuse laser et une "
            "imprimante grand format partagées."
        ),
    },
    {
        "key": "espace-jeunes-createurs-taourirt",
        "name": "Espace Jeunes Créateurs de Taourirt",
        "kind": "hub",
        "city": "Taourirt",
        "sectors": ["son", "image"],
        "headline": "Hub de la province de Taourirt, à la maison de jeunes",
        "bio": (
            "Installé dans la maison de jeunes, l'espace prête du matériel d'enregistrement et "
            "de tournage et accueille chaque mois un café-débat sur les métiers de la culture."
        ),
    },
    {
        "key": "ksar-lab-figuig",
        "name": "Ksar Lab Figuig",
        "kind": "hub",
        "city": "Figuig",
        "sectors": ["image", "lumiere"],
        "headline": "Tiers-lieu culturel dans un ksar restauré",
        "bio": (
            "Dans une maison restaurée du ksar Zenaga, Ksar Lab accueille résidences "
            "d'artistes, ateliers photo et projections en plein air pour les jeunes de l'oasis."
        ),
    },
    {
        "key": "espace-bab-sidi-abdelwahab",
        "name": "Espace culturel Bab Sidi Abdelwahab",
        "kind": "venue",
        "city": "Oujda",
        "sectors": ["image", "son", "lumiere"],
        "headline": "Salle de 250 places pour concerts, projections et rencontres",
        "bio": (
            "À deux pas de la porte historique, la salle accueille concerts, projections et "
            "cafés-débats. Fiche technique son et lumière disponible sur demande."
        ),
    },
    {
        "key": "theatre-de-verdure-saidia",
        "name": "Théâtre de verdure de Saïdia",
        "kind": "venue",
        "city": "Saïdia",
        "sectors": ["son", "lumiere"],
        "headline": "Scène en plein air de 800 places, saison d'été",
        "bio": (
            "Le théâtre de verdure reçoit de juin à septembre les concerts et les spectacles "
            "de la saison estivale de Saïdia."
        ),
    },
    {
        "key": "maison-de-la-culture-jerada",
        "name": "Maison de la culture de Jerada",
        "kind": "venue",
        "city": "Jerada",
        "sectors": ["image", "son"],
        "headline": "Salle polyvalente et salle d'exposition",
        "bio": (
            "La maison de la culture accueille expositions, ateliers et spectacles, et prête "
            "sa salle aux associations de la province."
        ),
    },
]

# --------------------------------------------------------------------------------------
# Products and services, by discipline. ``{subject}`` is drawn from the list named in
# ``subjects``; ``{city}`` and ``{province}`` are the creator's.
# class: service | physical | digital; price: (min, max) in MAD; stock: (min, max).
# --------------------------------------------------------------------------------------
SUBJECTS = {
    "photo": [
        "Médina d'Oujda au crépuscule",
        "Corniche de Saïdia",
        "Lagune de Marchica",
        "Palmeraie de Figuig",
        "Gorges du Zegzel",
        "Marché de Berkane",
        "Bab Sidi Abdelwahab",
        "Cap de l'Eau",
        "Ksar Zenaga",
        "Monts des Beni Snassen",
        "Plage de Ras El Ma",
        "Chevalements de Jerada",
    ],
    "book": [
        "Visages de l'Oriental",
        "Oujda, ville millénaire",
        "La Marchica, lagune vivante",
        "Figuig, l'oasis",
        "Jerada, mémoire de mine",
    ],
    "postcard": [
        "L'Oriental en couleurs",
        "Portes de la médina",
        "Saïdia, la perle bleue",
        "Berkane en fleurs",
    ],
    "preset": [
        "Tons chauds de l'Oriental",
        "Sable et ocre",
        "Nuit méditerranéenne",
        "Lumière de l'oasis",
    ],
    "lut": ["Oriental doré", "Méditerranée", "Nuit à Oujda", "Hauts plateaux"],
    "film": ["Les Remparts", "Le Dernier Train pour Bouarfa", "Sable", "La Voix du Zegzel"],
    "motion": [
        "Titres bilingues",
        "Transitions géométriques",
        "Bandeaux d'interview",
        "Zellige animé",
    ],
    "story": ["Festival", "Boutique", "Association", "Événement"],
    "flipbook": ["La danse reggada", "Le cycliste de la corniche", "La cigogne d'Oujda"],
    "poster": [
        "Oujda la millénaire",
        "Carte illustrée de l'Oriental",
        "Saïdia, la perle bleue",
        "Les nuits du raï",
        "Berkane, capitale de l'orange",
    ],
    "textile": ["Reggada", "Oriental Vibes", "Berkane l'orange", "Made in Oujda"],
    "icons": ["Patrimoine de l'Oriental", "Culture et événements", "Artisanat"],
    "sounds": [
        "Souk d'Oujda",
        "Vagues de Saïdia",
        "Oasis de Figuig",
        "Percussions reggada",
        "Vent des hauts plateaux",
    ],
    "album": ["Voix de l'Oriental", "Izran n Arrif", "Raï de chambre"],
    "mixpreset": ["Voix raï", "Percussions traditionnelles", "Rap en darija"],
    "sd": [
        "Textures urbaines d'Oujda",
        "Ambiances du désert",
        "Transitions pour motion design",
        "Bruitages du quotidien",
    ],
    "lamp": ["Moucharabieh", "Étoile de l'Oriental", "Dune", "Médina"],
    "mapping": ["Zellige animé", "Géométries andalouses", "Lumières de l'oasis"],
}

PRODUCT_TEMPLATES = {
    "photographie": [
        {
            "class": "physical",
            "title": "Tirage d'art « {subject} »",
            "subjects": "photo",
            "price": (350, 900),
            "stock": (3, 25),
            "karfour": True,
            "description": (
                "<p>Tirage pigmentaire sur papier coton 310 g, format 30 × 40 cm, signé et "
                "numéroté au dos. Édition limitée à 25 exemplaires.</p>"
                "<p>Expédié sous pochette rigide depuis {city}, ou à retirer sur le stand à "
                "L'Karfour.</p>"
            ),
        },
        {
            "class": "physical",
            "title": "Livre photo « {subject} »",
            "subjects": "book",
            "price": (250, 450),
            "stock": (10, 40),
            "karfour": True,
            "description": (
                "<p>64 pages, 48 photographies en couleur, textes en français et en arabe. "
                "Format 21 × 27 cm, couverture souple, imprimé à Oujda.</p>"
                "<p>Dédicacé sur demande : indiquez le prénom en commentaire de commande.</p>"
            ),
        },
        {
            "class": "physical",
            "title": "Coffret de 10 cartes postales « {subject} »",
            "subjects": "postcard",
            "price": (60, 120),
            "stock": (20, 60),
            "karfour": True,
            "description": (
                "<p>Dix cartes postales 10 × 15 cm imprimées sur carton mat 350 g, dans une "
                "pochette kraft. Dix photographies de la série, légendées au dos en français "
                "et en arabe.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Séance portrait en studio ou en extérieur",
            "price": (800, 1800),
            "description": (
                "<p>Une heure de prise de vue à {city}, en studio ou en extérieur : portrait "
                "professionnel, book d'artiste ou photo de famille.</p>"
                "<p>Dix photographies retouchées en haute définition, livrées sous 7 jours par "
                "lien de téléchargement.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Reportage photo d'événement (demi-journée)",
            "price": (2000, 4500),
            "description": (
                "<p>Quatre heures de couverture photo de votre conférence, vernissage, concert "
                "ou fête d'entreprise, à {city} et dans la province de {province}.</p>"
                "<p>150 photographies retouchées livrées sous 5 jours ouvrés. Déplacement hors "
                "province sur devis.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Reportage photo de mariage (journée complète)",
            "price": (6000, 14000),
            "description": (
                "<p>Des préparatifs à la soirée : la henna, la cérémonie et la fête racontées "
                "en images, avec discrétion.</p>"
                "<p>Galerie privée en ligne de 400 photographies retouchées ; album de 30 pages "
                "en option. Acompte de 30 % à la réservation.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Photos de produits pour boutique en ligne (20 visuels)",
            "price": (1500, 3000),
            "description": (
                "<p>Vingt photographies de vos produits sur fond neutre et en situation, prêtes "
                "pour votre boutique, Instagram ou votre catalogue.</p>"
                "<p>Prise de vue au studio à {city}, livraison sous 4 jours.</p>"
            ),
        },
        {
            "class": "digital",
            "title": "Presets Lightroom « {subject} »",
            "subjects": "preset",
            "price": (150, 300),
            "karfour": True,
            "description": (
                "<p>Douze presets pour Lightroom, sur ordinateur et sur mobile, conçus à partir "
                "de nos photos de l'Oriental : peaux naturelles, ocres chauds, ciels profonds.</p>"
                "<p>Téléchargement immédiat après paiement, avec un guide d'installation en "
                "français et en arabe.</p>"
            ),
        },
    ],
    "audiovisuel": [
        {
            "class": "service",
            "title": "Film de mariage (tournage et montage)",
            "price": (8000, 18000),
            "description": (
                "<p>Deux vidéastes toute la journée, un film de 15 à 20 minutes et une "
                "bande-annonce de 2 minutes pour les réseaux sociaux.</p>"
                "<p>Livraison sous 6 semaines, en ligne et sur clé USB. Déplacement inclus dans "
                "la province de {province}.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Réalisation de clip musical",
            "price": (6000, 25000),
            "description": (
                "<p>De l'idée à l'étalonnage : repérages dans l'Oriental, une journée de "
                "tournage, montage et deux séries de corrections.</p>"
                "<p>Livré en 4K, en versions 16:9 et 9:16 pour YouTube et les réseaux "
                "sociaux.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Vidéo de présentation pour entreprise ou festival (1 à 2 min)",
            "price": (4000, 9000),
            "description": (
                "<p>Une vidéo courte qui présente votre activité, votre lieu ou votre festival : "
                "interview, images d'illustration, musique libre de droits, sous-titres en "
                "français et en arabe.</p>"
                "<p>Tournage à {city} ou chez vous, livraison sous 3 semaines.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Captation multicaméra de concert ou de conférence",
            "price": (3500, 8000),
            "description": (
                "<p>Trois caméras, son direct pris à la console, réalisation en direct ou "
                "montage après l'événement.</p>"
                "<p>Pour les concerts, les conférences et les cafés-débats à diffuser en "
                "ligne.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Montage et étalonnage de votre vidéo",
            "price": (1500, 4000),
            "description": (
                "<p>Vous avez filmé, nous montons : rythme, habillage, étalonnage et mixage "
                "simple, jusqu'à 5 minutes de film fini.</p>"
                "<p>Envoyez vos rushes par lien de transfert ; première version sous 10 "
                "jours.</p>"
            ),
        },
        {
            "class": "digital",
            "title": "Pack de LUTs cinéma « {subject} »",
            "subjects": "lut",
            "price": (200, 450),
            "description": (
                "<p>Quinze LUTs au format .cube pour DaVinci Resolve, Premiere Pro et Final "
                "Cut, pensées pour la lumière franche de l'Oriental.</p>"
                "<p>Téléchargement immédiat, avec des images avant/après pour choisir.</p>"
            ),
        },
        {
            "class": "physical",
            "title": "Affiche du court métrage « {subject} » (A2)",
            "subjects": "film",
            "price": (150, 250),
            "stock": (10, 40),
            "karfour": True,
            "description": (
                "<p>L'affiche officielle du film, imprimée en offset sur papier mat 170 g, "
                "format 42 × 59,4 cm.</p><p>Envoyée roulée dans un tube en carton.</p>"
            ),
        },
    ],
    "motion-design": [
        {
            "class": "digital",
            "title": "Templates After Effects « {subject} »",
            "subjects": "motion",
            "price": (300, 900),
            "description": (
                "<p>Vingt animations prêtes à l'emploi, modifiables sans plugin, avec des "
                "titres en caractères latins et arabes.</p>"
                "<p>Projet After Effects et tutoriel vidéo inclus. Licence commerciale pour un "
                "client.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Animation de logo (5 à 8 secondes)",
            "price": (1500, 3000),
            "description": (
                "<p>Votre logo prend vie : trois pistes d'animation proposées, une retenue et "
                "affinée, avec un son court.</p>"
                "<p>Livré en MP4, en MOV avec transparence et en GIF, sous 10 jours.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Vidéo explicative animée (60 secondes)",
            "price": (5000, 12000),
            "description": (
                "<p>Script, storyboard, illustrations, animation et voix off en français, en "
                "arabe ou en darija : une minute pour expliquer votre projet ou votre "
                "service.</p><p>Délai moyen : 4 semaines.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Habillage graphique de chaîne ou d'émission",
            "price": (3500, 8000),
            "description": (
                "<p>Générique, transitions, bandeaux de titre et vignettes pour votre chaîne "
                "YouTube, votre podcast vidéo ou votre émission.</p>"
                "<p>Fichiers sources livrés pour que votre équipe les réutilise.</p>"
            ),
        },
        {
            "class": "digital",
            "title": "Pack de stories animées « {subject} »",
            "subjects": "story",
            "price": (250, 500),
            "description": (
                "<p>Trente gabarits de stories animées pour Instagram et TikTok, modifiables "
                "dans Canva et After Effects.</p>"
                "<p>Polices libres et palette de couleurs inspirées de l'Oriental.</p>"
            ),
        },
        {
            "class": "physical",
            "title": "Flipbook « {subject} »",
            "subjects": "flipbook",
            "price": (90, 180),
            "stock": (15, 50),
            "karfour": True,
            "description": (
                "<p>Un petit livre à feuilleter du pouce : une animation de 60 images imprimée "
                "sur carton, à collectionner ou à offrir.</p>"
                "<p>Fabriqué à la main en petite série à {city}.</p>"
            ),
        },
    ],
    "infographie": [
        {
            "class": "physical",
            "title": "Affiche illustrée « {subject} » (A3)",
            "subjects": "poster",
            "price": (150, 300),
            "stock": (10, 40),
            "karfour": True,
            "description": (
                "<p>Illustration originale imprimée en risographie sur papier recyclé 120 g, "
                "format 29,7 × 42 cm.</p>"
                "<p>Chaque tirage est un peu unique : l'encre de la risographie vit sur le "
                "papier.</p>"
            ),
        },
        {
            "class": "physical",
            "title": "T-shirt sérigraphié « {subject} »",
            "subjects": "textile",
            "price": (150, 250),
            "stock": (10, 40),
            "karfour": True,
            "description": (
                "<p>T-shirt en coton épais, sérigraphié à la main en deux couleurs. Tailles S à "
                "XXL : précisez la vôtre en commentaire de commande.</p>"
                "<p>Lavage à 30 °C, sur l'envers.</p>"
            ),
        },
        {
            "class": "physical",
            "title": "Tote bag « {subject} »",
            "subjects": "textile",
            "price": (90, 150),
            "stock": (15, 60),
            "karfour": True,
            "description": (
                "<p>Sac en toile de coton naturel, 38 × 42 cm, anses longues, impression "
                "sérigraphique.</p><p>Assez solide pour le marché, l'atelier ou la plage.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Identité visuelle : logo et charte graphique",
            "price": (3000, 9000),
            "description": (
                "<p>Logo, palette, typographies et déclinaisons (cartes de visite, réseaux "
                "sociaux, papier à en-tête), en français et en arabe.</p>"
                "<p>Deux rendez-vous de travail à {city} ou en visio, trois pistes créatives, "
                "fichiers sources livrés.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Infographie sur mesure (rapport, affiche, réseaux sociaux)",
            "price": (1500, 3500),
            "description": (
                "<p>Vos chiffres rendus lisibles : une infographie claire à partir de vos "
                "données, en une ou plusieurs langues.</p>"
                "<p>Livraison en PDF haute définition et en PNG pour le web sous 7 jours.</p>"
            ),
        },
        {
            "class": "digital",
            "title": "Pack d'icônes « {subject} » (SVG)",
            "subjects": "icons",
            "price": (150, 300),
            "description": (
                "<p>Soixante icônes vectorielles au trait, cohérentes entre elles, en SVG et en "
                "PNG.</p><p>Utilisables sur vos supports personnels et commerciaux.</p>"
            ),
        },
    ],
    "sonorisation-live": [
        {
            "class": "service",
            "title": "Sonorisation de concert (jusqu'à 300 personnes)",
            "price": (5000, 12000),
            "description": (
                "<p>Système de façade, retours, console numérique et ingénieur du son pour "
                "votre concert en salle ou en plein air.</p>"
                "<p>Installation, balances et démontage compris ; devis précis après visite "
                "technique du lieu.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Sonorisation de conférence ou de café-débat",
            "price": (1500, 4000),
            "description": (
                "<p>Micros sans fil, enceintes discrètes et enregistrement de la séance pour "
                "vos conférences, séminaires et cafés-débats.</p>"
                "<p>Un technicien présent du début à la fin.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Régie son pour festival (par jour)",
            "price": (3000, 7000),
            "description": (
                "<p>Un ingénieur du son, façade ou retours, pour votre festival : fiches "
                "techniques relues à l'avance, changements de plateau maîtrisés.</p>"
                "<p>Tarif journalier ; déplacement en sus hors de la province de "
                "{province}.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Sonorisation de mariage et de fête",
            "price": (3000, 7000),
            "description": (
                "<p>Un son clair pour l'orchestre, le DJ ou la troupe de reggada, des micros "
                "pour les discours et une ambiance musicale pour le dîner.</p>"
                "<p>Installation discrète et technicien sur place toute la soirée.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Location de système son avec technicien (journée)",
            "price": (2000, 4500),
            "description": (
                "<p>Deux enceintes actives, un caisson de basses, une console 12 voies et "
                "quatre micros, livrés, installés et réglés par un technicien.</p>"
                "<p>Pour les petites salles, les cours de maison et les terrasses.</p>"
            ),
        },
        {
            "class": "digital",
            "title": "Guide pratique « Sonoriser une petite salle » (PDF)",
            "price": (90, 150),
            "karfour": True,
            "description": (
                "<p>Quarante pages illustrées pour réussir le son d'un café-débat, d'une "
                "lecture ou d'un petit concert avec peu de matériel.</p>"
                "<p>En français, avec un glossaire français-arabe des termes techniques.</p>"
            ),
        },
    ],
    "enregistrement": [
        {
            "class": "service",
            "title": "Session d'enregistrement en studio (4 heures)",
            "price": (1200, 2500),
            "description": (
                "<p>Quatre heures au studio, à {city}, avec un ingénieur du son : cabine "
                "traitée, micros à condensateur, préamplis de qualité.</p>"
                "<p>Vous repartez avec les pistes séparées au format WAV.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Voix off en français, en arabe ou en amazighe",
            "price": (1500, 3500),
            "description": (
                "<p>Voix off pour publicité, documentaire, formation en ligne ou répondeur, "
                "enregistrée avec un comédien de notre réseau.</p>"
                "<p>Fichier nettoyé et calibré, livré sous 3 jours.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Production de podcast (par épisode)",
            "price": (1500, 3000),
            "description": (
                "<p>Enregistrement jusqu'à quatre voix, montage, nettoyage, habillage sonore "
                "et export pour les plateformes.</p>"
                "<p>Au studio ou chez vous, avec notre kit mobile.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Enregistrement de musique traditionnelle sur le terrain",
            "price": (3000, 8000),
            "description": (
                "<p>Nous venons avec un studio mobile pour enregistrer une troupe, un chant, "
                "une cérémonie, dans le respect des musiciens et du lieu.</p>"
                "<p>Archivage et mixage de base compris.</p>"
            ),
        },
        {
            "class": "digital",
            "title": "Banque de sons « {subject} » (WAV 24 bits)",
            "subjects": "sounds",
            "price": (200, 500),
            "description": (
                "<p>Plus de 150 enregistrements de terrain captés dans l'Oriental, nettoyés et "
                "nommés, au format WAV 24 bits / 48 kHz.</p>"
                "<p>Libres de droits pour vos films, vos jeux et vos podcasts.</p>"
            ),
        },
        {
            "class": "physical",
            "title": "Album « {subject} » (CD)",
            "subjects": "album",
            "price": (80, 150),
            "stock": (20, 80),
            "karfour": True,
            "description": (
                "<p>Un album enregistré avec des musiciens de la région, livret bilingue de "
                "12 pages.</p><p>Pressage limité à 300 exemplaires.</p>"
            ),
        },
    ],
    "mixage": [
        {
            "class": "service",
            "title": "Mixage d'un titre (jusqu'à 32 pistes)",
            "price": (1200, 2500),
            "description": (
                "<p>Un mixage soigné de votre morceau, deux séries de corrections et une "
                "version instrumentale.</p>"
                "<p>Envoyez vos pistes en WAV ; premier mix sous 5 jours.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Mastering d'un EP (jusqu'à 6 titres)",
            "price": (2000, 4500),
            "description": (
                "<p>Mastering pour le streaming et le CD, niveaux cohérents d'un titre à "
                "l'autre, fichiers aux normes des plateformes.</p>"
                "<p>Écoute commentée au studio à {city} ou en ligne.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Mixage et mastering d'album",
            "price": (8000, 15000),
            "description": (
                "<p>Un album entier, de 8 à 12 titres, mixé et masterisé, avec un rendez-vous "
                "d'écoute à chaque étape.</p>"
                "<p>Compter 4 à 6 semaines selon le nombre de pistes.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Mixage audio pour film ou court métrage",
            "price": (4000, 9000),
            "description": (
                "<p>Montage son, nettoyage des dialogues, ambiances, bruitages et mixage final "
                "en stéréo ou en 5.1.</p>"
                "<p>Stems livrés pour vos versions sous-titrées ou doublées.</p>"
            ),
        },
        {
            "class": "digital",
            "title": "Presets de mixage « {subject} »",
            "subjects": "mixpreset",
            "price": (200, 400),
            "description": (
                "<p>Chaînes d'effets prêtes à l'emploi pour Reaper, Ableton Live et FL Studio, "
                "réglées sur des productions de la région.</p>"
                "<p>Avec un guide PDF pour les adapter à votre voix ou à vos instruments.</p>"
            ),
        },
    ],
    "sound-design": [
        {
            "class": "digital",
            "title": "Pack sound design « {subject} »",
            "subjects": "sd",
            "price": (200, 600),
            "description": (
                "<p>Deux cents sons conçus pour l'image : impacts, transitions, textures et "
                "ambiances, au format WAV 24 bits.</p>"
                "<p>Libres de droits, usage commercial compris.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Création sonore pour court métrage ou jeu vidéo",
            "price": (4000, 10000),
            "description": (
                "<p>L'univers sonore de votre projet : ambiances, bruitages, effets et musique "
                "d'atmosphère.</p>"
                "<p>Travail en lien étroit avec la réalisation ; intégration possible dans "
                "Unity ou Godot.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Identité sonore de marque (jingle et logo sonore)",
            "price": (2500, 6000),
            "description": (
                "<p>Un logo sonore de 3 secondes et un jingle de 15 secondes qui vous "
                "ressemblent, déclinés pour la radio et les réseaux sociaux.</p>"
                "<p>Trois propositions, une finalisée.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Installation sonore pour exposition ou espace public",
            "price": (6000, 15000),
            "description": (
                "<p>Conception et installation d'un dispositif sonore multicanal pour une "
                "exposition, un musée ou une place.</p>"
                "<p>Étude du lieu, création, montage et réglages sur place.</p>"
            ),
        },
    ],
    "eclairage": [
        {
            "class": "service",
            "title": "Création lumière pour spectacle",
            "price": (5000, 15000),
            "description": (
                "<p>La lumière de votre pièce de théâtre, de votre spectacle de danse ou de "
                "votre concert, de la première répétition à la générale.</p>"
                "<p>Conduite lumière remise à la salle pour les tournées.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Éclairage de mariage et d'événement",
            "price": (3000, 8000),
            "description": (
                "<p>Une ambiance chaude pour la salle, une lumière de scène pour l'orchestre, "
                "les tables et l'entrée mises en valeur.</p>"
                "<p>Matériel LED basse consommation ; installation et démontage compris.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Régie lumière pour concert (par soirée)",
            "price": (2500, 6000),
            "description": (
                "<p>Un éclairagiste et son pupitre : plan de feu adapté à la salle, "
                "programmation et conduite en direct.</p>"
                "<p>Projecteurs supplémentaires en location, sur devis.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Mise en lumière de façade ou de jardin",
            "price": (4000, 12000),
            "description": (
                "<p>Étude, choix des appareils et installation d'un éclairage durable pour une "
                "façade, un riad, un jardin ou un commerce, à {city} et alentour.</p>"
                "<p>Rendu de nuit simulé avant les travaux.</p>"
            ),
        },
        {
            "class": "physical",
            "title": "Lampe « {subject} », faite main",
            "subjects": "lamp",
            "price": (350, 800),
            "stock": (3, 12),
            "karfour": True,
            "description": (
                "<p>Lampe d'ambiance en bois d'olivier et laiton ajouré, ampoule LED chaude "
                "fournie. Hauteur : 35 cm environ.</p>"
                "<p>Façonnée à la main à l'atelier, à {city} : motifs et teintes varient "
                "légèrement d'une pièce à l'autre.</p>"
            ),
        },
    ],
    "projection-mapping": [
        {
            "class": "service",
            "title": "Spectacle de mapping vidéo sur façade",
            "price": (15000, 25000),
            "description": (
                "<p>Un spectacle de 8 à 12 minutes projeté sur un monument, une façade ou une "
                "porte de médina : relevé du bâtiment, création des contenus, projection et "
                "son.</p><p>Autorisations et repérage de nuit à prévoir avec "
                "l'organisateur.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Mapping sur objet ou décor pour un lancement",
            "price": (8000, 18000),
            "description": (
                "<p>Une projection ajustée sur un objet, un décor ou une scène pour un "
                "lancement de produit, un gala ou un salon.</p>"
                "<p>Contenus créés sur mesure, à vos couleurs.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Projection immersive pour mariage ou gala",
            "price": (6000, 14000),
            "description": (
                "<p>Les murs et le plafond de la salle animés de motifs, de zellige et de "
                "lumière au rythme de la soirée.</p>"
                "<p>Matériel, régisseur et contenus compris.</p>"
            ),
        },
        {
            "class": "service",
            "title": "Atelier d'initiation au mapping vidéo (groupe de 10)",
            "price": (2500, 5000),
            "description": (
                "<p>Une journée pour comprendre et pratiquer le mapping avec des logiciels "
                "libres : relevé, masques, projection sur des volumes.</p>"
                "<p>Pour les maisons de jeunes, les écoles et les associations ; matériel "
                "fourni.</p>"
            ),
        },
        {
            "class": "digital",
            "title": "Boucles vidéo pour mapping « {subject} » (4K)",
            "subjects": "mapping",
            "price": (400, 900),
            "description": (
                "<p>Vingt boucles vidéo en 4K pensées pour la projection sur façade : motifs "
                "géométriques, zellige, lumières en mouvement.</p>"
                "<p>Formats HAP et MP4, libres d'usage pour vos spectacles.</p>"
            ),
        },
    ],
}

# What each creator sells first (template titles containing these words) and the subjects
# of their series, so that a photographer from Figuig sells pictures of Figuig.
PREFERENCES = {
    "salma-benali": {
        "include": ["Tirage d'art", "Livre photo", "Séance portrait"],
        "subjects": {
            "photo": ["Médina d'Oujda au crépuscule", "Bab Sidi Abdelwahab"],
            "book": ["Oujda, ville millénaire", "Visages de l'Oriental"],
            "postcard": ["Portes de la médina"],
        },
    },
    "yassine-el-ouafi": {"include": ["Film de mariage", "Réalisation de clip"]},
    "imane-boudchich": {"include": ["Animation de logo"]},
    "khadija-amezian": {
        "include": ["Tirage d'art", "Livre photo"],
        "subjects": {
            "photo": ["Lagune de Marchica", "Cap de l'Eau"],
            "book": ["La Marchica, lagune vivante"],
        },
    },
    "anas-mokhtari": {
        "include": ["Session d'enregistrement", "Mixage d'un titre", "Production de podcast"]
    },
    "nour-el-houda-tahiri": {
        "subjects": {
            "poster": ["Oujda la millénaire", "Les nuits du raï"],
            "textile": ["Made in Oujda", "Reggada"],
        }
    },
    "ayoub-zerrouki": {"include": ["Lampe", "Création lumière"]},
    "soukaina-haddouchi": {
        "include": ["Affiche du court métrage", "Vidéo de présentation"],
        "subjects": {"film": ["Sable"]},
    },
    "mehdi-kaddouri": {
        "include": ["Spectacle de mapping", "Boucles vidéo"],
        "subjects": {"mapping": ["Zellige animé"]},
    },
    "oumaima-rahmouni": {
        "subjects": {"sd": ["Textures urbaines d'Oujda", "Bruitages du quotidien"]}
    },
    "ilyas-bourass": {
        "include": ["Tirage d'art", "Coffret de 10 cartes"],
        "subjects": {
            "photo": ["Corniche de Saïdia", "Cap de l'Eau", "Plage de Ras El Ma"],
            "postcard": ["Saïdia, la perle bleue"],
            "book": ["Visages de l'Oriental"],
        },
    },
    "hajar-mimouni": {
        "include": ["T-shirt"],
        "subjects": {"textile": ["Berkane l'orange"], "poster": ["Berkane, capitale de l'orange"]},
    },
    "zakaria-hammouti": {"include": ["Mastering d'un EP", "Mixage d'un titre"]},
    "rim-belhaj": {
        "include": ["Photos de produits"],
        "subjects": {
            "photo": ["Marché de Berkane"],
            "book": ["Visages de l'Oriental"],
            "postcard": ["L'Oriental en couleurs"],
        },
    },
    "othmane-aznag": {"include": ["Réalisation de clip"]},
    "chaimae-daoudi": {"include": ["Vidéo explicative"]},
    "bilal-ouchen": {
        "include": ["Voix off", "Production de podcast", "Enregistrement de musique traditionnelle"]
    },
    "houda-laaroussi": {
        "include": ["Reportage photo de mariage"],
        "subjects": {
            "photo": ["Médina d'Oujda au crépuscule"],
            "postcard": ["Portes de la médina"],
        },
    },
    "reda-boukhari": {"include": ["Projection immersive"]},
    "sara-ziani": {
        "include": ["Affiche illustrée"],
        "subjects": {"poster": ["Jerada, la mine et les hommes"], "textile": ["Oriental Vibes"]},
    },
    "walid-akhrif": {
        "include": ["Pack sound design"],
        "subjects": {"sd": ["Textures urbaines d'Oujda", "Ambiances du désert"]},
    },
    "asmae-yahyaoui": {"include": ["Montage et étalonnage", "Pack de LUTs"]},
    "ikram-harrak": {
        "include": ["Tirage d'art", "Coffret de 10 cartes"],
        "subjects": {
            "photo": ["Bab Sidi Abdelwahab", "Médina d'Oujda au crépuscule"],
            "postcard": ["Portes de la médina"],
            "book": ["Oujda, ville millénaire"],
        },
    },
    "nisrine-aarab": {
        "include": ["Templates After Effects", "Flipbook"],
        "subjects": {"flipbook": ["La danse reggada"]},
    },
    "karim-ouariachi": {"include": ["Captation multicaméra", "Vidéo de présentation"]},
    "association-nour-et-ombres": {"include": ["Atelier d'initiation", "Spectacle de mapping"]},
    "collectif-izran": {
        "include": ["Album", "Enregistrement de musique traditionnelle", "Banque de sons"],
        "subjects": {"album": ["Izran n Arrif"], "sounds": ["Côte du Rif"]},
    },
    "ghita-lahlou": {
        "include": ["Affiche illustrée"],
        "subjects": {
            "poster": ["Carte illustrée de l'Oriental", "Les hauts plateaux"],
            "textile": ["Oriental Vibes"],
        },
    },
    "fatima-zahra-bouazza": {
        "include": ["Livre photo", "Tirage d'art"],
        "subjects": {
            "photo": ["Palmeraie de Figuig", "Ksar Zenaga"],
            "book": ["Figuig, l'oasis"],
            "preset": ["Lumière de l'oasis"],
            "postcard": ["L'Oriental en couleurs"],
        },
    },
}
