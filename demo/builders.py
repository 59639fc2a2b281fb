"""Builders used by ``manage.py seed_demo``.

Every builder creates what is missing and leaves what exists alone, keyed on stable
values (emails, slugs, product codes, image titles, page slugs under their parent), so
that running the command again changes nothing. Random choices come from generators
seeded with those keys, so two fresh databases get the same content.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from functools import partial

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from sorl.thumbnail import default as sorl_default
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from accounts import roles
from accounts.models import User
from cms import content
from cms import setup as cms_setup
from cms.models import EventPage, HomePage, HubIndexPage, HubPage, NewsPage
from directory.models import Discipline, Profile, Province, Sector
from shop.catalogue.models import Category, Product, ProductCategory, ProductClass, ProductImage
from shop.partner.models import Partner, StockRecord

from . import data, images, pages
from .fake import phone_number as _phone
from .fake import seeded_rng as _rng
from .hackathon import seed_hackathon
from .market import seed_market, seed_market_sales
from .orders import seed_orders
from .payouts import seed_payouts
from .quotes import seed_quotes
from .youth import seed_youth

IMAGE_COLLECTION = "Démo Takafamap"


class Progress:
    """Writes "Label 12/36" lines through the command's stdout, every ``every`` items."""

    def __init__(self, stdout, quiet=False):
        self.stdout = stdout
        self.quiet = quiet

    def line(self, message):
        if not self.quiet:
            self.stdout.write(message)

    def step(self, label, done, total, every=10):
        if done == total or done % every == 0:
            self.line(f"  {label} {done}/{total}")


def _initials(name):
    skip = {"association", "collectif", "de", "du", "des", "la", "le", "l'", "—", "&"}
    words = [
        w
        for w in name.replace("L'", "").replace("-", " ").split()
        if w.lower() not in skip and w[:1].isalpha()
    ]
    return "".join(w[0] for w in words[:2]).upper() or name[:2].upper()


def _round_price(rng, low, high):
    step = 10 if high <= 1000 else 50 if high <= 5000 else 500
    value = round(rng.uniform(low, high) / step) * step
    return Decimal(max(low, min(high, value)))


# --------------------------------------------------------------------------------------
# Accounts and groups
# --------------------------------------------------------------------------------------
class Seeder:
    """Loads the demo content step by step; ``run()`` returns what it created, by kind."""

    def __init__(self, stdout, quiet=False):
        self.progress = Progress(stdout, quiet)
        self._password = None
        self.created = {}
        self.restored = False

    # Hashing a password is deliberately slow; every demo account shares one hash.
    @property
    def password(self):
        if self._password is None:
            self._password = make_password(data.DEMO_PASSWORD)
        return self._password

    def count(self, key, n=1):
        self.created[key] = self.created.get(key, 0) + n

    # ----------------------------------------------------------------------------------
    def run(self):
        self.ensure_site()
        self.check_taxonomy()
        with transaction.atomic():
            self.ensure_groups()
            self.ensure_accounts()
        with transaction.atomic():
            self.ensure_creators()
            self.ensure_places()
        with transaction.atomic():
            self.ensure_products()
        seed_market(self)  # delivery fees, digital files, L'Karfour
        with transaction.atomic():
            self.ensure_page_images()
            self.ensure_pages()
        for language in ("ar", "en"):
            with transaction.atomic():
                self.ensure_translations(language)
        seed_youth(self)  # youth contacts and event registrations
        seed_hackathon(self)  # calls, 40 applications, jury, cohort
        seed_orders(self)  # orders across creators, parts in every state
        seed_market_sales(self)  # after the orders: today's cash sales at the stands
        seed_payouts(self)  # after the orders: earnings and a payout
        seed_quotes(self)  # quote requests in every state
        if self.restored:
            # sorl-thumbnail remembers thumbnails of the lost files: forget them.
            sorl_default.kvstore.clear()
        return self.created

    def check_taxonomy(self):
        """The taxonomy (from ``migrate``, checked by setup_site), by slug."""
        self.sectors = {s.slug: s for s in Sector.objects.all()}
        self.disciplines = {d.slug: d for d in Discipline.objects.select_related("sector")}
        self.provinces = {p.slug: p for p in Province.objects.all()}

    def ensure_groups(self):
        """The staff groups of ``accounts.roles`` (setup_site gave them their permissions)."""
        self.groups = {name: roles.group(name) for name in roles.ROLES}
        self.groups["staff"] = self.groups[roles.PROGRAMME_STAFF]

    def _user(self, email, first, last, *, staff=False, superuser=False, phone=""):
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "password": self.password,
                "is_staff": staff or superuser,
                "is_superuser": superuser,
                "is_active": True,
                "phone": phone,
                "preferred_language": "fr",
            },
        )
        self.count("users", created)
        return user

    def ensure_accounts(self):
        self.progress.line("Accounts")
        for email, first, last, role in data.ACCOUNTS:
            if role == "creator":
                continue  # created with the other creators
            user = self._user(
                email,
                first,
                last,
                staff=role in ("comms", "moderator", "staff"),
                superuser=role == "admin",
            )
            group = {
                "comms": roles.COMMUNICATION,
                "moderator": roles.MODERATORS,
                "staff": roles.PROGRAMME_STAFF,
            }
            if role in group:
                user.groups.add(self.groups[group[role]])

    # ----------------------------------------------------------------------------------
    # Directory: creators (with a shop), hubs and venues
    # ----------------------------------------------------------------------------------
    def _place(self, key, city, itinerant=False):
        province_slug, lat, lng = data.CITIES[city]
        if itinerant:
            return self.provinces[province_slug], None, None
        rng = _rng("coords", key)
        # Within about a kilometre of the centre; on the coast, only inland (south-west),
        # so that nobody in Saïdia or Nador lands in the sea or the lagoon.
        inland = city in data.COASTAL_CITIES
        lat = Decimal(f"{lat + rng.uniform(-0.01, 0 if inland else 0.01):.6f}")
        lng = Decimal(f"{lng + rng.uniform(-0.012, 0 if inland else 0.012):.6f}")
        return self.provinces[province_slug], lat, lng

    def _photo(self, profile, colour):
        def draw():
            return images.avatar(f"avatar:{profile.slug}", colour, _initials(profile.name))

        if profile.photo:
            self._restore(profile.photo, draw)
            return
        content = draw()
        profile.photo.save(f"{profile.slug}.jpg", ContentFile(content), save=False)
        profile.photo_alt = f"Visuel de profil de {profile.name} : ses initiales sur un fond coloré"
        profile.save(update_fields=["photo", "photo_alt"])

    def _restore(self, field_file, draw):
        """Redraw a file the database names but the disk lost (media/ deleted, database
        kept), at the same path, so no row changes. True if it was missing."""
        if not field_file or field_file.storage.exists(field_file.name):
            return False
        field_file.storage.save(field_file.name, ContentFile(draw()))
        self.count("restored files")
        self.restored = True
        return True

    def ensure_creators(self):
        self.progress.line("Creators")
        total = len(data.CREATORS)
        self.shops = {}
        for done, item in enumerate(data.CREATORS, start=1):
            key = item["key"]
            accompanied = item.get("accompanied", True)
            kind = item.get("kind", "individual")
            name = item.get("name") or f"{item['first']} {item['last']}"
            email = item.get("email") or f"{key}@example.org"
            disciplines = [self.disciplines[slug] for slug in item["disciplines"]]
            sector = disciplines[0].sector
            rng = _rng("creator", key)
            whatsapp = _phone(key) if (key == "salma-benali" or rng.random() < 0.7) else ""
            province, lat, lng = self._place(key, item["city"], item.get("itinerant", False))

            user = self._user(email, item["first"], item["last"], phone=whatsapp)
            profile, created = Profile.objects.get_or_create(
                slug=key,
                defaults={
                    "user": user,
                    "name": name,
                    "kind": kind,
                    "status": Profile.Status.APPROVED,
                    "headline": item["headline"],
                    "bio": item["bio"],
                    "province": province,
                    "city": item["city"],
                    "whatsapp": whatsapp,
                    "phone": _phone(f"landline:{key}", "+212536", 6)
                    if kind != "individual"
                    else "",
                    "email": email,
                    "availability": item.get("availability", "available"),
                    "latitude": lat,
                    "longitude": lng,
                    "is_accompanied": accompanied,
                    "cohort_year": data.COHORT_YEAR if accompanied else None,
                },
            )
            self.count("profiles", created)
            if created:
                profile.disciplines.set(disciplines)
                profile.sectors.set({d.sector for d in disciplines})
            self._photo(profile, sector.colour)

            partner, created = Partner.objects.get_or_create(
                slug=key, defaults={"name": name, "profile": profile, "is_active": True}
            )
            self.count("shops", created)
            partner.users.add(user)
            self.shops[key] = (item, partner, profile)
            self.progress.step("Creators", done, total)

    def ensure_places(self):
        self.progress.line("Hubs and venues")
        total = len(data.PLACES)
        for done, item in enumerate(data.PLACES, start=1):
            key = item["key"]
            province, lat, lng = self._place(key, item["city"])
            profile, created = Profile.objects.get_or_create(
                slug=key,
                defaults={
                    "name": item["name"],
                    "kind": item["kind"],
                    "status": Profile.Status.APPROVED,
                    "headline": item["headline"],
                    "bio": item["bio"],
                    "province": province,
                    "city": item["city"],
                    "phone": _phone(f"landline:{key}", "+212536", 6),
                    "email": f"{key}@example.org",
                    "latitude": lat,
                    "longitude": lng,
                },
            )
            self.count("profiles", created)
            if created:
                profile.sectors.set([self.sectors[s] for s in item["sectors"]])
            self._photo(profile, self.sectors[item["sectors"][0]].colour)
            self.progress.step("Hubs and venues", done, total)

    # ----------------------------------------------------------------------------------
    # Shop: products and services
    # ----------------------------------------------------------------------------------
    def _plan_products(self, key, item):
        """The (discipline, template, subject) triples of one creator, fixed by its key."""
        rng = _rng("products", key)
        preferences = data.PREFERENCES.get(key, {})
        pool = [
            (slug, template)
            for slug in item["disciplines"]
            for template in data.PRODUCT_TEMPLATES[slug]
        ]
        count = min(item.get("products") or rng.choice([3, 4, 4]), len(pool))
        wanted = [
            entry
            for entry in pool
            if any(word in entry[1]["title"] for word in preferences.get("include", []))
        ]
        others = [entry for entry in pool if entry not in wanted]
        chosen = wanted[:count] + rng.sample(others, max(0, count - len(wanted)))
        plan = []
        for slug, template in chosen:
            kind = template.get("subjects", "")
            subjects = preferences.get("subjects", {}).get(kind) or data.SUBJECTS.get(kind, [""])
            plan.append((slug, template, rng.choice(subjects)))
        return plan

    def ensure_products(self):
        classes = {pc.slug: pc for pc in ProductClass.objects.all()}
        categories = {
            c.discipline.slug: c
            for c in Category.objects.filter(discipline__isnull=False).select_related("discipline")
        }
        plans = [
            (key, item, partner, profile, self._plan_products(key, item))
            for key, (item, partner, profile) in self.shops.items()
        ]
        total = sum(len(plan) for *_, plan in plans)
        self.progress.line(f"Products and services ({total})")
        existing = set(Product.objects.filter(code__isnull=False).values_list("code", flat=True))
        now = timezone.now()
        done = 0
        for key, item, partner, profile, plan in plans:
            accompanied = item.get("accompanied", True)
            for number, (discipline, template, subject) in enumerate(plan, start=1):
                done += 1
                code = f"{key}-{number:02d}"
                if code in existing:
                    product = Product.objects.get(code=code)
                    colour = self.disciplines[discipline].sector.colour
                    for image in product.images.all():
                        seed = f"{code}:{image.display_order}"
                        self._restore(
                            image.original, partial(images.composition, seed, colour, discipline)
                        )
                    if not product.images.exists():
                        self._product_images(product, discipline)
                    self.progress.step("Products", done, total, every=20)
                    continue
                rng = _rng("product", code)
                place = {
                    "city": profile.city,
                    "province": profile.province.name,
                    "subject": subject,
                }
                title = template["title"].format(**place)
                product_class = classes[template["class"]]
                product = Product.objects.create(
                    code=code,
                    title=title,
                    slug=f"{slugify(title)[:90]}-{key}"[:128],
                    description=template["description"].format(**place),
                    product_class=product_class,
                    is_public=True,
                    available_at_karfour=bool(
                        accompanied and template.get("karfour") and rng.random() < 0.65
                    ),
                )
                # Spread creation dates over the accompaniment so "newest" means something.
                Product.objects.filter(pk=product.pk).update(
                    date_created=now - timedelta(days=rng.randint(1, 75), hours=rng.randint(0, 23))
                )
                ProductCategory.objects.create(product=product, category=categories[discipline])
                StockRecord.objects.create(
                    product=product,
                    partner=partner,
                    partner_sku=code.upper(),
                    price_currency="MAD",
                    price=_round_price(rng, *template["price"]),
                    num_in_stock=rng.randint(*template["stock"]) if "stock" in template else None,
                )
                self._product_images(product, discipline)
                self.count("products")
                self.progress.step("Products", done, total, every=20)

    def _product_images(self, product, discipline):
        colour = self.disciplines[discipline].sector.colour
        rng = _rng("images", product.code)
        captions = [f"{product.title} — visuel de présentation", f"{product.title} — détail"]
        for order in range(rng.choice([1, 2, 2])):
            content = images.composition(f"{product.code}:{order}", colour, discipline)
            image = ProductImage(
                product=product, caption=captions[order][:200], display_order=order
            )
            image.original.save(f"{product.code}-{order + 1}.jpg", ContentFile(content), save=False)
            image.save()
            self.count("product images")

    # ----------------------------------------------------------------------------------
    # Wagtail images
    # ----------------------------------------------------------------------------------
    def ensure_page_images(self):
        self.progress.line("Page images")
        Image = get_image_model()
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=IMAGE_COLLECTION).first()
        if collection is None:
            collection = root.add_child(name=IMAGE_COLLECTION)
        self.page_images = {}
        total = len(pages.PAGE_IMAGES)
        for done, (key, (title, alt, sector, motif)) in enumerate(pages.PAGE_IMAGES.items(), 1):
            image = Image.objects.filter(collection=collection, title=title).first()
            size = images.PAGE_SIZE if key == "hero" else images.PRODUCT_SIZE
            draw = partial(
                images.composition, f"page:{key}", self.sectors[sector].colour, motif, size
            )
            if image is not None and self._restore(image.file, draw):
                image.renditions.all().delete()
            if image is None:
                content = draw()
                image = Image(title=title, collection=collection)
                if hasattr(image, "description"):
                    image.description = alt
                image.file.save(f"{key}.jpg", ContentFile(content), save=False)
                image.width, image.height = size
                image._set_image_file_metadata()
                image.save()
                self.count("page images")
            self.page_images[key] = image
            self.progress.step("Page images", done, total)

    # ----------------------------------------------------------------------------------
    # Wagtail pages (French tree)
    # ----------------------------------------------------------------------------------
    def stream(self, blocks):
        return cms_setup.stream(blocks, self.page_images)

    def _child(self, parent, model, slug, build):
        return cms_setup.child(parent, model, slug, build, counter=self)

    def ensure_site(self):
        """The production site first (``manage.py setup_site``: pages in three languages,
        settings, roles, categories): the demo only adds to it."""
        self.progress.line("Site (setup_site)")
        builder = cms_setup.SiteBuilder()
        for key, n in builder.run().items():
            self.count(key, n)
        self.site = builder

    def ensure_pages(self):
        """Pictures on the site's pages, and the demo's news and events (French)."""
        self.progress.line("Pages (fr)")
        site = self.site
        self.home = site.home_page
        self._decorate(site.programme, "image", self.page_images[content.PROGRAMME["image"]])
        for slug, page in site.sector_pages.items():
            self._decorate(page, "image", self.page_images[content.SECTORS[slug]["image"]])
        for home in HomePage.objects.all():
            self._decorate(home, "hero_image", self.page_images["hero"])

        self.news_index = site.news_index
        today = timezone.localdate()
        self.news = {}
        for item in pages.NEWS:
            self.news[item["slug"]] = self._child(
                self.news_index,
                NewsPage,
                item["slug"],
                lambda i=item: NewsPage(
                    title=i["fr"]["title"],
                    date=today - timedelta(days=i["days_ago"]),
                    author=i["author"],
                    image=self.page_images[i["image"]],
                    summary=i["fr"]["summary"],
                    body=self.stream(i["fr"]["body"]),
                ),
            )
        self.progress.line(f"  News {len(self.news)}/{len(pages.NEWS)}")
        self._news_topics(self.news)

        self.event_index = site.event_index
        self.events = {}
        for item in pages.EVENTS:
            self.events[item["slug"]] = self._child(
                self.event_index, EventPage, item["slug"], lambda i=item: self._event(i)
            )
        self.progress.line(f"  Events {len(self.events)}/{len(pages.EVENTS)}")

    def _decorate(self, page, field_name, image):
        """Give a page of the site its demo picture, once (editors may change it)."""
        page = page.specific
        if getattr(page, f"{field_name}_id") is not None:
            return
        page = type(page).objects.get(pk=page.pk)  # fresh tree fields
        setattr(page, field_name, image)
        page.save_revision().publish()
        self.count("pages updated")

    def ensure_hub_pages(self):
        """One hub page per hub of the directory (French), under the site's hub index. Runs
        after the directory's demo, which creates some of the hubs."""
        self.progress.line("Hub pages")
        hub_index = HubIndexPage.objects.filter(
            locale__language_code="fr", slug=content.HUB_INDEX["slug"]
        ).first()
        for profile in Profile.objects.filter(kind=Profile.Kind.HUB).select_related("province"):
            self._child(
                hub_index,
                HubPage,
                profile.slug,
                lambda p=profile: HubPage(
                    title=p.name,
                    province=p.province,
                    profile=p,
                    introduction=p.headline,
                    address=p.city,
                    latitude=p.latitude,
                    longitude=p.longitude,
                    opening_hours=pages.HUB_OPENING_HOURS,
                    equipment=[("item", item) for item in pages.HUB_EQUIPMENT],
                    contact_email=p.email,
                    contact_phone=str(p.phone or ""),
                ),
            )

    def _news_topics(self, news):
        """Sectors and tags of the demo articles (set once: editors may change them)."""
        for slug, (sectors, tags) in pages.NEWS_TOPICS.items():
            page = news.get(slug)
            if page is None or page.tagged_items.exists():
                continue
            page = page.specific
            page.sectors.set([self.sectors[s] for s in sectors])
            page.tags.set(tags)
            page.save_revision().publish()

    def _event(self, item):
        day = timezone.localdate() + timedelta(days=item["days"])
        start = timezone.make_aware(datetime.combine(day, time(item["hour"])))
        if "end_days" in item:
            end_day = day + timedelta(days=item["end_days"])
            end = timezone.make_aware(datetime.combine(end_day, time(item["end_hour"])))
        else:
            end = start + timedelta(hours=item["hours"])
        text = item["fr"]
        return EventPage(
            title=text["title"],
            kind=item["kind"],
            start=start,
            end=end,
            venue=text["venue"],
            province=self.provinces[item["province"]],
            capacity=item.get("capacity"),
            registration_open=item.get("registration_open", False),
            image=self.page_images[item["image"]],
            summary=text["summary"],
            body=self.stream(text["body"]),
        )

    # ----------------------------------------------------------------------------------
    # Translations of the demo's news and events (Arabic and English)
    # ----------------------------------------------------------------------------------
    def _translate(self, page, locale, fields, publish=True):
        return cms_setup.translate(page, locale, fields, counter=self, publish=publish)

    def ensure_translations(self, language):
        self.progress.line(f"Pages ({language})")
        locale, _ = Locale.objects.get_or_create(language_code=language)
        for item in pages.NEWS:
            text = item[language]
            self._translate(
                self.news[item["slug"]],
                locale,
                {
                    "title": text["title"],
                    "summary": text["summary"],
                    "body": self.stream(text["body"]),
                },
            )
        for item in pages.EVENTS:
            text = item[language]
            self._translate(
                self.events[item["slug"]],
                locale,
                {
                    "title": text["title"],
                    "venue": text["venue"],
                    "summary": text["summary"],
                    "body": self.stream(text["body"]),
                },
            )
