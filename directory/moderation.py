"""Emails sent to a profile's owner when staff moderate it."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .models import Profile

SUBJECTS = {
    Profile.Status.APPROVED: gettext_noop("Your Takafamap profile is published"),
    Profile.Status.REJECTED: gettext_noop("Your Takafamap profile was not approved"),
    Profile.Status.SUSPENDED: gettext_noop("Your Takafamap profile is suspended"),
}


def send_status_email(profile):
    """Email the owner the new status (and the staff's reason for a rejection or suspension)."""
    base_url = getattr(settings, "BASE_URL", "").rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        context = {"profile": profile, "url": base_url + profile.get_absolute_url()}
        subject = _(SUBJECTS[profile.status])
        body = render_to_string("directory/email/status_changed.txt", context)
    send_mail(subject, body, None, [profile.user.email])
