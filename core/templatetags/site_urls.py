"""Oscar's ``url_tags`` library, replaced (``TEMPLATES["OPTIONS"]["libraries"]``): its
emails write ``{% absolute_url site.domain path %}``, which read django.contrib.sites' row and
``OSCAR_URL_SCHEMA`` ("http://example.com/…"). Here every such link starts with ``BASE_URL``.
"""

from django import template

from core.sites import absolute

register = template.Library()


@register.simple_tag
def absolute_url(domain, path):
    """``path`` on ``BASE_URL``; the ``domain`` Oscar passes is ignored."""
    return absolute(str(path))
