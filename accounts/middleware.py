"""The Django admin and Oscar's dashboard are for superusers only.

Staff work in the Wagtail admin (``/admin/``), creators in their creator space: any other
signed-in person gets 404 anywhere under ``/django-admin/`` or ``/<lang>/shop/dashboard/``,
as if those back offices did not exist. Anonymous visitors still reach their sign-in pages
(a superuser signs in there); after signing in, the same rule applies.
"""

import re

from django.conf import settings
from django.contrib import auth
from django.http import Http404


def _pattern():
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/(?:django-admin/|(?:{languages})/shop/dashboard/)")


class SuperuserOnlyAreasMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.pattern = _pattern()

    def __call__(self, request):
        # Before LocaleMiddleware (which would turn a 404 under /django-admin/ into a
        # redirect to /fr/django-admin/): the user is read from the session here.
        if self.pattern.match(request.path_info):
            user = auth.get_user(request)
            if user.is_authenticated and not user.is_superuser:
                raise Http404("superusers only")
        return self.get_response(request)
