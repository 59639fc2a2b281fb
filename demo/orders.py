"""Demo orders: a few orders across creators, their parts in various states.

Among them, an order of client@example.org with a part from creator@example.org (Salma
Benali) and one from another creator. Orders are placed the way checkout places them (a
basket, our ``OrderCreator``, one part per creator); statuses and payments are then set
directly, without emails. Idempotent: each demo order has a fixed number.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from oscar.apps.basket.models import Basket

from accounts.models import User
from directory.models import Province
from shop.catalogue.models import Product
from shop.order.delivery_plan import basket_groups
from shop.order.models import Order, OrderPart
from shop.order.utils import place_planned_order
from shop.partner.strategy import Selector

CLIENT = "client@example.org"
CREATOR = "creator@example.org"
S = OrderPart.Status

# number, buyer (email of an account, or a guest email), payment, [(shop: "salma"/"other"/
# "third", status, paid)], days ago
ORDERS = [
    (
        "900001",
        CLIENT,
        None,
        "cash",
        [("salma", S.CONFIRMED, False), ("other", S.HANDED_OVER, True)],
        3,
    ),
    ("900002", None, "amina.guest@example.org", "bank_transfer", [("salma", S.READY, True)], 6),
    ("900003", CLIENT, None, "cash", [("other", S.COMPLETED, True)], 20),
    (
        "900004",
        None,
        "youssef.guest@example.org",
        "cash",
        [("third", S.CANCELLED, False), ("salma", S.PENDING, False)],
        1,
    ),
]


def _buyable(partner):
    """A public product of ``partner`` with a price and stock (physical first)."""
    products = (
        Product.objects.filter(
            stockrecords__partner=partner, is_public=True, stockrecords__price__isnull=False
        )
        .select_related("product_class")
        .order_by("pk")
    )
    ranked = sorted(products, key=lambda p: (p.product_class.slug != "physical", p.pk))
    for product in ranked:
        record = product.stockrecords.filter(partner=partner).first()
        if record.num_in_stock is None or record.net_stock_level >= 1:
            return product
    return None


def _shops():
    salma = User.objects.filter(email=CREATOR).first()
    if salma is None:
        return {}
    salma_shop = salma.partners.order_by("pk").first()
    others = []
    for user in User.objects.filter(partners__isnull=False).exclude(pk=salma.pk).order_by("pk"):
        shop = user.partners.order_by("pk").first()
        if shop and shop not in others and _buyable(shop):
            others.append(shop)
        if len(others) == 2:
            break
    if salma_shop is None or len(others) < 2 or not _buyable(salma_shop):
        return {}
    return {"salma": salma_shop, "other": others[0], "third": others[1]}


def _place(number, user, email, method, shops):
    strategy = Selector().strategy()
    basket = Basket.objects.create(owner=user)
    basket.strategy = strategy
    for shop in shops:
        basket.add_product(_buyable(shop), 1)
    basket.reset_offer_applications()
    first_ways = {str(g.partner.pk): g.options[0].code for g in basket_groups(basket)}
    return place_planned_order(
        basket,
        first_ways,
        Province.objects.filter(slug="oujda-angad").first(),
        user=user,
        order_number=number,
        guest_email="" if user else email,
        payment_method=method,
        contact_name=(user.get_full_name() if user else "Client de démo"),
        contact_phone="+212612345678",
    )


def seed_orders(seeder):
    """One call from ``Seeder.run``."""
    shops = _shops()
    if not shops:
        seeder.progress.line("Orders: skipped (no creators with products)")
        return
    seeder.progress.line("Orders")
    now = timezone.now()
    for number, buyer, guest, method, parts, days in ORDERS:
        if Order.objects.filter(number=number).exists():
            continue
        with transaction.atomic():
            user = User.objects.filter(email=buyer).first() if buyer else None
            order = _place(number, user, guest, method, [shops[key] for key, _s, _p in parts])
            placed = now - timedelta(days=days)
            Order.objects.filter(pk=order.pk).update(date_placed=placed)
            OrderPart.objects.filter(order=order).update(created_at=placed)
            for key, status, paid in parts:
                part = order.parts.get(partner=shops[key])
                part.status = status
                part.status_changed_at = placed + timedelta(hours=6)
                if status == S.CANCELLED:
                    part.cancel_reason = "Article plus disponible en atelier."
                if paid:
                    part.paid_at = placed + timedelta(hours=8)
                part.save()
            if all(paid for _k, _s, paid in parts):
                Order.objects.filter(pk=order.pk).update(paid_at=placed + timedelta(hours=8))
            seeder.count("orders")
