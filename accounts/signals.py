"""Oscar keeps a copy of every email sent to an account (the account's email history page).
A password-reset link must not live on there: whoever later reads the page (a shared
computer, a stolen session) could use it. The copy keeps the message, without the link."""

import re

from django.db.models.signals import pre_save
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

# Oscar's /<lang>/shop/password-reset/confirm/<uidb64>/<token>/ and Django's /reset/<…>/<…>/,
# absolute or not.
RESET_LINK = re.compile(
    r"(?:https?://[^\s\"'<>]*)?/(?:password-reset/confirm|reset)/[^/\s\"'<>]+/[^/\s\"'<>]+/?"
)


def redact_reset_links(text):
    if not text:
        return text
    return RESET_LINK.sub(_("[link removed: it works once, from the email itself]"), text)


def redact_stored_email(sender, instance, **kwargs):
    instance.body_text = redact_reset_links(instance.body_text)
    instance.body_html = redact_reset_links(instance.body_html)


def connect():
    pre_save.connect(
        redact_stored_email,
        sender=get_model("communication", "Email"),
        dispatch_uid="accounts.redact_stored_email",
    )
