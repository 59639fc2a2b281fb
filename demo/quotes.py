"""Demo quotes: client@example.org asks creator@example.org (Salma Benali) and two other
creators for quotes, one request in each state (requested, quoted with two versions,
accepted, deposit paid, completed, declined, expired, cancelled), with messages.

Built directly (no emails, no order): the states, versions and events are what the pages
show. Idempotent: each demo request is found again by its client, shop and brief.
"""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from directory.models import Province
from shop.catalogue.models import Product
from shop.partner.models import Partner
from shop.quotes.models import (
    QuoteEvent,
    QuoteLine,
    QuoteMessage,
    QuoteRequest,
    QuoteVersion,
    Status,
)

CLIENT_EMAIL = "client@example.org"
CREATOR_SLUG = "salma-benali"

# (status, what, place, province slug, days from today, brief, versions: [(lines, deposit %,
# validity in days from today)], message from the client, or None)
PLANS = [
    (
        Status.REQUESTED,
        "",
        "Complexe culturel Mohammed VI, Oujda",
        "oujda-angad",
        45,
        "Photos de la remise des diplômes du conservatoire : 200 élèves, deux heures.",
        [],
        "Bonjour, pouvez-vous aussi livrer une sélection de 30 photos le lendemain ?",
    ),
    (
        Status.QUOTED,
        "",
        "Corniche de Saïdia",
        "berkane",
        30,
        "Reportage d'un festival de plage sur deux jours, photos et courtes vidéos.",
        [
            (
                [("Journée de reportage", "2", "2500"), ("Transport vers Berkane", "1", "400")],
                30,
                20,
            ),
            (
                [("Journée de reportage", "2", "2200"), ("Transport vers Berkane", "1", "400")],
                30,
                25,
            ),
        ],
        "Le budget du festival est serré : une remise est-elle possible ?",
    ),
    (
        Status.ACCEPTED,
        "Portraits de l'équipe d'une association",
        "Maison des jeunes, Nador",
        "nador",
        20,
        "Douze portraits individuels et une photo de groupe pour notre site.",
        [([("Séance portraits", "1", "1800"), ("Retouches (13 photos)", "13", "40")], 40, 15)],
        None,
    ),
    (
        Status.DEPOSIT_PAID,
        "",
        "Théâtre municipal, Taourirt",
        "taourirt",
        12,
        "Couverture photo d'une pièce de théâtre, générale et première.",
        [([("Soirée de prise de vue", "2", "1500")], 50, 10)],
        None,
    ),
    (
        Status.COMPLETED,
        "",
        "Médiathèque, Berkane",
        "berkane",
        -20,
        "Photos d'une exposition de jeunes artistes pour le catalogue.",
        [
            (
                [
                    ("Prise de vue des œuvres", "1", "2000"),
                    ("Livraison haute définition", "1", "0"),
                ],
                30,
                -30,
            )
        ],
        None,
    ),
    (
        Status.DECLINED,
        "",
        "Salle des fêtes, Jerada",
        "jerada",
        25,
        "Mariage : cérémonie et soirée.",
        [([("Forfait mariage", "1", "6000")], 30, 10)],
        "Merci, mais c'est au-dessus de notre budget.",
    ),
    (
        Status.EXPIRED,
        "Affiche et photos pour un concert",
        "Place du 16 Août, Oujda",
        "oujda-angad",
        10,
        "Une séance photo du groupe et une affiche A2.",
        [([("Séance photo", "1", "1200"), ("Affiche A2", "1", "800")], 30, -2)],
        None,
    ),
    (
        Status.CANCELLED,
        "",
        "Figuig",
        "figuig",
        60,
        "Photos d'un circuit touristique dans les ksour.",
        [],
        "Le projet est reporté à l'année prochaine, désolé.",
    ),
]

FLOW = {
    Status.REQUESTED: [Status.REQUESTED],
    Status.QUOTED: [Status.REQUESTED, Status.QUOTED],
    Status.ACCEPTED: [Status.REQUESTED, Status.QUOTED, Status.ACCEPTED],
    Status.DEPOSIT_PAID: [Status.REQUESTED, Status.QUOTED, Status.ACCEPTED, Status.DEPOSIT_PAID],
    Status.COMPLETED: [
        Status.REQUESTED,
        Status.QUOTED,
        Status.ACCEPTED,
        Status.DEPOSIT_PAID,
        Status.COMPLETED,
    ],
    Status.DECLINED: [Status.REQUESTED, Status.QUOTED, Status.DECLINED],
    Status.EXPIRED: [Status.REQUESTED, Status.QUOTED, Status.EXPIRED],
    Status.CANCELLED: [Status.REQUESTED, Status.CANCELLED],
}
CLIENT_MOVES = {Status.REQUESTED, Status.ACCEPTED, Status.DECLINED, Status.CANCELLED}


def seed_quotes(seeder):
    """One call from ``Seeder.run``."""
    client = User.objects.filter(email=CLIENT_EMAIL).first()
    partner = Partner.objects.filter(slug=CREATOR_SLUG).first()
    if client is None or partner is None:
        return
    others = list(
        Partner.objects.exclude(pk=partner.pk)
        .filter(is_active=True, slug__isnull=False)
        .order_by("slug")[:2]
    )
    with transaction.atomic():
        for number, plan in enumerate(PLANS):
            _ensure(seeder, client, partner, plan, number)
        for number, other in enumerate(others):
            # Two requests to other creators, so the lists mix shops.
            _ensure(seeder, client, other, PLANS[number], 100 + number)


def _ensure(seeder, client, partner, plan, number):
    status, description, place, province_slug, days, brief, versions, message = plan
    if QuoteRequest.objects.filter(client=client, partner=partner, brief=brief).exists():
        return
    creator = partner.users.order_by("pk").first()
    province = Province.objects.filter(slug=province_slug).first() or Province.objects.first()
    product = None
    if not description:
        product = (
            Product.objects.filter(
                stockrecords__partner=partner, is_public=True, product_class__slug="service"
            )
            .order_by("pk")
            .first()
        )
    today = timezone.localdate()
    start = timezone.now() - timedelta(days=40 - number)
    quote_request = QuoteRequest.objects.create(
        client=client,
        partner=partner,
        product=product,
        description=description or ("" if product else "Reportage photo sur mesure"),
        starts_on=today + timedelta(days=days),
        place=place,
        province=province,
        audience_size=150 + 50 * number if number < 100 else None,
        budget_min=Decimal("1500"),
        budget_max=Decimal("6000"),
        brief=brief,
        phone="+212612345678",
        status=status,
        created_at=start,
    )
    made = []
    for index, (lines, deposit, valid_days) in enumerate(versions, start=1):
        total = sum((Decimal(q) * Decimal(p) for _label, q, p in lines), Decimal(0))
        version = QuoteVersion.objects.create(
            request=quote_request,
            number=index,
            total=total,
            deposit_percent=deposit,
            valid_until=today + timedelta(days=valid_days),
            terms="Acompte à la commande, solde le jour de la prestation. Annulation gratuite "
            "jusqu'à sept jours avant.",
            created_by=creator,
            created_at=start + timedelta(days=index),
        )
        QuoteLine.objects.bulk_create(
            QuoteLine(version=version, position=i, label=label, quantity=q, unit_price=p)
            for i, (label, q, p) in enumerate(lines)
        )
        made.append(version)
    if status in (Status.ACCEPTED, Status.DEPOSIT_PAID, Status.COMPLETED) and made:
        QuoteRequest.objects.filter(pk=quote_request.pk).update(accepted_version=made[-1])
    previous = ""
    for step, target in enumerate(FLOW[status]):
        if target == Status.QUOTED and made:
            for version in made:
                QuoteEvent.objects.create(
                    request=quote_request,
                    actor=creator,
                    from_status=previous,
                    to_status=Status.QUOTED,
                    version=version,
                    created_at=version.created_at,
                )
                previous = Status.QUOTED
            continue
        actor = client if target in CLIENT_MOVES else None
        QuoteEvent.objects.create(
            request=quote_request,
            actor=actor,
            from_status=previous,
            to_status=target,
            version=made[-1] if made and target != Status.REQUESTED else None,
            created_at=start + timedelta(days=step, hours=1),
        )
        previous = target
    if message:
        QuoteMessage.objects.create(
            request=quote_request,
            author=client,
            body=message,
            created_at=start + timedelta(hours=2),
        )
    seeder.count("quote requests")
