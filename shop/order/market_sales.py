"""Recording the cash sales of a L'Karfour stand, sent in batches by the stand screen.

The phone may send the same batch again and again (no answer reached it, Background Sync
retried, the creator opened the page twice): every sale carries the id the phone gave it, and
a sale whose id is already recorded is answered as it was the first time, without touching
the stock again.

Stock is lowered under the same lock as online checkout (``OrderCreator.reserve_stock``:
``select_for_update(no_key=True)`` on the stock records, in primary-key order, so a checkout
and a batch of market sales cannot deadlock, and neither blocks a basket add: see
``shop.order.utils``). A market sale is never refused: the item has been handed over
and the cash taken. The physical count (``num_in_stock``) goes down by the quantity sold and
floors at 0; allocations of online orders are left as they are. When fewer items were free
(``num_in_stock - num_allocated``) than sold, the sale keeps the ``shortfall`` and the online
orders still holding allocations on that stock record, newest first, enough to cover it: those
are the orders the creator must contact (the item they paid for is gone). Online, the product
then shows as sold out (free stock is 0 or below), so no further order can take it.

A fixed number of SQL queries per batch, whatever its size.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from phonenumber_field.formfields import PhoneNumberField

from core import cache
from shop.market.models import Stand
from shop.partner.models import StockRecord

from .models import Line, MarketSale

MAX_BATCH = 200
MAX_QUANTITY = 999
MAX_CASH = Decimal("1000000")


class SaleForm(forms.Form):
    """One sale as the stand screen sends it (JSON keys)."""

    id = forms.UUIDField(label=gettext_lazy("sale id"))
    product = forms.IntegerField(label=gettext_lazy("product"), min_value=1)
    quantity = forms.IntegerField(
        label=gettext_lazy("quantity"), min_value=1, max_value=MAX_QUANTITY
    )
    cash = forms.DecimalField(
        label=gettext_lazy("cash received (MAD)"),
        min_value=Decimal("0"),
        max_value=MAX_CASH,
        max_digits=12,
        decimal_places=2,
    )
    phone = PhoneNumberField(label=gettext_lazy("client's phone"), required=False, region="MA")
    recorded_at = forms.DateTimeField(label=gettext_lazy("recorded on the phone at"))


class InvalidBatch(Exception):
    """The batch is not a list of valid sales: ``errors`` says why, per sale id when known."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class SaleResult:
    sale: MarketSale
    created: bool
    conflict_numbers: list = field(default_factory=list)

    def as_json(self):
        return {
            "id": str(self.sale.uuid),
            "status": "recorded" if self.created else "already_recorded",
            "shortfall": self.sale.shortfall,
            "conflict_orders": self.conflict_numbers,
        }


def _form_errors(form):
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def validate_batch(partner, payload):
    """The cleaned sales of ``payload`` (``{"sales": [...]}``) and the products they name,
    or ``InvalidBatch``. Products must be the shop's own (a product of another shop is
    answered exactly like one that does not exist)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("sales"), list):
        raise InvalidBatch({"__all__": [_("Send a list of sales.")]})
    items = payload["sales"]
    if not items:
        raise InvalidBatch({"__all__": [_("Send at least one sale.")]})
    if len(items) > MAX_BATCH:
        raise InvalidBatch(
            {"__all__": [_("Send at most %(count)d sales at a time.") % {"count": MAX_BATCH}]}
        )
    errors, cleaned = {}, []
    for index, item in enumerate(items):
        key = str(item.get("id")) if isinstance(item, dict) and item.get("id") else str(index)
        if not isinstance(item, dict):
            errors[key] = {"__all__": [_("A sale must be an object.")]}
            continue
        form = SaleForm(data=item)
        if not form.is_valid():
            errors[key] = _form_errors(form)
            continue
        cleaned.append(form.cleaned_data)
    ids = [sale["id"] for sale in cleaned]
    if len(set(ids)) != len(ids):
        errors["__all__"] = [_("Each sale must have its own id.")]
    records = {
        record.product_id: record
        for record in StockRecord.objects.filter(
            partner=partner, product_id__in={sale["product"] for sale in cleaned}
        )
        .exclude(product__code__startswith="quote-custom-")
        .select_related("product", "product__product_class", "product__parent__product_class")
        .order_by("pk")
    }
    for sale in cleaned:
        if sale["product"] not in records:
            errors[str(sale["id"])] = {"product": [_("This product is not one of your shop's.")]}
    if errors:
        raise InvalidBatch(errors)
    return cleaned, records


def _is_tracked(product):
    product_class = product.get_product_class()
    return bool(product_class and product_class.track_stock)


def _stands_by_day(partner, days):
    """The shop's stand at the edition running on each of ``days`` (one query)."""
    if not days:
        return {}
    stands = list(
        Stand.objects.filter(
            partner=partner, edition__starts_on__lte=max(days), edition__ends_on__gte=min(days)
        )
        .select_related("edition")
        .order_by("edition__starts_on", "pk")
    )
    found = {}
    for day in days:
        for stand in stands:
            if stand.edition.starts_on <= day <= stand.edition.ends_on:
                found[day] = stand
                break
    return found


def record_sales(partner, user, payload):
    """Record ``payload``'s sales for ``partner`` exactly once; a list of ``SaleResult`` in
    the order sent. Raises ``InvalidBatch`` (nothing recorded) on bad input."""
    cleaned, records = validate_batch(partner, payload)
    try:
        return _record(partner, user, cleaned, records)
    except IntegrityError:
        # Another request recorded one of these ids between our check and our insert (only
        # possible with a different product, as the same product's stock record is locked):
        # everything was rolled back; once more, the ids are now found as recorded.
        return _record(partner, user, cleaned, records)


@transaction.atomic
def _record(partner, user, cleaned, records):
    now = timezone.now()
    # The same lock as online checkout, in the same order.
    locked = {
        record.pk: record
        for record in StockRecord.objects.select_for_update(no_key=True)
        .filter(pk__in=sorted({records[sale["product"]].pk for sale in cleaned}))
        .order_by("pk")
    }
    # Read after the lock: a concurrent replay of this batch has committed by now.
    existing = {
        sale.uuid: sale
        for sale in MarketSale.objects.filter(uuid__in=[sale["id"] for sale in cleaned])
        .select_related("partner")
        .prefetch_related("conflict_orders")
    }
    foreign = [str(uuid) for uuid, sale in existing.items() if sale.partner_id != partner.pk]
    if foreign:
        raise InvalidBatch({key: {"id": [_("This sale id is already used.")]} for key in foreign})

    new_sales, short_records, changed = [], {}, set()
    local_days = set()
    for sale in cleaned:
        if sale["id"] in existing:
            continue
        record = locked[records[sale["product"]].pk]
        product = records[sale["product"]].product
        recorded_at = min(sale["recorded_at"], now)
        local_days.add(timezone.localdate(recorded_at))
        quantity = sale["quantity"]
        shortfall = 0
        if _is_tracked(product) and record.num_in_stock is not None:
            free = record.num_in_stock - (record.num_allocated or 0)
            shortfall = max(quantity - max(free, 0), 0)
            record.num_in_stock = max(record.num_in_stock - quantity, 0)
            changed.add(record.pk)
            if shortfall:
                short_records.setdefault(record.pk, []).append(len(new_sales))
        new_sales.append(
            MarketSale(
                uuid=sale["id"],
                partner=partner,
                product=product,
                stockrecord=record,
                title=product.get_title()[:255],
                quantity=quantity,
                cash_received=sale["cash"],
                client_phone=sale["phone"] or "",
                recorded_at=recorded_at,
                recorded_by=user,
                shortfall=shortfall,
            )
        )
    stands = _stands_by_day(partner, local_days)
    for sale in new_sales:
        stand = stands.get(timezone.localdate(sale.recorded_at))
        if stand is not None:
            sale.stand, sale.edition = stand, stand.edition
    if changed:
        StockRecord.objects.bulk_update([locked[pk] for pk in sorted(changed)], ["num_in_stock"])
        # A bulk update sends no signal: public pages show the new availability at once, as
        # after a stock record's save (again once committed, like the cache's own watch).
        cache.bump_generation()
        transaction.on_commit(cache.bump_generation)
    if new_sales:
        MarketSale.objects.bulk_create(new_sales)
    conflicts = _conflict_orders(short_records, new_sales)
    if conflicts:
        Through = MarketSale.conflict_orders.through
        Through.objects.bulk_create(
            [
                Through(marketsale_id=new_sales[index].pk, order_id=order.pk)
                for index, orders in conflicts.items()
                for order in orders
            ]
        )

    by_id = {sale.uuid: (sale, True, conflicts.get(i, [])) for i, sale in enumerate(new_sales)}
    results = []
    for sale in cleaned:
        if sale["id"] in existing:
            old = existing[sale["id"]]
            numbers = sorted(order.number for order in old.conflict_orders.all())
            results.append(SaleResult(old, False, numbers))
        else:
            new, created, orders = by_id[sale["id"]]
            results.append(SaleResult(new, created, sorted(order.number for order in orders)))
    return results


def _conflict_orders(short_records, new_sales):
    """For each new sale with a shortfall (by index), the online orders still holding
    allocations on its stock record, newest first, enough to cover the shortfall."""
    if not short_records:
        return {}
    lines = list(
        Line.objects.filter(stockrecord_id__in=short_records, num_allocated__gt=0)
        .filter(Q(allocation_cancelled=False) | Q(allocation_cancelled__isnull=True))
        .select_related("order")
        .order_by("-order__date_placed", "-pk")
    )
    found = {}
    for record_pk, indexes in short_records.items():
        holding = [line for line in lines if line.stockrecord_id == record_pk]
        for index in indexes:
            missing, orders = new_sales[index].shortfall, []
            for line in holding:
                if missing <= 0:
                    break
                if line.order not in orders:
                    orders.append(line.order)
                missing -= line.num_allocated
            found[index] = orders
    return found
