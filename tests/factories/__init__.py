"""factory-boy factories for the whole suite.

The taxonomy (sectors, disciplines, provinces), the shop categories that mirror it and the
product classes come from data migrations: factories fetch those rows by slug instead of
creating new ones.
"""

from .catalogue import ProductFactory, StockRecordFactory
from .directory import ProfileFactory, discipline, province, sector
from .pages import event_index, event_page, news_index, news_page, translate
from .partner import PartnerFactory
from .users import UserFactory

__all__ = [
    "PartnerFactory",
    "ProductFactory",
    "ProfileFactory",
    "StockRecordFactory",
    "UserFactory",
    "discipline",
    "event_index",
    "event_page",
    "news_index",
    "news_page",
    "province",
    "sector",
    "translate",
]
