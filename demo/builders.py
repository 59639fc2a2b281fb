"""Builders used by ``manage.py seed_demo``.

Every builder creates what is missing and leaves what exists alone, keyed on stable
values (emails, slugs, product codes, image titles, page slugs under their parent), so
that running the command again changes nothing. Random choices come from generators
seeded with those keys, so two fresh databases get the same content.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal
from functools import partial

import phonenumbers
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Site

from accounts import roles
from accounts.models import User
from cms import moderation
from cms.models import (
    ContactFormField,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    HubIndexPage,
    HubPage,
    NewsIndexPage,
    NewsPage,
    ProgrammePage,
    SectorIndexPage,
    SectorPage,
    SiteSettings,
    StandardPage,
)
from directory.models import Discipline, Profile, Province, Sector
from shop.catalogue.models import Category, Product, ProductCategory, ProductClass, ProductImage
from shop.partner.models import Partner, StockRecord

from . import data, images, pages

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


def _rng(*parts):
    return random.Random(":".join(str(p) for p in parts))


def _phone(seed, prefix="+2126", digits=8):
    """A valid Moroccan number in E.164, the same for the same seed."""
    rng = _rng("phone", seed)
    for _ in range(100):
        number = prefix + "".join(str(rng.randint(0, 9)) for _ in range(digits))
        if phonenumbers.is_valid_number(phonenumbers.parse(number)):
            return number
    raise ValueError(f"no valid number for prefix {prefix}")


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
        self.check_taxonomy()
        with transaction.atomic():
            self.ensure_groups()
            self.ensure_accounts()
        with transaction.atomic():
            self.ensure_creators()
            self.ensure_places()
        with transaction.atomic():
            self.ensure_products()
        from .market import seed_market  # delivery fees, digital files, L'Karfour

        seed_market(self)
        with transaction.atomic():
            self.ensure_page_images()
            self.ensure_pages()
        for language in ("ar", "en"):
            with transaction.atomic():
                self.ensure_translations(language)
        from .youth import seed_youth  # youth contacts and event registrations

        seed_youth(self)
        from .hackathon import seed_hackathon  # calls, 40 applications, jury, cohort

        seed_hackathon(self)
        from .orders import seed_orders  # orders across creators, parts in every state

        seed_orders(self)
        from .payouts import seed_payouts  # after the orders: earnings and a payout

        seed_payouts(self)
        from .quotes import seed_quotes  # quote requests in every state

        seed_quotes(self)
        if self.restored:
            # sorl-thumbnail remembers thumbnails of the lost files: forget them.
            from sorl.thumbnail import default

            default.kvstore.clear()
        return self.created

    def check_taxonomy(self):
        missing = []
        if Sector.objects.count() < 3 or Province.objects.count() < 8:
            missing.append("taxonomy (run migrate)")
        classes = ProductClass.objects.filter(slug__in=["service", "physical", "digital"])
        if classes.count() != 3:
            missing.append("product classes (run migrate)")
        if Category.objects.filter(discipline__isnull=False).count() < Discipline.objects.count():
            from shop.catalogue.sync import sync_categories

            sync_categories()
        if HomePage.objects.filter(locale__language_code="fr").first() is None:
            missing.append("French home page (run migrate)")
        if missing:
            raise RuntimeError("Missing: " + ", ".join(missing))
        self.sectors = {s.slug: s for s in Sector.objects.all()}
        self.disciplines = {d.slug: d for d in Discipline.objects.select_related("sector")}
        self.provinces = {p.slug: p for p in Province.objects.all()}

    def ensure_groups(self):
        """The staff groups, with the permissions of their roles (``accounts.roles``, the
        only place that grants permissions; ``migrate`` applies it too)."""
        roles.apply_roles()
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
        """Raw StreamField data from the compact tuples in ``pages``."""
        out = []
        for block in blocks:
            kind = block[0]
            if kind in ("h2", "h3", "h4"):
                out.append(
                    {"type": "heading_block", "value": {"heading_text": block[1], "size": kind}}
                )
            elif kind == "p":
                out.append({"type": "paragraph_block", "value": block[1]})
            elif kind == "quote":
                out.append(
                    {"type": "block_quote", "value": {"text": block[1], "attribute_name": block[2]}}
                )
            elif kind == "figure":
                image = self.page_images[block[1]]
                out.append(
                    {
                        "type": "image_block",
                        "value": {
                            "image": {"image": image.pk, "alt_text": block[2], "decorative": False},
                            "caption": block[3],
                            "attribution": "",
                        },
                    }
                )
            else:
                raise ValueError(f"unknown block {kind!r}")
        return out

    def _child(self, parent, model, slug, build):
        """The child page of ``parent`` with ``slug``, created and published if missing."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is not None:
            return page
        page = build()
        page.slug = slug
        page.locale = parent.locale
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.count("pages")
        return page

    def ensure_pages(self):
        self.progress.line("Pages (fr)")
        home = HomePage.objects.filter(locale__language_code="fr").first()
        self.home = home

        fr = pages.PROGRAMME["fr"]
        # Demo databases seeded before the programme page type keep their StandardPage.
        existing = home.get_children().filter(slug=pages.PROGRAMME["slug"]).first()
        self.programme = (existing.specific if existing else None) or self._child(
            home,
            ProgrammePage,
            pages.PROGRAMME["slug"],
            lambda: ProgrammePage(
                title=fr["title"],
                introduction=fr["introduction"],
                image=self.page_images[pages.PROGRAMME["image"]],
                body=self.stream(fr["body"]),
                **self.programme_details("fr"),
            ),
        )

        if home.hero_image_id is None:
            content = pages.HOME["fr"]
            home.hero_title = content["hero_title"]
            home.hero_text = content["hero_text"]
            home.hero_cta_text = content["hero_cta_text"]
            home.hero_cta_page = self.programme
            home.hero_image = self.page_images["hero"]
            home.body = self.stream(content["body"])
            home.save_revision().publish()
            self.count("pages updated")

        fr = pages.SECTOR_INDEX["fr"]
        self.sector_index = self._child(
            home, SectorIndexPage, pages.SECTOR_INDEX["slug"], lambda: SectorIndexPage(**fr)
        )
        self.sector_pages = {}
        for slug, content in pages.SECTORS.items():
            sector = self.sectors[slug]
            self.sector_pages[slug] = self._child(
                self.sector_index,
                SectorPage,
                slug,
                lambda s=sector, c=content: SectorPage(
                    title=s.name,
                    sector=s,
                    introduction=c["fr"]["introduction"],
                    image=self.page_images[c["image"]],
                    body=self.stream(c["fr"]["body"]),
                ),
            )

        fr = pages.NEWS_INDEX["fr"]
        self.news_index = self._child(
            home, NewsIndexPage, pages.NEWS_INDEX["slug"], lambda: NewsIndexPage(**fr)
        )
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

        fr = pages.EVENT_INDEX["fr"]
        self.event_index = self._child(
            home, EventIndexPage, pages.EVENT_INDEX["slug"], lambda: EventIndexPage(**fr)
        )
        self.events = {}
        for item in pages.EVENTS:
            self.events[item["slug"]] = self._child(
                self.event_index, EventPage, item["slug"], lambda i=item: self._event(i)
            )
        self.progress.line(f"  Events {len(self.events)}/{len(pages.EVENTS)}")
        self.ensure_contact(home)
        self.ensure_privacy(home)
        for index in (self.news_index, self.event_index):
            moderation.assign_workflow(index)

    def programme_details(self, language):
        content = pages.PROGRAMME_DETAILS[language]
        return {
            "timeline": [
                ("phase", {"name": name, "duration_months": months, "description": text})
                for name, months, text in content["timeline"]
            ],
            "eligibility": content["eligibility"],
            "figures": [
                ("figure", {"value": value, "label": label}) for value, label in content["figures"]
            ],
            "partners": [
                ("partner", {"name": name, "url": "", "role": role})
                for name, role in content["partners"]
            ],
        }

    def ensure_hub_pages(self):
        """The hub index and one hub page per hub of the directory (French). Runs after
        the directory's demo, which creates some of the hubs."""
        self.progress.line("Hub pages")
        fr = pages.HUB_INDEX["fr"]
        hub_index = self._child(
            self.home, HubIndexPage, pages.HUB_INDEX["slug"], lambda: HubIndexPage(**fr)
        )
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

    def ensure_privacy(self, home):
        """The personal-data notice (a standard page), linked from every footer."""
        fr = pages.PRIVACY["fr"]
        privacy = self._child(
            home,
            StandardPage,
            pages.PRIVACY["slug"],
            lambda: StandardPage(
                title=fr["title"], introduction=fr["introduction"], body=self.stream(fr["body"])
            ),
        )
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        if site_settings.privacy_page_id is None:
            site_settings.privacy_page = privacy
            site_settings.footer_text = site_settings.footer_text or pages.FOOTER_TEXT
            site_settings.save()

    def ensure_contact(self, home):
        """The contact form page."""
        fr = pages.CONTACT["fr"]
        self._child(
            home,
            ContactPage,
            pages.CONTACT["slug"],
            lambda: ContactPage(
                title=fr["title"],
                introduction=fr["introduction"],
                to_address="contact@takafamap.ma",
                subject=fr["subject"],
                form_fields=[
                    ContactFormField(label=label, field_type=kind, required=required)
                    for label, kind, required in fr["fields"]
                ],
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
        content = item["fr"]
        return EventPage(
            title=content["title"],
            kind=item["kind"],
            start=start,
            end=end,
            venue=content["venue"],
            province=self.provinces[item["province"]],
            capacity=item.get("capacity"),
            registration_open=item.get("registration_open", False),
            image=self.page_images[item["image"]],
            summary=content["summary"],
            body=self.stream(content["body"]),
        )

    # ----------------------------------------------------------------------------------
    # Translations (Arabic and English)
    # ----------------------------------------------------------------------------------
    def _translate(self, page, locale, fields, publish=True):
        """The page's translation in ``locale``: (page, created). New ones get ``fields``."""
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific, False
        translated = page.copy_for_translation(locale, copy_parents=True).specific
        for name, value in fields.items():
            setattr(translated, name, value)
        if publish:
            translated.save_revision().publish()
        self.count("translated pages")
        return translated, True

    def ensure_translations(self, language):
        self.progress.line(f"Pages ({language})")
        locale, _ = Locale.objects.get_or_create(language_code=language)
        home, home_created = self._translate(self.home, locale, {}, publish=False)

        content = pages.PROGRAMME[language]
        programme, _ = self._translate(
            self.programme,
            locale,
            {
                "title": content["title"],
                "introduction": content["introduction"],
                "body": self.stream(content["body"]),
                **(
                    self.programme_details(language)
                    if isinstance(self.programme, ProgrammePage)
                    else {}
                ),
            },
        )

        if home_created:
            # Reload: adding the programme page changed the home page's row (numchild), and
            # publishing a stale copy would write the old tree fields back.
            home = HomePage.objects.get(pk=home.pk)
            content = pages.HOME[language]
            home.hero_title = content["hero_title"]
            home.hero_text = content["hero_text"]
            home.hero_cta_text = content["hero_cta_text"]
            home.hero_cta_page = programme
            home.body = self.stream(content["body"])
            home.save_revision().publish()

        self._translate(self.sector_index, locale, pages.SECTOR_INDEX[language])
        for slug, page in self.sector_pages.items():
            content = pages.SECTORS[slug][language]
            self._translate(
                page,
                locale,
                {
                    "title": getattr(self.sectors[slug], f"name_{language}") or page.title,
                    "introduction": content["introduction"],
                    "body": self.stream(content["body"]),
                },
            )

        self._translate(self.news_index, locale, pages.NEWS_INDEX[language])
        for item in pages.NEWS:
            content = item[language]
            self._translate(
                self.news[item["slug"]],
                locale,
                {
                    "title": content["title"],
                    "summary": content["summary"],
                    "body": self.stream(content["body"]),
                },
            )

        self._translate(self.event_index, locale, pages.EVENT_INDEX[language])
        for item in pages.EVENTS:
            content = item[language]
            self._translate(
                self.events[item["slug"]],
                locale,
                {
                    "title": content["title"],
                    "venue": content["venue"],
                    "summary": content["summary"],
                    "body": self.stream(content["body"]),
                },
            )
