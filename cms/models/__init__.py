from .pages import (  # noqa: F401
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SectorIndexPage,
    SectorPage,
    StandardPage,
)
from .site_settings import SiteSettings  # noqa: F401
