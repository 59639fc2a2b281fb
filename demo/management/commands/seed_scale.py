"""``manage.py seed_scale``: a large, realistic data set on top of the demo data.

Defaults: 2,000 directory profiles (one in five with a shop), 10,000 products and services
spread over those shops, 500 French news articles and, when the ``youth`` app is installed,
20,000 youth contacts. Rows are bulk-inserted in batches (Wagtail pages go through the page
tree one by one), so the whole set takes minutes. Every row it makes is marked (slugs and
codes start with ``scale-``), and a second run only adds what is missing up to the
requested counts. Search text (``SearchEntry``) is written for the new rows, and the
anonymous page cache is invalidated at the end.

    manage.py seed_scale [--products N] [--profiles N] [--news N] [--contacts N] [--quiet]
"""

import random
import time
from datetime import timedelta
from decimal import Decimal

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage, NewsIndexPage, NewsPage
from core.cache import bump_generation
from core.progress import Bar
from directory.models import Discipline, Profile, Province
from shop.catalogue.models import (
    Category,
    Product,
    ProductCategory,
    ProductClass,
    ProductImage,
)
from shop.catalogue.prices import refresh_min_prices
from shop.partner.models import Partner, StockRecord
from sitesearch.index import texts_for_product, texts_for_profile
from sitesearch.models import SearchEntry

BATCH = 1000
PREFIX = "scale-"
SHOP_EVERY = 5  # one profile in five has a shop

FIRST_NAMES = [
    "Salma", "Yassine", "Imane", "Karim", "Nora", "Anas", "Meryem", "Hamza", "Soukaina",
    "Ayoub", "Hajar", "Othmane", "Khadija", "Mehdi", "Zineb", "Bilal", "Houda", "Reda",
]  # fmt: skip
LAST_NAMES = [
    "Benali", "El Idrissi", "Bouazza", "Amrani", "Ziani", "Tahiri", "Lamrani", "Bakkali",
    "Chraibi", "Haddadi", "Ouazzani", "Berrada", "Mansouri", "Alaoui", "Kaddouri",
]  # fmt: skip
TRADES = [
    ("Photographe", "Portrait", "Reportage photo de mariage et d'événement"),
    ("Vidéaste", "Clip", "Réalisation de clips, captation de concerts"),
    ("Ingénieur du son", "Mixage", "Mixage et mastering, sonorisation de scène"),
    ("Éclairagiste", "Éclairage", "Création lumière, location de projecteurs LED"),
    ("Artiste mapping", "Mapping", "Projection mapping sur façades et scénographie"),
    ("Graphiste", "Affiche", "Affiches, identité visuelle, sérigraphie"),
    ("Monteur", "Montage", "Montage vidéo, étalonnage, habillage"),
    ("Musicien", "Pack sonore", "Compositions, jingles, habillage sonore"),
]
PRODUCT_WORDS = [
    "Séance", "Pack", "Location", "Tirage", "Captation", "Atelier", "Forfait", "Création",
    "Affiche", "Clip", "Mixage", "Mapping", "Éclairage", "Portrait", "Reportage", "Habillage",
]  # fmt: skip
NEWS_TOPICS = [
    "Appel à candidatures", "Retour sur l'atelier", "Portrait de créatrice", "Nouveau hub",
    "Le marché L'Karfour", "Formation", "Résidence artistique", "Café-débat",
    "Hackathon culturel", "Festival", "Bourse de création", "Rencontre professionnelle",
]  # fmt: skip


class Command(BaseCommand):
    help = "Add a large data set (products, profiles, news, contacts) on top of the demo data."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=10_000)
        parser.add_argument("--profiles", type=int, default=2_000)
        parser.add_argument("--news", type=int, default=500)
        parser.add_argument("--contacts", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=2026, help="random seed")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, **options):
        self.quiet = options["quiet"]
        self.rng = random.Random(options["seed"])
        started = time.monotonic()
        profiles = self.profiles(options["profiles"])
        self.shops(profiles)
        self.products(options["products"])
        self.news(options["news"])
        if apps.is_installed("youth"):
            self.contacts(options["contacts"])
        bump_generation()
        self.analyze()
        self.say(f"seed_scale done in {time.monotonic() - started:.0f} s")

    def analyze(self):
        """Refresh PostgreSQL's planner statistics after the bulk inserts: with the stale ones
        (autovacuum may not have run yet) the catalogue's newest-first query scans every
        product instead of reading 24 rows through its index, about 100 times slower.
        Outside a transaction it also vacuums, so index-only scans (search's id lists)
        need not visit the fresh rows (what autovacuum would do later)."""
        if connection.vendor == "postgresql":
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            with connection.cursor() as cursor:
                cursor.execute(command)
            self.say(f"statistics refreshed ({command})")

    def say(self, message):
        if not self.quiet:
            self.stdout.write(message)

    # ------------------------------------------------------------------ taxonomy
    def _taxonomy(self):
        return list(Province.objects.all()), list(Discipline.objects.select_related("sector"))

    # ------------------------------------------------------------------ profiles
    def profiles(self, wanted):
        provinces, disciplines = self._taxonomy()
        existing = Profile.objects.filter(slug__startswith=PREFIX).count()
        missing = max(0, wanted - existing)
        bar = Bar(self.stdout, "profiles", missing, self.quiet)
        kinds = [Profile.Kind.INDIVIDUAL] * 6 + [
            Profile.Kind.COMPANY,
            Profile.Kind.ASSOCIATION,
        ]
        kinds = [kind for kind in kinds if kind in Profile.Kind.values]
        through = Profile.disciplines.through
        sector_through = Profile.sectors.through
        done = 0
        for start in range(existing, existing + missing, BATCH):
            rows = []
            for n in range(start, min(start + BATCH, existing + missing)):
                rng = random.Random(f"profile:{n}")
                province = provinces[n % len(provinces)]
                trade, _word, headline = TRADES[n % len(TRADES)]
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                rows.append(
                    Profile(
                        name=f"{name} {n:04d}",
                        slug=f"{PREFIX}{n:05d}",
                        kind=kinds[n % len(kinds)],
                        status=Profile.Status.APPROVED,
                        headline=f"{trade} à {province.name}",
                        bio=f"{headline}. Basé à {province.name}, disponible pour vos projets.",
                        skills="\n".join(headline.split(", ")),
                        province=province,
                        city=province.name,
                        latitude=Decimal(
                            f"{float(province.latitude) + rng.uniform(-0.08, 0.08):.6f}"
                        ),
                        longitude=Decimal(
                            f"{float(province.longitude) + rng.uniform(-0.08, 0.08):.6f}"
                        ),
                        availability="available" if n % 3 else "busy",
                        is_accompanied=n % 4 == 0,
                        cohort_year=2026 if n % 4 == 0 else None,
                        reviewed_at=timezone.now(),
                    )
                )
            with transaction.atomic():
                created = Profile.objects.bulk_create(rows)
                links, sector_links = [], []
                for profile in created:
                    number = int(profile.slug.removeprefix(PREFIX))
                    discipline = disciplines[number % len(disciplines)]
                    links.append(through(profile_id=profile.pk, discipline_id=discipline.pk))
                    sector_links.append(
                        sector_through(profile_id=profile.pk, sector_id=discipline.sector_id)
                    )
                through.objects.bulk_create(links)
                sector_through.objects.bulk_create(sector_links, ignore_conflicts=True)
                SearchEntry.objects.bulk_create(
                    [SearchEntry(profile_id=p.pk, **texts_for_profile(p)) for p in created]
                )
            done += len(created)
            bar.update(done)
        bar.finish()
        return Profile.objects.filter(slug__startswith=PREFIX).order_by("pk")

    # ------------------------------------------------------------------ shops
    def shops(self, profiles):
        with_shop = set(
            Partner.objects.filter(code__startswith=PREFIX).values_list("profile_id", flat=True)
        )
        rows = [
            Partner(
                name=f"Boutique {profile.name}",
                code=f"{PREFIX}{profile.slug.removeprefix(PREFIX)}",
                slug=f"{PREFIX}{profile.slug.removeprefix(PREFIX)}",
                profile=profile,
                description=f"La boutique de {profile.name}: {profile.headline}.",
            )
            for index, profile in enumerate(profiles.only("pk", "name", "slug", "headline"))
            if index % SHOP_EVERY == 0 and profile.pk not in with_shop
        ]
        bar = Bar(self.stdout, "shops", len(rows), self.quiet)
        for start in range(0, len(rows), BATCH):
            Partner.objects.bulk_create(rows[start : start + BATCH])
            bar.update(min(start + BATCH, len(rows)))
        bar.finish()

    # ------------------------------------------------------------------ products
    def products(self, wanted):
        partners = list(Partner.objects.filter(code__startswith=PREFIX).order_by("pk"))
        if not partners:
            self.say("products: no shops to sell them (add profiles first)")
            return
        classes = {row.slug: row for row in ProductClass.objects.all()}
        kinds = [classes[s] for s in ("service", "service", "physical", "digital") if s in classes]
        kinds = kinds or list(classes.values())
        categories = list(
            Category.objects.filter(discipline__isnull=False).select_related("discipline")
        )
        # Demo pictures, reused by path (no new files), so cards look like the real thing.
        pictures = list(
            ProductImage.objects.exclude(product__slug__startswith=PREFIX)
            .values_list("original", flat=True)
            .distinct()[:60]
        )
        existing = Product.objects.filter(slug__startswith=PREFIX).count()
        missing = max(0, wanted - existing)
        bar = Bar(self.stdout, "products", missing, self.quiet)
        done = 0
        for start in range(existing, existing + missing, BATCH):
            rows, meta = [], []
            for n in range(start, min(start + BATCH, existing + missing)):
                rng = random.Random(f"product:{n}")
                category = categories[n % len(categories)] if categories else None
                discipline = category.discipline.name.lower() if category else "culture"
                title = f"{rng.choice(PRODUCT_WORDS)} {discipline} {n:05d}"
                product_class = kinds[n % len(kinds)]
                rows.append(
                    Product(
                        title=title,
                        slug=f"{PREFIX}{n:05d}",
                        product_class=product_class,
                        description=(
                            f"<p>{title} : {TRADES[n % len(TRADES)][2].lower()}. "
                            "Devis rapide, déplacement dans toute la région de l'Oriental.</p>"
                        ),
                        is_public=n % 50 != 0,  # a few hidden products, as in real life
                        available_at_karfour=n % 7 == 0,
                    )
                )
                meta.append((category, partners[n % len(partners)], rng))
            with transaction.atomic():
                created = Product.objects.bulk_create(rows)
                StockRecord.objects.bulk_create(
                    [
                        StockRecord(
                            product_id=product.pk,
                            partner=partner,
                            partner_sku=product.slug,
                            price=Decimal(rng.choice([80, 150, 250, 400, 600, 900, 1500, 3000])),
                            price_currency="MAD",
                            num_in_stock=rng.randint(0, 30),
                        )
                        for product, (_c, partner, rng) in zip(created, meta, strict=True)
                    ]
                )
                ProductCategory.objects.bulk_create(
                    [
                        ProductCategory(product_id=product.pk, category=category)
                        for product, (category, _p, _r) in zip(created, meta, strict=True)
                        if category is not None
                    ]
                )
                if pictures:
                    ProductImage.objects.bulk_create(
                        [
                            ProductImage(
                                product_id=product.pk,
                                original=pictures[i % len(pictures)],
                                caption=product.title,
                                display_order=0,
                            )
                            for i, product in enumerate(created)
                        ]
                    )
                SearchEntry.objects.bulk_create(
                    [SearchEntry(product_id=p.pk, **texts_for_product(p)) for p in created]
                )
                # bulk_create sends no signal: the stored lowest price, as a save would set it.
                refresh_min_prices([product.pk for product in created])
            done += len(created)
            bar.update(done)
        bar.finish()

    # ------------------------------------------------------------------ news
    def news(self, wanted):

        try:
            home = HomePage.objects.get(locale=Locale.objects.get(language_code="fr"))
        except (HomePage.DoesNotExist, Locale.DoesNotExist):
            self.say("news: no French home page (run migrate first)")
            return
        index = NewsIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
        sectors = list(apps.get_model("directory", "Sector").objects.all())
        existing = NewsPage.objects.child_of(index).filter(slug__startswith=PREFIX).count()
        missing = max(0, wanted - existing)
        bar = Bar(self.stdout, "news", missing, self.quiet)
        today = timezone.localdate()
        for done, n in enumerate(range(existing, existing + missing), start=1):
            rng = random.Random(f"news:{n}")
            topic = rng.choice(NEWS_TOPICS)
            province = rng.choice(["Oujda", "Nador", "Berkane", "Driouch", "Guercif", "Jerada"])
            date = today - timedelta(days=n // 2)
            published = timezone.now() - timedelta(days=n // 2, hours=n % 24)
            page = NewsPage(
                title=f"{topic} à {province} ({n:03d})",
                slug=f"{PREFIX}{n:04d}",
                date=date,
                author="Équipe Takafamap",
                summary=f"{topic} : les créateurs de {province} à l'honneur.",
                live=True,
                first_published_at=published,
                last_published_at=published,
            )
            if sectors:
                page.sectors.set([sectors[n % len(sectors)]])  # saved with the page
            with transaction.atomic():
                index.add_child(instance=page)
            bar.update(done)
        bar.finish()

    # ------------------------------------------------------------------ contacts
    def contacts(self, wanted):
        Contact = apps.get_model("youth", "Contact")
        provinces, _disciplines = self._taxonomy()
        sectors = list(apps.get_model("directory", "Sector").objects.all())
        existing = Contact.objects.filter(email__startswith=PREFIX).count()
        missing = max(0, wanted - existing)
        bar = Bar(self.stdout, "youth contacts", missing, self.quiet)
        interests = Contact.interests.through
        genders = [value for value, _label in Contact._meta.get_field("gender").choices]
        now = timezone.now()
        done = 0
        for start in range(existing, existing + missing, BATCH):
            rows = []
            for n in range(start, min(start + BATCH, existing + missing)):
                rng = random.Random(f"contact:{n}")
                province = provinces[n % len(provinces)]
                rows.append(
                    Contact(
                        first_name=rng.choice(FIRST_NAMES),
                        last_name=rng.choice(LAST_NAMES),
                        birth_year=rng.randint(1996, 2008),
                        gender=genders[n % len(genders)] if genders else "",
                        province=province,
                        city=province.name,
                        phone=f"+2126{10_000_000 + n:08d}",
                        email=f"{PREFIX}contact-{n:05d}@example.org",
                        language="fr",
                        last_activity_at=now - timedelta(days=n % 700),
                    )
                )
            with transaction.atomic():
                created = Contact.objects.bulk_create(rows)
                if sectors:
                    interests.objects.bulk_create(
                        [
                            interests(contact_id=c.pk, sector_id=sectors[i % len(sectors)].pk)
                            for i, c in enumerate(created)
                        ]
                    )
            done += len(created)
            bar.update(done)
        bar.finish()
