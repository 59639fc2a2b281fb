"""Email verification for directory sign-up: a signed link, valid three days."""

from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from core.sites import absolute

SALT = "directory.verify-email"
MAX_AGE = 3 * 24 * 3600


def make_token(user):
    return signing.dumps({"user": user.pk, "email": user.email}, salt=SALT, compress=True)


def read_token(token):
    """``(user_pk, email)`` from a valid token; ``None`` if forged, altered or expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return data.get("user"), data.get("email")


def send_verification_email(request, user):
    url = absolute(reverse("directory:verify-email", kwargs={"token": make_token(user)}))
    body = render_to_string("directory/email/verify_email.txt", {"user": user, "url": url})
    send_mail(_("Takafamap: confirm your email address"), body, None, [user.email])
