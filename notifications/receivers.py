"""The events that become push notices (connected from ``NotificationsConfig.ready()``).

Each receiver names the people to tell and a message; ``delivery.notify_users`` sends after
the commit through the task queue. Signing out deletes the device subscriptions made in
that session.
"""

from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.db.models.signals import post_save
from oscar.apps.order.signals import order_placed

from core import notify
from directory.signals import contact_message_sent
from shop.order.models import OrderPart
from shop.order.signals import part_status_changed
from shop.payouts.models import Payout
from shop.quotes.models import QuoteEvent, QuoteMessage, Status

from .delivery import notify_users
from .models import PushSubscription


def _creators(partner):
    """The shop's people (their prefetched list when the caller prefetched it)."""
    return [user.pk for user in partner.users.all()]


def on_order_placed(sender, order, **kwargs):
    """Oscar sends this inside the checkout's transaction: the parts are read after it."""
    order_pk = order.pk
    transaction.on_commit(lambda: _tell_creators_of_order(order_pk))


def _tell_creators_of_order(order_pk):
    parts = OrderPart.objects.filter(order_id=order_pk).prefetch_related("partner__users")
    for part in parts:
        notify_users(notify.NEW_ORDER, "order_placed", part.pk, _creators(part.partner))


def on_part_status_changed(sender, part, old, new, by=None, **kwargs):
    order = part.order
    if order.user_id:
        notify_users(notify.ORDER_STATUS, "order_status", part.pk, [order.user_id])
    if new == OrderPart.Status.CANCELLED:
        creators = [pk for pk in _creators(part.partner) if by is None or pk != by.pk]
        notify_users(notify.ORDER_CANCELLED, "order_cancelled", part.pk, creators)


def on_quote_event(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    quote_request = instance.request
    if instance.to_status == Status.REQUESTED:
        notify_users(
            notify.QUOTE_REQUEST,
            "quote_requested",
            quote_request.pk,
            _creators(quote_request.partner),
        )
    elif instance.to_status == Status.QUOTED:
        notify_users(
            notify.QUOTE_ANSWERED, "quote_answered", quote_request.pk, [quote_request.client_id]
        )


def on_quote_message(sender, instance, created, raw=False, **kwargs):
    """A client's message in a quote thread tells the shop's people."""
    if not created or raw or instance.author_id != instance.request.client_id:
        return
    notify_users(
        notify.CLIENT_MESSAGE,
        "quote_message",
        instance.pk,
        _creators(instance.request.partner),
    )


def on_contact_message(sender, profile, **kwargs):
    if profile.user_id:
        notify_users(notify.CLIENT_MESSAGE, "contact_message", profile.pk, [profile.user_id])


def on_payout(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        notify_users(notify.PAYOUT_SENT, "payout_sent", instance.pk, _creators(instance.partner))


def on_logged_out(sender, request, user, **kwargs):
    """The device signing out stops receiving: its subscriptions from this session go."""
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if user is not None and session_key:
        PushSubscription.objects.filter(user=user, session_key=session_key).delete()


def connect():
    order_placed.connect(on_order_placed, dispatch_uid="notifications_order_placed")
    part_status_changed.connect(on_part_status_changed, dispatch_uid="notifications_part_status")
    post_save.connect(on_quote_event, sender=QuoteEvent, dispatch_uid="notifications_quote_event")
    post_save.connect(
        on_quote_message, sender=QuoteMessage, dispatch_uid="notifications_quote_message"
    )
    contact_message_sent.connect(on_contact_message, dispatch_uid="notifications_contact")
    post_save.connect(on_payout, sender=Payout, dispatch_uid="notifications_payout")
    user_logged_out.connect(on_logged_out, dispatch_uid="notifications_logged_out")
