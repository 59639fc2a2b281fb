"""What can happen to a quote request, and the only code that makes it happen.

``TRANSITIONS`` is the state table: for each (from, to) pair, who may cause it ("client",
"creator" or "system": a signal or the ``expire_quotes`` command). Every change goes through
``transition``, which locks the request, records a ``QuoteEvent`` and, once the transaction
commits, emails the other party (both parties for the system's changes).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core import notify
from shop.catalogue.models import Option, Product, ProductClass
from shop.creators.summary import Stat
from shop.partner.models import StockRecord

from .models import (
    CENTS,
    MAX_QUANTITY,
    MAX_TOTAL,
    MAX_UNIT_PRICE,
    OPEN_STATUSES,
    QuoteAttachment,
    QuoteEvent,
    QuoteLine,
    QuoteMessage,
    QuoteRequest,
    QuoteVersion,
    Status,
)

CLIENT, CREATOR, SYSTEM = "client", "creator", "system"
QUOTE_OPTION_CODE = "quote"
CUSTOM_WORK_CODE = "quote-custom-{partner}"

TRANSITIONS = {
    ("", Status.REQUESTED): {CLIENT},
    (Status.REQUESTED, Status.QUOTED): {CREATOR},
    (Status.QUOTED, Status.QUOTED): {CREATOR},  # a revision: a new version
    (Status.DECLINED, Status.QUOTED): {CREATOR},  # a new offer after a refusal
    (Status.EXPIRED, Status.QUOTED): {CREATOR},  # a new offer after expiry
    (Status.QUOTED, Status.ACCEPTED): {CLIENT},
    (Status.QUOTED, Status.DECLINED): {CLIENT},
    (Status.QUOTED, Status.EXPIRED): {SYSTEM},
    (Status.ACCEPTED, Status.DEPOSIT_PAID): {SYSTEM},
    (Status.DEPOSIT_PAID, Status.COMPLETED): {SYSTEM},
    (Status.REQUESTED, Status.CANCELLED): {CLIENT, CREATOR},
    (Status.QUOTED, Status.CANCELLED): {CLIENT, CREATOR},
    (Status.ACCEPTED, Status.CANCELLED): {CLIENT, CREATOR},
}


class QuoteError(Exception):
    """A refused action; ``str(error)`` is a sentence for the person who tried."""


def role_of(user, quote_request):
    """The role of ``user`` on the request: "client", "creator" or None (staff read only)."""
    if not user.is_authenticated:
        return None
    if quote_request.client_id == user.pk:
        return CLIENT
    if quote_request.partner.users.filter(pk=user.pk).exists():
        return CREATOR
    return None


def visible_to(user):
    """The requests ``user`` may see: as client, as creator of the shop, or all for the
    programme staff (``quotes.view_quoterequest``; being ``is_staff`` alone is not enough)."""
    if not user.is_authenticated:
        return QuoteRequest.objects.none()
    if user.is_active and user.has_perm("quotes.view_quoterequest"):
        return QuoteRequest.objects.all()
    return QuoteRequest.objects.filter(Q(client=user) | Q(partner__users=user)).distinct()


def _lock(quote_request):
    return QuoteRequest.objects.select_for_update().get(pk=quote_request.pk)


def transition(quote_request, to, *, role, actor=None, version=None):
    """Move ``quote_request`` to ``to`` (inside the caller's transaction, row locked)."""
    current = quote_request.status
    allowed = TRANSITIONS.get((current, to))
    if not allowed or role not in allowed:
        raise QuoteError(
            _("This request is %(status)s: it cannot become %(target)s.")
            % {"status": Status(current).label, "target": Status(to).label}
        )
    quote_request.status = to
    quote_request.save(update_fields=["status", "accepted_version", "order", "updated_at"])
    event = QuoteEvent.objects.create(
        request=quote_request, actor=actor, from_status=current, to_status=to, version=version
    )
    request_pk, event_pk = quote_request.pk, event.pk
    transaction.on_commit(lambda: notify_event(request_pk, event_pk, role))
    return event


# --------------------------------------------------------------------------------------
# Client and creator actions
# --------------------------------------------------------------------------------------
def create_request(quote_request, *, files=()):
    """Save a new request and its attachments; the creator is emailed after commit."""
    with transaction.atomic():
        quote_request.status = ""
        quote_request.save()
        for upload in files:
            QuoteAttachment.objects.create(
                request=quote_request,
                file=upload,
                name=upload.name[:200],
                uploaded_by=quote_request.client,
            )
        transition(quote_request, Status.REQUESTED, role=CLIENT, actor=quote_request.client)
    return quote_request


@dataclass
class LineData:
    label: str
    quantity: Decimal
    unit_price: Decimal


def check_amounts(lines):
    """Refuse (``QuoteError``) a quantity, a unit price or a total outside the bounds."""
    total = Decimal(0)
    for line in lines:
        quantity, unit_price = Decimal(line.quantity), Decimal(line.unit_price)
        if not (CENTS <= quantity <= MAX_QUANTITY):
            raise QuoteError(_("A quantity cannot be above %(max)s.") % bound(MAX_QUANTITY))
        if not (0 <= unit_price <= MAX_UNIT_PRICE):
            raise QuoteError(_("A unit price cannot be above %(max)s MAD.") % bound(MAX_UNIT_PRICE))
        total += quantity * unit_price
    if total > MAX_TOTAL:
        raise QuoteError(_("A quote's total cannot be above %(max)s MAD.") % bound(MAX_TOTAL))
    return total


def bound(value):
    """``{"max": value}`` written for the reader's language (10 000, 10,000…)."""
    return {"max": number_format(value, decimal_pos=0, force_grouping=True)}


def send_quote(quote_request, *, by, lines, deposit_percent, valid_until, terms=""):
    """A new version (the first quote or a revision); refused once a version was accepted."""
    with transaction.atomic():
        locked = _lock(quote_request)
        if locked.status in (Status.ACCEPTED, Status.DEPOSIT_PAID, Status.COMPLETED):
            raise QuoteError(_("The client accepted a quote: its price can no longer change."))
        if locked.status == Status.CANCELLED:
            raise QuoteError(_("This request is cancelled."))
        if not lines:
            raise QuoteError(_("Add at least one line to the quote."))
        check_amounts(lines)
        number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        total = sum(
            (Decimal(line.quantity) * Decimal(line.unit_price) for line in lines), Decimal(0)
        )
        version = QuoteVersion.objects.create(
            request=locked,
            number=number,
            total=total.quantize(Decimal("0.01")),
            deposit_percent=deposit_percent,
            valid_until=valid_until,
            terms=terms,
            created_by=by,
        )
        QuoteLine.objects.bulk_create(
            QuoteLine(
                version=version,
                position=index,
                label=line.label,
                quantity=line.quantity,
                unit_price=line.unit_price,
            )
            for index, line in enumerate(lines)
        )
        transition(locked, Status.QUOTED, role=CREATOR, actor=by, version=version)
    quote_request.refresh_from_db()
    return version


def accept(quote_request, version, *, by, today=None):
    """The client accepts ``version``: only the client, the latest version, once, in time."""
    with transaction.atomic():
        locked = _lock(quote_request)
        if by.pk != locked.client_id:
            raise QuoteError(_("Only the client who asked for this quote can accept it."))
        if locked.accepted_version_id is not None or locked.status in (
            Status.ACCEPTED,
            Status.DEPOSIT_PAID,
            Status.COMPLETED,
        ):
            raise QuoteError(_("This quote has already been accepted."))
        if version.request_id != locked.pk:
            raise QuoteError(_("This quote does not belong to this request."))
        latest = locked.versions.order_by("-number").first()
        if latest is None or latest.pk != version.pk:
            raise QuoteError(_("A newer version of this quote exists: read it before accepting."))
        if locked.status == Status.EXPIRED or version.is_expired(today):
            raise QuoteError(_("This quote has expired: ask the creator for a new one."))
        locked.accepted_version = version
        transition(locked, Status.ACCEPTED, role=CLIENT, actor=by, version=version)
    quote_request.refresh_from_db()


def decline(quote_request, version, *, by):
    with transaction.atomic():
        locked = _lock(quote_request)
        if by.pk != locked.client_id:
            raise QuoteError(_("Only the client who asked for this quote can decline it."))
        latest = locked.versions.order_by("-number").first()
        if latest is None or latest.pk != version.pk:
            raise QuoteError(_("A newer version of this quote exists: read it first."))
        transition(locked, Status.DECLINED, role=CLIENT, actor=by, version=version)
    quote_request.refresh_from_db()


def cancel(quote_request, *, by):
    role = role_of(by, quote_request)
    with transaction.atomic():
        locked = _lock(quote_request)
        if locked.status == Status.ACCEPTED and locked.order_id is not None:
            raise QuoteError(
                _("An order was placed for this quote: contact the programme staff to cancel it.")
            )
        transition(locked, Status.CANCELLED, role=role, actor=by)
    quote_request.refresh_from_db()


def post_message(quote_request, *, by, body, files=()):
    with transaction.atomic():
        message = QuoteMessage.objects.create(request=quote_request, author=by, body=body)
        for upload in files:
            QuoteAttachment.objects.create(
                request=quote_request,
                message=message,
                file=upload,
                name=upload.name[:200],
                uploaded_by=by,
            )
        QuoteRequest.objects.filter(pk=quote_request.pk).update(updated_at=timezone.now())
        role = role_of(by, quote_request)
        transaction.on_commit(lambda: notify_message(message.pk, role))
    return message


def expire_due(today=None):
    """Expire every quoted request whose latest version is past its validity date."""
    today = today or timezone.localdate()
    done = 0
    for pk in QuoteRequest.objects.filter(status=Status.QUOTED).values_list("pk", flat=True):
        with transaction.atomic():
            locked = QuoteRequest.objects.select_for_update().get(pk=pk)
            latest = locked.versions.order_by("-number").first()
            if locked.status != Status.QUOTED or latest is None or not latest.is_expired(today):
                continue
            transition(locked, Status.EXPIRED, role=SYSTEM, version=latest)
            done += 1
    return done


# --------------------------------------------------------------------------------------
# Orders: the basket line, and what checkout's signals change
# --------------------------------------------------------------------------------------
def quote_option():
    option, _created = Option.objects.get_or_create(
        code=QUOTE_OPTION_CODE, defaults={"name": "Quote", "type": "text", "required": False}
    )
    return option


def custom_work_product(partner):
    """The creator's hidden "custom work" service, the product of free-description quotes."""
    code = CUSTOM_WORK_CODE.format(partner=partner.pk)
    product = Product.objects.filter(code=code).first()
    if product is None:
        product = Product.objects.create(
            code=code,
            title=_("Custom work — %(name)s") % {"name": partner.name},
            slug=f"custom-work-{partner.pk}",
            product_class=ProductClass.objects.get(slug="service"),
            structure=Product.STANDALONE,
            is_public=False,
            price_kind=Product.PriceKind.QUOTE,
        )
    StockRecord.objects.get_or_create(
        product=product,
        partner=partner,
        defaults={"partner_sku": code.upper(), "price": None, "price_currency": "MAD"},
    )
    return product


def product_for(quote_request):
    """The product the basket line carries: the requested service, else custom work."""
    product = quote_request.product
    if product is not None and product.stockrecords.filter(partner=quote_request.partner).exists():
        return product
    return custom_work_product(quote_request.partner)


def add_to_basket(basket, quote_request):
    """Put the accepted version into ``basket``: one line, quantity 1, at the upfront amount.

    The price stored here is for display only: ``partner.strategy`` prices the line from the
    accepted version every time, so nothing sent through the basket can change it.
    """
    version = quote_request.accepted_version
    if (
        version is None
        or quote_request.status != Status.ACCEPTED
        or quote_request.order_id is not None
        or basket.owner_id != quote_request.client_id
    ):
        raise QuoteError(_("This quote cannot be paid now."))
    option = quote_option()
    if not basket.id:
        basket.save()
    existing = basket.lines.filter(attributes__option=option, attributes__value=str(version.pk))
    if existing.exists():
        return existing.first()
    product = product_for(quote_request)
    stockrecord = product.stockrecords.get(partner=quote_request.partner)
    options = [{"option": option, "value": str(version.pk)}]
    with transaction.atomic():
        line = basket.lines.create(
            line_reference=basket._create_line_reference(product, stockrecord, options),
            product=product,
            stockrecord=stockrecord,
            quantity=1,
            price_excl_tax=version.upfront_amount,
            price_incl_tax=version.upfront_amount,
            price_currency="MAD",
        )
        line.attributes.create(option=option, value=str(version.pk))
    basket.reset_offer_applications()
    return line


def version_id_of_line(line):
    """The quote version id a basket or order line carries, or None."""
    if line.pk is None:
        return None
    for attribute in line.attributes.all():
        if attribute.option_id and attribute.option.code == QUOTE_OPTION_CODE:
            try:
                return int(attribute.value)
            except (TypeError, ValueError):
                return 0
    return None


def link_order(order):
    """``order_placed``: tie each quote paid through this order to it (state unchanged)."""
    for line in order.lines.prefetch_related("attributes"):
        for attribute in line.attributes.all():
            if attribute.type != QUOTE_OPTION_CODE:
                continue
            QuoteRequest.objects.filter(
                accepted_version_id=attribute.value, order__isnull=True, status=Status.ACCEPTED
            ).update(order=order, updated_at=timezone.now())


def mark_part_paid(part):
    """``part_paid``: the deposit (or the whole price) of this creator's quotes is paid."""
    for pk in QuoteRequest.objects.filter(
        order_id=part.order_id, partner_id=part.partner_id, status=Status.ACCEPTED
    ).values_list("pk", flat=True):
        with transaction.atomic():
            locked = QuoteRequest.objects.select_for_update().get(pk=pk)
            if locked.status == Status.ACCEPTED:
                transition(locked, Status.DEPOSIT_PAID, role=SYSTEM)


def mark_part_completed(part):
    """``part_status_changed`` to completed: the job is done (a completed part is paid)."""
    for pk in QuoteRequest.objects.filter(
        order_id=part.order_id,
        partner_id=part.partner_id,
        status__in=[Status.ACCEPTED, Status.DEPOSIT_PAID],
    ).values_list("pk", flat=True):
        with transaction.atomic():
            locked = QuoteRequest.objects.select_for_update().get(pk=pk)
            if locked.status == Status.ACCEPTED:
                transition(locked, Status.DEPOSIT_PAID, role=SYSTEM)
            if locked.status == Status.DEPOSIT_PAID:
                transition(locked, Status.COMPLETED, role=SYSTEM)


def release_cancelled_part(part):
    """A cancelled, unpaid part frees its accepted quotes: the client may pay them again."""
    QuoteRequest.objects.filter(
        order_id=part.order_id, partner_id=part.partner_id, status=Status.ACCEPTED
    ).update(order=None, updated_at=timezone.now())


def quotes_of_order(order):
    return (
        QuoteRequest.objects.filter(order=order)
        .select_related("accepted_version", "partner", "product")
        .order_by("pk")
    )


def creator_summary(partner):
    """Numbers for the creator-space summary: open quote requests (not finished)."""
    return {"open_quotes": partner.quote_requests.filter(status__in=OPEN_STATUSES).count()}


def creator_stats(partner):
    """The creator-space summary's card (registered from ``QuotesConfig.ready()``)."""
    quotes = creator_summary(partner)["open_quotes"]
    return [Stat(quotes, _("open quote requests"), url=reverse("quotes:creator-list"))]


def awaiting_answer(partner):
    """Requests waiting for the creator's first quote (the nav badge)."""
    return partner.quote_requests.filter(status=Status.REQUESTED).count()


# --------------------------------------------------------------------------------------
# Emails (after commit, in the recipient's language)
# --------------------------------------------------------------------------------------
def _recipients(quote_request, role):
    """Who hears about something ``role`` did: the other party (both for the system)."""
    people = []
    if role != CLIENT:
        people.append((quote_request.client, quote_request.get_absolute_url, CLIENT))
    if role != CREATOR:
        for user in quote_request.partner.users.all():
            people.append((user, quote_request.get_creator_url, CREATOR))
    return [(user, url, as_role) for user, url, as_role in people if user.email]


def _send(quote_request, role, template, context, kinds=None):
    """Email the other party; ``kinds`` (``{recipient role: notify kind}``) names what the
    notice is, so a person who chose push only for that kind is left out."""
    base = settings.BASE_URL.rstrip("/")
    for user, url, as_role in _recipients(quote_request, role):
        kind = (kinds or {}).get(as_role)
        if kind and not notify.wants_email(user, kind):
            continue
        language = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            body = render_to_string(
                template,
                {
                    **context,
                    "request": quote_request,
                    "recipient": user,
                    "role": as_role,
                    "url": base + url(),
                },
            )
            subject, _sep, text = body.partition("\n")
            send_mail(subject.strip(), text.strip() + "\n", None, [user.email])


def notify_event(request_pk, event_pk, role):
    quote_request = QuoteRequest.objects.select_related("partner", "client", "product").get(
        pk=request_pk
    )
    event = QuoteEvent.objects.select_related("version").get(pk=event_pk)
    kinds = {
        Status.REQUESTED: {CREATOR: notify.QUOTE_REQUEST},
        Status.QUOTED: {CLIENT: notify.QUOTE_ANSWERED},
    }.get(event.to_status)
    _send(quote_request, role, "quotes/email/event.txt", {"event": event}, kinds)


def notify_message(message_pk, role):
    message = QuoteMessage.objects.select_related("request__partner", "request__client").get(
        pk=message_pk
    )
    kinds = {CREATOR: notify.CLIENT_MESSAGE} if role == CLIENT else None
    _send(message.request, role, "quotes/email/message.txt", {"message": message}, kinds)


def thread_url_for(user, quote_request):
    if role_of(user, quote_request) == CREATOR:
        return reverse("quotes:creator-detail", kwargs={"pk": quote_request.pk})
    return reverse("quotes:detail", kwargs={"pk": quote_request.pk})
