"""RSS 2.0 and Atom 1.0 feeds of one language's news (``<news index>/feed/rss/``, ``/atom/``).

Each feed is bound to one ``NewsIndexPage`` (so to its language) and lists its live,
public articles only.
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from cms.ics import absolute_url
from core.sites import absolute


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    limit = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index):
        return _("%(title)s · Takafamap") % {"title": index.title}

    def feed_url(self, index):
        # The feed's self link; Django would write django.contrib.sites' domain.
        return absolute(self.request.path)

    def link(self, index):
        return absolute_url(index, self.request)

    def description(self, index):
        return index.introduction or _("News of the Takafaship programme")

    subtitle = description

    def items(self, index):
        return index.get_news()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item, self.request)

    def item_guid(self, item):
        return absolute_url(item, self.request)

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
