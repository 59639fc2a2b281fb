"""The kinds of notice a person can receive, and whether they still want it by email.

Apps low in the layers (shop, directory) send emails; the ``notifications`` app, above them,
stores each person's choice per kind (push, email or both) and answers ``wants_email`` by
registering a filter from its ``ready()``. The senders ask here, never import it. Without
any filter (``notifications`` not installed), every email is sent as before.
"""

# Creators
NEW_ORDER = "new_order"
QUOTE_REQUEST = "quote_request"
CLIENT_MESSAGE = "client_message"
ORDER_CANCELLED = "order_cancelled"
PAYOUT_SENT = "payout_sent"
# Clients
QUOTE_ANSWERED = "quote_answered"
ORDER_STATUS = "order_status"

_email_filters = []


def register_email_filter(check):
    """``check(user, kind)`` returns False when ``user`` asked not to get ``kind`` by email."""
    if check not in _email_filters:
        _email_filters.append(check)


def wants_email(user, kind):
    """Whether ``user`` (None for a guest) still gets ``kind`` by email (yes by default)."""
    if user is None or not getattr(user, "pk", None) or not kind:
        return True
    return all(check(user, kind) for check in _email_filters)
