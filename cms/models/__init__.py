from .pages import (  # noqa: F401
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    SectorIndexPage,
    SectorPage,
    StandardPage,
)
from .programme import (  # noqa: F401
    ContactFormField,
    ContactPage,
    HubIndexPage,
    HubPage,
    ProgrammePage,
)
from .site_settings import SiteSettings  # noqa: F401
