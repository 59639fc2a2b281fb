"""Who wants which kind, how: the rows of ``NotificationPreference`` read with defaults.

Without a row a kind is on for both push (on every device where push is turned on) and
email. Turning email off is honoured only while the notice can still reach the person: when
push is off on the site (no VAPID keys) or the person has no device with push on, the email
is sent anyway, so choosing "push only" never silently drops a notice.
"""

from django.conf import settings

from core import notify

from .models import NotificationPreference, PushSubscription

CREATOR_KINDS = (
    notify.NEW_ORDER,
    notify.QUOTE_REQUEST,
    notify.CLIENT_MESSAGE,
    notify.ORDER_CANCELLED,
    notify.PAYOUT_SENT,
)
CLIENT_KINDS = (notify.QUOTE_ANSWERED, notify.ORDER_STATUS)
# Kinds no email was ever written for: only push can tell them.
PUSH_ONLY_KINDS = frozenset({notify.ORDER_CANCELLED, notify.PAYOUT_SENT})


def push_configured():
    return bool(settings.VAPID_PUBLIC_KEY and settings.VAPID_PRIVATE_KEY)


def is_creator(user):
    """A person who runs a shop (an Oscar partner's user) hears about the shop's kinds."""
    return user.partners.exists()


def kinds_for(user):
    return (CREATOR_KINDS if is_creator(user) else ()) + CLIENT_KINDS


def choices(user):
    """``{kind: {"push": bool, "email": bool}}`` for every kind, defaults filled in."""
    rows = {row.kind: row for row in NotificationPreference.objects.filter(user=user)}
    result = {}
    for kind in NotificationPreference.Kind.values:
        row = rows.get(kind)
        result[kind] = {
            "push": row.push if row else True,
            "email": (row.email if row else True) and kind not in PUSH_ONLY_KINDS,
        }
    return result


def save_choices(user, values):
    """``values``: ``{kind: {"push": bool, "email": bool}}`` for some kinds."""
    for kind, value in values.items():
        NotificationPreference.objects.update_or_create(
            user=user,
            kind=kind,
            defaults={"push": value["push"], "email": value["email"]},
        )


def users_wanting_push(kind, user_ids):
    """The subset of ``user_ids`` who did not turn push off for ``kind``."""
    off = set(
        NotificationPreference.objects.filter(
            user_id__in=user_ids, kind=kind, push=False
        ).values_list("user_id", flat=True)
    )
    return [pk for pk in user_ids if pk not in off]


def wants_email(user, kind):
    """The filter registered with ``core.notify`` (see the module docstring)."""
    row = NotificationPreference.objects.filter(user=user, kind=kind).first()
    if row is None or row.email:
        return True
    if not row.push:
        return False  # neither: the person asked for silence
    if not push_configured():
        return True
    return not PushSubscription.objects.filter(user=user).exists()
