"""The pages' search text in folded form (``sitesearch.text.fold``), through the
``page_search_text`` hook that ``cms.models.mixins.SeoMixin`` offers: pages are then found
with every Arabic spelling variant, without accents and across elisions, as creators and
products are; ``sitesearch.backends.pages`` folds the query the same way."""

from django.utils.html import strip_tags
from wagtail import hooks
from wagtail.search import index

from .text import fold


def _values(page):
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "search_text_variants":
            continue
        try:
            value = field.get_value(page)
        except AttributeError:
            continue
        if callable(value):
            value = value()
        if isinstance(value, list | tuple):
            yield from (str(item) for item in value)
        elif value:
            yield str(value)


@hooks.register("page_search_text")
def folded_page_text(page):
    return fold(strip_tags(" ".join(_values(page)))).strip()
