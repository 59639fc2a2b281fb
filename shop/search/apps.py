import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked to replace haystack with database-backed views."""

    name = "shop.search"
