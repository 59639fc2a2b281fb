"""Emails to applicants: the outcome of their application and the onboarding invitation.

Sent after the transaction commits, in the applicant's language (the account's preferred
language, else the language the application was written in).
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .models import Application

OUTCOMES = ("shortlisted", "selected", "rejected")


def site_url():
    return getattr(settings, "BASE_URL", "").rstrip("/")


def language_of(application):
    user = application.applicant
    language = (getattr(user, "preferred_language", "") or application.language or "")[:2]
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def password_set_url(user):
    """A link to choose a password (Django's password-reset token, valid PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password-reset-confirm", kwargs={"uidb64": uid, "token": token})
    return site_url() + path


def _subject(status):
    texts = {
        "shortlisted": _("Takafaship hackathon: your application is shortlisted"),
        "selected": _("Takafaship hackathon: your project is selected"),
        "rejected": _("Takafaship hackathon: the jury's decision"),
    }
    return texts[status]


def send_outcome(application, *, invite_user=None):
    """Email the applicant the decision on their application (after commit).

    ``invite_user``: a new account whose holder must choose a password; the email then
    carries the password-set link.
    """
    status = application.status
    if status not in OUTCOMES:
        return
    pk = application.pk

    def send():
        fresh = Application.objects.select_related("call", "applicant", "profile").get(pk=pk)
        with translation.override(language_of(fresh)):
            context = {
                "application": fresh,
                "site_url": site_url(),
                "creator_space_url": site_url() + reverse("creators:summary"),
                "password_url": password_set_url(invite_user) if invite_user else "",
                "login_url": site_url() + reverse("customer:login"),
            }
            body = render_to_string(f"hackathon/email/outcome_{status}.txt", context)
            send_mail(_subject(status), body, None, [fresh.email])

    transaction.on_commit(send)


def send_received(application):
    """Confirm to the applicant that the application arrived (after commit), in the language
    it was written in: the project, the team, until when it can be changed, and its link."""
    pk = application.pk

    def send():
        from .models import Application

        fresh = (
            Application.objects.select_related("call", "applicant")
            .prefetch_related("members")
            .get(pk=pk)
        )
        with translation.override(language_of(fresh)):
            context = {
                "application": fresh,
                "site_url": site_url(),
                "application_url": site_url() + reverse("hackathon:application", args=[pk]),
            }
            body = render_to_string("hackathon/email/received.txt", context)
            send_mail(
                _("Takafaship hackathon: your application is received"), body, None, [fresh.email]
            )

    transaction.on_commit(send)
