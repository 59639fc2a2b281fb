from django.conf import settings
from django.utils import translation


def site(request):
    """What the shared base template needs on every page."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "SITE_NAME": settings.SITE_NAME,
        "LANGUAGE_BIDI": translation.get_language_bidi(),
        "CURRENT_LANGUAGE": language,
    }
