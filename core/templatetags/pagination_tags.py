"""``{{ page_obj|elided_pages }}``: the page numbers a pagination bar shows.

The bar used to loop over every page number in the template and test each one (416 pages
in a 10,000-product catalogue: a fifth of the page's rendering); Django's
``get_elided_page_range`` answers the dozen that are shown."""

from django import template
from django.core.paginator import Paginator

register = template.Library()


@register.filter
def elided_pages(page_obj):
    """The first page, two on each side of the current one and the last; ``None`` where
    numbers are left out."""
    pages = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    return [None if number == Paginator.ELLIPSIS else number for number in pages]
