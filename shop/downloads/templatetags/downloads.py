from django import template
from django.conf import settings

from ..models import DownloadGrant

register = template.Library()


@register.simple_tag
def download_grants(order):
    """The download links of an order (one query), for the order page and the email."""
    if order is None or not getattr(order, "pk", None):
        return []
    return list(DownloadGrant.objects.filter(order=order).select_related("line").order_by("pk"))


@register.simple_tag(takes_context=True)
def download_url(context, grant):
    """The link's absolute URL: from the request on a page, from ``BASE_URL`` in an email."""
    path = grant.get_absolute_url()
    request = context.get("request")
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.BASE_URL.rstrip("/") + path
