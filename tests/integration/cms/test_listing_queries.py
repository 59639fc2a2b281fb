"""Listing pages run a fixed number of SQL queries, whatever the number of items."""

import pytest

from tests.factories import event_page, news_page, sector
from tests.factories.pages import image
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

LISTINGS = ["/fr/", "/fr/actualites/", "/fr/agenda/"]


def _add_items(count):
    for number in range(count):
        news_page(
            image=image(title=f"Image {number}"),
            sectors=[sector("image"), sector("son")],
            tags=["programme", f"tag-{number}"],
        )
        event_page(image=image(title=f"Affiche {number}"), days=number + 1)
        event_page(days=-(number + 1))


def _counts(client):
    counts = {}
    for url in LISTINGS:
        client.get(url)  # renditions are generated on the first view
        counts[url] = count_queries(client, url)
    return counts


def test_home_news_and_event_listings_run_as_many_queries_with_50_items_as_with_10(client):
    # One test for the three pages: building 150 pages takes most of its time.
    _add_items(10)
    with_10 = _counts(client)

    _add_items(40)
    with_50 = _counts(client)

    assert with_50 == with_10
