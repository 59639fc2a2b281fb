"""Rich text written by users (product descriptions edited in Oscar's dashboard) is
sanitised with nh3 before it reaches a page: formatting survives, scripts do not."""

import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def sanitize_html(html):
    """Return ``html`` reduced to simple formatting, marked safe for templates."""
    return mark_safe(  # noqa: S308 - the string has just been sanitised
        nh3.clean(
            html or "",
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto", "tel"},
            link_rel="noopener noreferrer nofollow",
        )
    )
