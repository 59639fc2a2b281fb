"""How each creator's part of a basket reaches the client, and what delivery costs.

The basket is split by creator (the stock record's partner). For each creator the client
picks one way among those the creator offers:

* pickup at the creator's hub (``Partner.pickup_hub``);
* pickup at the creator's stand while a L'Karfour edition is running;
* delivery to the client's province, at the creator's fee there (``Partner.delivery_fees``);
* digital delivery, for parts made only of digital products;
* arranged with the creator: services, or a shop that has set none of the above.

The delivery fees of all creators are charged through one Oscar shipping method
(``FulfilmentCharges``), so the order's total and Oscar's ``shipping_incl_tax`` include them;
each ``OrderPart`` keeps its own fee.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from shop.market.models import MarketEdition, Stand
from shop.partner.models import PartnerDeliveryFee

from .models import OrderPart

Fulfilment = OrderPart.Fulfilment
ZERO = Decimal("0.00")


class FulfilmentCharges(Base):
    """The sum of the delivery fees of every creator who delivers (Oscar shipping method)."""

    code = "takafamap-fulfilment"
    name = _("Delivery fees")

    def __init__(self, fee=ZERO):
        self.fee = fee

    def calculate(self, basket):
        return prices.Price(currency=basket.currency, excl_tax=self.fee, incl_tax=self.fee)


@dataclass
class Option:
    code: str
    label: str
    detail: str = ""
    fees: dict = field(default_factory=dict)  # province id -> fee, for delivery


@dataclass
class Group:
    """One creator's lines in a basket."""

    partner: object
    lines: list
    subtotal: Decimal = ZERO
    options: list = field(default_factory=list)
    plan: object = None

    @property
    def needs_choice(self):
        return len(self.options) > 1


@dataclass
class PartPlan:
    partner: object
    fulfilment: str
    subtotal: Decimal
    fee: Decimal = ZERO
    pickup_hub: object = None
    stand_number: str = ""
    stand_edition: object = None
    province: object = None
    lines: list = field(default_factory=list)

    @property
    def label(self):
        return Fulfilment(self.fulfilment).label

    @property
    def total(self):
        return self.subtotal + self.fee


def _line_total(line):
    price = line.line_price_incl_tax_incl_discounts
    if price is None:
        price = line.line_price_excl_tax_incl_discounts or ZERO
    return price


def _current_stands(partner_ids):
    """{partner id: stand} at the running L'Karfour edition."""
    edition = MarketEdition.current()
    if edition is None:
        return {}
    stands = Stand.objects.filter(edition=edition, partner_id__in=partner_ids)
    return {stand.partner_id: stand for stand in stands.select_related("edition")}


def _delivery_fees(partner_ids):
    fees = {}
    for row in PartnerDeliveryFee.objects.filter(partner_id__in=partner_ids).select_related(
        "province"
    ):
        fees.setdefault(row.partner_id, {})[row.province_id] = (row.fee, row.province)
    return fees


def basket_groups(basket):
    """The basket's lines grouped by creator, each with the fulfilment options it offers."""
    groups = {}
    for line in basket.all_lines():
        partner = line.stockrecord.partner if line.stockrecord_id else None
        if partner is None:
            continue
        group = groups.setdefault(partner.pk, Group(partner=partner, lines=[]))
        group.lines.append(line)
        group.subtotal += _line_total(line)
    partner_ids = list(groups)
    stands = _current_stands(partner_ids) if partner_ids else {}
    fees = _delivery_fees(partner_ids) if partner_ids else {}
    for group in groups.values():
        group.options = _options(group, stands.get(group.partner.pk), fees.get(group.partner.pk))
    return sorted(groups.values(), key=lambda g: (g.partner.name.lower(), g.partner.pk))


def _kind(line):
    product_class = line.product.get_product_class()
    return getattr(product_class, "slug", "")


def _options(group, stand, fees):
    stand_number = stand.number if stand else ""
    kinds = {_kind(line) for line in group.lines}
    partner = group.partner
    if "physical" not in kinds:
        if kinds == {"digital"}:
            return [Option(Fulfilment.DIGITAL, Fulfilment.DIGITAL.label)]
        return [Option(Fulfilment.ARRANGED, Fulfilment.ARRANGED.label)]
    options = []
    if partner.pickup_hub_id:
        options.append(
            Option(Fulfilment.HUB_PICKUP, Fulfilment.HUB_PICKUP.label, str(partner.pickup_hub))
        )
    if stand_number:
        options.append(
            Option(
                Fulfilment.STAND_PICKUP,
                Fulfilment.STAND_PICKUP.label,
                _("Stand %(number)s, %(edition)s")
                % {"number": stand_number, "edition": stand.edition},
            )
        )
    if fees:
        options.append(
            Option(
                Fulfilment.DELIVERY,
                Fulfilment.DELIVERY.label,
                ", ".join(str(province) for _fee, province in fees.values()),
                fees={pk: fee for pk, (fee, _province) in fees.items()},
            )
        )
    if not options:
        options.append(Option(Fulfilment.ARRANGED, Fulfilment.ARRANGED.label))
    for option in options:
        option.stand_number = stand_number or ""
        option.stand_edition = stand.edition if stand else None
    return options


class PlanError(ValueError):
    pass


def build_plan(groups, choices, province=None):
    """One ``PartPlan`` per group from the client's ``choices`` ({partner id: code}).

    Raises ``PlanError`` when a choice is not offered (any more) or the creator does not
    deliver to ``province``.
    """
    plans = []
    for group in groups:
        options = {option.code: option for option in group.options}
        code = choices.get(str(group.partner.pk)) or choices.get(group.partner.pk)
        if code is None and len(options) == 1:
            code = next(iter(options))
        option = options.get(code)
        if option is None:
            raise PlanError(
                _("Choose how you receive the items from %(creator)s.")
                % {"creator": group.partner.name}
            )
        plan = PartPlan(
            partner=group.partner, fulfilment=code, subtotal=group.subtotal, lines=group.lines
        )
        if code == Fulfilment.HUB_PICKUP:
            plan.pickup_hub = group.partner.pickup_hub
        elif code == Fulfilment.STAND_PICKUP:
            plan.stand_number = option.stand_number
            plan.stand_edition = option.stand_edition
        elif code == Fulfilment.DELIVERY:
            if province is None or province.pk not in option.fees:
                raise PlanError(
                    _("%(creator)s does not deliver to this province: choose a pickup.")
                    % {"creator": group.partner.name}
                )
            plan.province = province
            plan.fee = option.fees[province.pk]
        group.plan = plan
        plans.append(plan)
    return plans


def total_fees(plans):
    return sum((plan.fee for plan in plans), ZERO)


def default_plan(basket):
    """Each creator's first way that needs no address (placements outside the checkout)."""
    groups = basket_groups(basket)
    choices = {}
    for group in groups:
        codes = [option.code for option in group.options if option.code != "delivery"]
        choices[str(group.partner.pk)] = codes[0] if codes else group.options[0].code
    return build_plan(groups, choices)
