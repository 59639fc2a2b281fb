"""The search backend interface and the result shapes every backend returns."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

GROUPS = ("profiles", "products", "pages")

# Price ranges in MAD: key -> (label, lower bound inclusive, upper bound exclusive)
PRICE_RANGES = {
    "0-200": (_("Under 200 MAD"), 0, 200),
    "200-500": (_("200 to 500 MAD"), 200, 500),
    "500-1000": (_("500 to 1,000 MAD"), 500, 1000),
    "1000-": (_("1,000 MAD and more"), 1000, None),
}


@dataclass
class Filters:
    """Validated facet values (slugs and keys); unknown ones never reach a backend."""

    sector: str = ""
    discipline: str = ""
    province: str = ""
    kind: str = ""  # a profile kind
    product_type: str = ""  # a product class slug
    price: str = ""  # a PRICE_RANGES key
    karfour: bool = False
    page_type: str = ""  # a sitesearch.backends.pages.PAGE_TYPES key: only pages are searched

    def is_empty(self):
        return not any(vars(self).values())


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Group:
    key: str
    items: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 12
    facets: dict = field(default_factory=dict)  # facet name -> [FacetValue]
    # More matches than the backend ranks (``total`` is then that cap, facets count among
    # the best ``total`` matches): the page says "more than".
    capped: bool = False

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1


@dataclass
class SearchResults:
    query: str
    groups: dict  # key -> Group
    backend: str = "database"


class SearchBackend:
    """``search`` answers grouped results with facet counts; ``suggest`` answers at most
    ``limit`` ``{"title", "url", "type"}`` dicts for an autocomplete list."""

    name = "base"

    def search(self, query, filters, page=1, *, groups=GROUPS, per_page=12):
        raise NotImplementedError

    def suggest(self, prefix, limit=8):
        raise NotImplementedError


class SearchUnavailable(Exception):
    """The backend's service does not answer; callers fall back to the database backend."""
