"""Pricing and availability: Oscar's default strategy, plus the creators' vacation mode
and the basket lines of accepted quotes.

Oscar loads ``Selector`` from here (``get_class("partner.strategy", "Selector")``) because
the partner app is forked. While a shop is on vacation its products cannot be bought: the
add-to-basket forms disappear and the basket refuses them.

A basket line carrying the ``quote`` option (a quote version id, see ``shop.quotes``) is
priced from that accepted version, never from the stock record or the line's stored price,
and only in quantity 1, only in its client's basket, only while the quote is accepted and
not yet ordered. Anything else makes the line unavailable, so checkout refuses it.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability, prices
from oscar.apps.partner import strategy as oscar_strategy

from shop.quotes.models import QuoteVersion, Status
from shop.quotes.services import version_id_of_line


class OnVacation(availability.Unavailable):
    code = "on_vacation"

    def __init__(self, message=""):
        self.message = message or _("The creator is away: orders resume soon.")


class NotForSale(availability.Unavailable):
    """Hidden, sold by a suspended shop, or priced on quote: not bought from the basket."""

    code = "not_for_sale"

    def __init__(self, message):
        self.message = message


def sale_refusal(product, stockrecord, *, quoted=False):
    """Why ``product`` (through ``stockrecord``) cannot be bought now, or ``None``.

    The one rule behind add-to-basket, every checkout step (Oscar's
    ``check_basket_is_valid`` reads the strategy) and order placement
    (``shop.order.utils.OrderCreator.reserve_stock``, on the locked stock record). Stock
    levels are Oscar's ``StockRequired``; this adds the marketplace's rules. ``quoted``: a
    line paying an accepted quote, whose product may be a hidden "custom work" service.
    """
    parent = product.parent if product.is_child else None
    if product.is_hidden_by_staff or (parent is not None and parent.is_hidden_by_staff):
        return _("This product is no longer offered.")
    if not quoted and not (product.is_public and (parent is None or parent.is_public)):
        return _("This product is no longer offered.")
    if stockrecord is None:
        return _("This product is no longer offered.")
    partner = stockrecord.partner
    if not partner.is_active:
        return _("This shop is closed for now.")
    if partner.on_vacation:
        return OnVacation(partner.vacation_message).message
    if not quoted:
        kind = (parent or product).price_kind
        if kind == "quote" or stockrecord.price is None:
            return _("This service is priced on quote: request a quote from its page.")
    return None


class QuoteLineAvailability(availability.Base):
    """A quoted line: exactly one, or nothing when the quote no longer allows payment."""

    code = "quote"

    def __init__(self, valid, others=0, message=""):
        self.valid = valid
        # Lines of the same stock record elsewhere in the basket: Oscar checks their sum.
        self.others = others
        self.num_available = 1 + others if valid else 0
        self.message = message

    @property
    def short_message(self):
        return self.message or _("Accepted quote")

    def is_purchase_permitted(self, quantity):
        if not self.valid:
            return False, self.message
        if quantity > 1 + self.others:
            return False, _("An accepted quote is paid once: its quantity stays 1.")
        return True, ""


def _quote_purchase_info(line, stockrecord, version_id):
    stockrecord = stockrecord or line.stockrecord
    version = QuoteVersion.objects.select_related("request").filter(pk=version_id).first()
    if version is None:
        return oscar_strategy.PurchaseInfo(
            price=prices.Unavailable(),
            availability=QuoteLineAvailability(False, message=_("This quote does not exist.")),
            stockrecord=stockrecord,
        )
    quote = version.request
    refusal = sale_refusal(line.product, stockrecord, quoted=True)
    valid = (
        refusal is None
        and quote.status == Status.ACCEPTED
        and quote.accepted_version_id == version.pk
        and quote.order_id is None
        and line.basket.owner_id == quote.client_id
        and stockrecord is not None
        and stockrecord.partner_id == quote.partner_id
        and line.quantity == 1
    )
    others = sum(
        other.quantity
        for other in line.basket.all_lines()
        if other.pk != line.pk and other.stockrecord_id == line.stockrecord_id
    )
    return oscar_strategy.PurchaseInfo(
        price=prices.FixedPrice(
            currency="MAD", excl_tax=version.upfront_amount, tax=Decimal("0.00")
        ),
        availability=QuoteLineAvailability(
            valid, others, "" if valid else refusal or _("This quote can no longer be paid.")
        ),
        stockrecord=stockrecord,
    )


class Default(oscar_strategy.Default):
    def __init__(self, request=None):
        # Oscar's reads ``request.user`` at once, which loads the session and the user on
        # every request, even one the page cache answers; prices and availability here do
        # not depend on who asks, and nothing reads ``self.user``.
        self.request = request
        self.user = None

    def fetch_for_line(self, line, stockrecord=None):
        version_id = version_id_of_line(line)
        if version_id is not None:
            return _quote_purchase_info(line, stockrecord, version_id)
        return super().fetch_for_line(line, stockrecord)

    def availability_policy(self, product, stockrecord):
        if stockrecord is not None and stockrecord.partner.on_vacation:
            return OnVacation(stockrecord.partner.vacation_message)
        refusal = sale_refusal(product, stockrecord)
        if refusal is not None:
            return NotForSale(refusal)
        return super().availability_policy(product, stockrecord)

    def parent_availability_policy(self, product, children_stock):
        if any(record and record.partner.on_vacation for _child, record in children_stock):
            return OnVacation()
        if product.is_hidden_by_staff or not product.is_public:
            return NotForSale(_("This product is no longer offered."))
        return super().parent_availability_policy(product, children_stock)


class Selector(oscar_strategy.Selector):
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
