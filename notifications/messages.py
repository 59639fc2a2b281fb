"""What each notice says and where it opens, written in the active language.

A message is named (``MESSAGES``): its loader reads the object once per delivery, its
builder runs once per device inside ``translation.override(device language)`` and returns
``title``, ``body`` and ``url`` (absolute, on ``BASE_URL``, with the language prefix).
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.sites import absolute
from directory.models import Profile
from shop.order.models import OrderPart
from shop.payouts.models import Payout
from shop.quotes.models import QuoteMessage, QuoteRequest


def _part(pk):
    return OrderPart.objects.select_related("order", "order__user", "partner").filter(pk=pk).first()


def _quote(pk):
    return QuoteRequest.objects.select_related("partner", "client", "product").filter(pk=pk).first()


def _creator_part_url(part):
    return absolute(reverse("creator_orders:detail", kwargs={"pk": part.pk}))


def order_placed(part):
    return {
        "title": _("New order %(number)s") % {"number": part.order.number},
        "body": _("A client ordered from %(shop)s. Open it to confirm the order.")
        % {"shop": part.partner.name},
        "url": _creator_part_url(part),
    }


def order_cancelled(part):
    return {
        "title": _("Order %(number)s cancelled") % {"number": part.order.number},
        "body": part.cancel_reason or _("The order was cancelled."),
        "url": _creator_part_url(part),
    }


def order_status(part):
    order = part.order
    return {
        "title": _("Order %(number)s") % {"number": order.number},
        "body": _("%(shop)s: %(status)s")
        % {"shop": part.partner.name, "status": part.get_status_display()},
        "url": absolute(reverse("customer:order", kwargs={"order_number": order.number})),
    }


def quote_requested(quote_request):
    return {
        "title": _("New quote request"),
        "body": _("%(client)s asks for a quote: %(subject)s")
        % {
            "client": quote_request.client.get_full_name() or _("A client"),
            "subject": quote_request.subject,
        },
        "url": absolute(quote_request.get_creator_url()),
    }


def quote_answered(quote_request):
    return {
        "title": _("Your quote is ready"),
        "body": _("%(shop)s answered your request: %(subject)s")
        % {"shop": quote_request.partner.name, "subject": quote_request.subject},
        "url": absolute(quote_request.get_absolute_url()),
    }


def quote_message(message):
    return {
        "title": _("New message from a client"),
        "body": Truncator(message.body).chars(140),
        "url": absolute(message.request.get_creator_url()),
    }


def contact_message(profile):
    return {
        "title": _("New message through your directory profile"),
        "body": _("Someone wrote to %(profile)s: read and answer it in your email.")
        % {"profile": profile.name},
        "url": absolute(reverse("directory:my-profiles")),
    }


def payout_sent(payout):
    return {
        "title": _("Payout sent"),
        "body": _("%(amount)s MAD transferred on %(date)s (reference %(reference)s).")
        % {
            "amount": payout.amount,
            "date": date_format(payout.date, "SHORT_DATE_FORMAT"),
            "reference": payout.bank_reference,
        },
        "url": absolute(reverse("payouts:earnings")),
    }


MESSAGES = {
    "order_placed": (_part, order_placed),
    "order_cancelled": (_part, order_cancelled),
    "order_status": (_part, order_status),
    "quote_requested": (_quote, quote_requested),
    "quote_answered": (_quote, quote_answered),
    "quote_message": (
        lambda pk: QuoteMessage.objects.select_related("request").filter(pk=pk).first(),
        quote_message,
    ),
    "contact_message": (lambda pk: Profile.objects.filter(pk=pk).first(), contact_message),
    "payout_sent": (lambda pk: Payout.objects.filter(pk=pk).first(), payout_sent),
}
