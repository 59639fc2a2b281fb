"""The directory's part of a shared page (``core.personal``): a visitor's profiles, and the
"edit my profile" link only the profile's owner sees."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext

from core import personal

from .models import Profile


def profiles(request, user):
    """Persona provider: the ids of ``user``'s directory profiles (one query)."""
    return {"profiles": list(Profile.objects.filter(user=user).values_list("pk", flat=True))}


def profile_owner(persona, args, default):
    """``{% visitor "profile-owner" profile_pk slug %}``: the owner's edit link."""
    if len(args) != 2 or not args[0].isdigit():
        return ""
    if int(args[0]) not in persona.get("profiles", ()):
        return ""
    url = reverse("directory:profile-edit", args=[args[1]])
    return format_html(
        '<p><a class="btn btn-sm btn-outline-secondary" href="{}">{}</a></p>',
        url,
        gettext("Edit my profile"),
    )


def connect():
    personal.register_provider(profiles)
    personal.register_filler("profile-owner", profile_owner)
