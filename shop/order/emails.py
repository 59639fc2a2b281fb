"""Order emails (plain text): the client at placement and at each change of a part,
each creator at placement for their part only. Sent after the commit by the callers.

A person who chose push only for a kind (``core.notify.wants_email``) is not emailed it:
creators for new orders, signed-in clients for status changes."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core import notify

from .payment_methods import bank_details

logger = logging.getLogger(__name__)


def _language(user, fallback=None):
    language = getattr(user, "preferred_language", "") if user else ""
    codes = {code for code, _name in settings.LANGUAGES}
    if language in codes:
        return language
    return fallback if fallback in codes else settings.LANGUAGE_CODE


def order_url(order):
    """Where the client follows the order: the account page, or the signed guest link."""
    if order.user_id:
        path = reverse("customer:order", kwargs={"order_number": order.number})
    else:
        path = reverse(
            "checkout:order-status",
            kwargs={"number": order.number, "hash": order.verification_hash()},
        )
    return settings.BASE_URL.rstrip("/") + path


def _send(template, context, to, language):
    if not to:
        return
    with translation.override(language):
        subject = " ".join(render_to_string(f"order/email/{template}_subject.txt", context).split())
        body = render_to_string(f"order/email/{template}.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)


def _client(order):
    return order.user.email if order.user_id else order.guest_email


def send_order_placed(order, language=None):
    language = _language(order.user, language)
    parts = list(order.parts.select_related("partner", "pickup_hub", "province", "stand_edition"))
    lines = list(order.lines.all())
    with translation.override(language):
        context = {
            "order": order,
            "parts": [
                (part, [line for line in lines if line.partner_id == part.partner_id])
                for part in parts
            ],
            "order_url": order_url(order),
            "bank": bank_details(),
        }
    _send("order_placed", context, _client(order), language)
    for part, part_lines in context["parts"]:
        for user in part.partner.users.all():
            if not notify.wants_email(user, notify.NEW_ORDER):
                continue
            creator_language = _language(user)
            with translation.override(creator_language):
                creator_url = settings.BASE_URL.rstrip("/") + reverse(
                    "creator_orders:detail", kwargs={"pk": part.pk}
                )
            _send(
                "part_placed",
                {"order": order, "part": part, "lines": part_lines, "url": creator_url},
                user.email,
                creator_language,
            )


def send_status_changed(part, old, new):
    order = part.order
    if order.user_id and not notify.wants_email(order.user, notify.ORDER_STATUS):
        return
    language = _language(order.user)
    with translation.override(language):
        url = order_url(order)
    _send(
        "part_status_changed",
        {"order": order, "part": part, "old": old, "new": new, "order_url": url},
        _client(order),
        language,
    )


def send_order_paid(order):
    language = _language(order.user)
    with translation.override(language):
        url = order_url(order)
    _send("order_paid", {"order": order, "order_url": url}, _client(order), language)
