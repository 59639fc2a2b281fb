from django.conf import settings
from django.utils import translation

from .sites import base_url


def site(request):
    """What the shared base template needs on every page."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "SITE_NAME": settings.SITE_NAME,
        # BASE_URL without its trailing slash: canonical, alternate and share links name the
        # site's one address, whatever host or scheme the request came through.
        "SITE_URL": base_url(),
        "LANGUAGE_BIDI": translation.get_language_bidi(),
        "CURRENT_LANGUAGE": language,
    }
