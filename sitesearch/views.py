"""``/<lang>/search/?q=``: one search over creators, products and editorial pages.

The foundation answers from the database; the search issue adds ranking, facets,
suggestions and the Elasticsearch backend behind the same URL.
"""

from django.db.models import Q
from django.shortcuts import render
from wagtail.models import Locale, Page

from directory.models import Profile
from shop.catalogue.queries import filter_products, public_products

MAX_QUERY_LENGTH = 120
RESULTS_PER_GROUP = 12


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    profiles = products = pages = []
    if query:
        profiles = list(
            Profile.objects.public()
            .for_listing()
            .filter(
                Q(name__icontains=query)
                | Q(headline__icontains=query)
                | Q(bio__icontains=query)
                | Q(city__icontains=query)
            )
            .distinct()[:RESULTS_PER_GROUP]
        )
        products = list(filter_products(public_products(), q=query)[:RESULTS_PER_GROUP])
        pages = list(
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .specific()
            .search(query)[:RESULTS_PER_GROUP]
        )
    return render(
        request,
        "sitesearch/search.html",
        {"query": query, "profiles": profiles, "products": products, "pages": pages},
    )
