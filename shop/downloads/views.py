"""``/shop/downloads/<token>/``: a digital product's download link.

GET shows the link's state (what it is, until when, how many downloads are left) with a
Download button; POST counts one download and serves the file. Counting on POST only keeps
link previews and mail scanners, which follow links with GET, from using up the downloads.
An unknown token answers 404; an expired or used-up link answers 410 with a page that says so.
"""

import os

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.uploads import private_file_response

from . import services
from .models import DownloadGrant


def _page(request, grant, state, status=200):
    return render(
        request, "downloads/download.html", {"grant": grant, "state": state}, status=status
    )


def _state(grant):
    if grant is None:
        return "unknown", 404
    if grant.is_expired:
        return "expired", 410
    if grant.remaining <= 0:
        return "used_up", 410
    if grant.product is None or not grant.product.digital_file:
        return "missing", 404
    return "ready", 200


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def download(request, token):
    grant = (
        DownloadGrant.objects.select_related("product", "line", "order").filter(token=token).first()
    )
    state, status = _state(grant)
    if request.method != "POST" or state != "ready":
        return _page(request, grant, state, status)
    if not services.use(grant):  # a simultaneous download took the last one, or it expired
        grant.refresh_from_db()
        state, status = _state(grant)
        return _page(request, grant, state, status)
    field_file = grant.product.digital_file
    extension = os.path.splitext(field_file.name)[1]
    name = f"{grant.product.slug or 'download'}{extension}"
    return private_file_response(field_file, name)
