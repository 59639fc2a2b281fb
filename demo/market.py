"""Demo data of the marketplace: delivery fees, digital files, L'Karfour with its stands.

Idempotent: each step looks for what it would create (by slug, partner/province pair or
stand number) and leaves existing rows alone. Dates are relative to today, so the demo
edition is always running when the demo is loaded.
"""

import io
import random
import uuid
import zipfile
from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from directory.models import Profile, Province
from shop.catalogue.models import Product
from shop.market.models import MarketEdition, Stand
from shop.order.market_sales import record_sales
from shop.partner.models import Partner, PartnerDeliveryFee

EDITION_SLUG = "lkarfour-5"
FEES = [Decimal("25.00"), Decimal("35.00"), Decimal("40.00"), Decimal("50.00")]


def seed_market(seeder):
    """One call from ``Seeder.run``: runs each step in its own transaction."""
    with transaction.atomic():
        _delivery_fees(seeder)
    with transaction.atomic():
        _digital_files(seeder)
    with transaction.atomic():
        _edition(seeder)


def _shops():
    return list(
        Partner.objects.filter(is_active=True, slug__isnull=False)
        .select_related("profile", "profile__province")
        .order_by("slug")
    )


def _delivery_fees(seeder):
    """Two shops in three deliver to their province and two or three neighbours."""
    provinces = list(Province.objects.order_by("sort_order", "pk"))
    if not provinces:
        return
    for index, partner in enumerate(_shops()):
        if index % 3 == 2 or partner.delivery_fees.exists():
            continue
        rng = random.Random(f"fees:{partner.slug}")
        home = partner.profile.province if partner.profile else None
        chosen = [home] if home else []
        others = [p for p in provinces if p != home]
        chosen += rng.sample(others, k=min(len(others), rng.choice([2, 3])))
        for number, province in enumerate(chosen):
            fee = Decimal("20.00") if number == 0 else rng.choice(FEES)
            PartnerDeliveryFee.objects.create(partner=partner, province=province, fee=fee)
            seeder.count("delivery fees")


def _digital_file(product):
    """A small ZIP archive standing for what the buyer downloads."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "LISEZMOI.txt",
            f"{product.title}\n\nFichier de démonstration Takafamap (produit {product.code}).\n",
        )
    return buffer.getvalue()


def _digital_files(seeder):
    products = Product.objects.filter(product_class__slug="digital").order_by("pk")
    for product in products:
        if product.digital_file and product.digital_file.storage.exists(product.digital_file.name):
            continue
        name = f"{product.code or product.pk}.zip"
        product.digital_file.save(name, ContentFile(_digital_file(product)), save=False)
        Product.objects.filter(pk=product.pk).update(digital_file=product.digital_file.name)
        seeder.count("digital files")


def _edition(seeder):
    today = timezone.localdate()
    hub = Profile.objects.filter(kind=Profile.Kind.HUB).order_by("pk").first()
    edition = MarketEdition.objects.filter(slug=EDITION_SLUG).first()
    if edition is None:
        edition = MarketEdition.objects.create(
            slug=EDITION_SLUG,
            name="L'Karfour — 5e édition",
            starts_on=today - timedelta(days=1),
            ends_on=today + timedelta(days=2),
            venue="Esplanade du théâtre Mohammed VI, Oujda",
            hub=hub,
            description=(
                "Le marché de la culture jeune de l'Oriental : tirages, objets lumineux, "
                "packs sonores et démonstrations, sur les stands des créateurs accompagnés."
            ),
        )
        seeder.count("market editions")
    if not edition.name_ar:
        edition.name_ar = "لكرفور — الدورة الخامسة"
        edition.name_en = "L'Karfour — 5th edition"
        edition.venue_ar = "ساحة مسرح محمد السادس، وجدة"
        edition.venue_en = "Mohammed VI Theatre esplanade, Oujda"
        edition.description_ar = (
            "سوق ثقافة الشباب في جهة الشرق: صور مطبوعة وأشياء مضيئة وحزم صوتية وعروض حية، "
            "في أروقة المبدعين المواكَبين."
        )
        edition.description_en = (
            "The Oriental's youth culture market: prints, light objects, sound packs and "
            "demonstrations on the stands of the supported creators."
        )
        edition.save()
    if not MarketEdition.objects.filter(slug="lkarfour-4").exists():
        MarketEdition.objects.create(
            slug="lkarfour-4",
            name="L'Karfour — 4e édition",
            name_ar="لكرفور — الدورة الرابعة",
            name_en="L'Karfour — 4th edition",
            starts_on=today - timedelta(days=365),
            ends_on=today - timedelta(days=363),
            venue=hub.name if hub else "Oujda",
            hub=hub,
        )
        seeder.count("market editions")
    if edition.stands.exists():
        return
    shops = (
        Partner.objects.filter(
            is_active=True,
            slug__isnull=False,
            stockrecords__product__available_at_karfour=True,
        )
        .distinct()
        .order_by("slug")
    )
    for number, partner in enumerate(shops, start=1):
        Stand.objects.create(edition=edition, partner=partner, number=f"{number:02d}")
        seeder.count("stands")


# A fixed namespace: the same demo sale gets the same id at every run, so recording it again
# changes nothing (the service records each id once).
SALES_NAMESPACE = uuid.UUID("6f1d0c52-4b7e-4a53-9d0e-6b2f8a1c5e77")
DEMO_CREATOR = "creator@example.org"


def seed_market_sales(seeder):
    """Today's cash sales at the first stands of the running edition, recorded through the
    stand screen's own service (``record_sales``: stock lowered, each sale once). Runs after
    the orders, as sales at a stand come after the online orders of the morning."""
    edition = MarketEdition.objects.filter(slug=EDITION_SLUG).first()
    if edition is None:
        return
    now = timezone.now()
    selling = 0
    # The demo creator's stand first (creator@example.org), then others, four in all.
    stands = edition.stands.select_related("partner").order_by("number")
    stands = sorted(stands, key=lambda stand: not stand.partner.users.filter(email=DEMO_CREATOR))
    for stand in stands:
        partner = stand.partner
        user = partner.users.order_by("pk").first()
        products = list(
            Product.objects.filter(
                available_at_karfour=True,
                stockrecords__partner=partner,
                stockrecords__num_in_stock__gt=2,
            ).order_by("pk")[:2]
        )
        if user is None or not products:
            continue
        selling += 1
        if selling > 4:
            break
        sales = []
        for index, product in enumerate(products):
            price = product.stockrecords.filter(partner=partner).values_list("price", flat=True)[0]
            quantity = 1 + index % 2
            sales.append(
                {
                    "id": str(uuid.uuid5(SALES_NAMESPACE, f"{stand.pk}-{product.pk}")),
                    "product": product.pk,
                    "quantity": quantity,
                    "cash": str((price or Decimal("0")) * quantity),
                    "phone": "0661000000" if index == 0 else "",
                    "recorded_at": (now - timedelta(hours=2, minutes=10 * index)).isoformat(),
                }
            )
        results = record_sales(partner, user, {"sales": sales})
        seeder.count("market sales", sum(1 for result in results if result.created))
