"""The page cache (core/cache.py): served without SQL, invalidated by content changes, shared
with signed-in visitors and baskets as rendered for an anonymous visitor
(tests/integration/core/test_shared_pages.py covers what they each see)."""

import re

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.models import Site

from cms.models import SiteSettings
from tests.factories import ProductFactory, ProfileFactory, UserFactory, news_page
from tests.helpers import count_queries, html_lang_dir

pytestmark = [pytest.mark.django_db]

DIRECTORY = "/fr/directory/"
CATALOGUE = "/fr/shop/catalogue/"


@pytest.fixture(autouse=True)
def page_cache():
    # The first rendering creates the site settings row (a change that bumps the cache).
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    cache.clear()
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield
    cache.clear()


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response


def test_the_second_anonymous_visit_is_served_from_the_cache_without_sql(client):
    ProfileFactory(name="Studio Lumen")
    first = get(client, DIRECTORY)

    assert count_queries(client, DIRECTORY) == 0
    second = get(client, DIRECTORY)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_the_query_string_is_part_of_the_key(client):
    ProfileFactory(name="Studio Lumen", province=None)
    get(client, DIRECTORY)

    response = get(client, DIRECTORY, data={"q": "lumen"})

    assert response["X-Page-Cache"] == "miss"


def test_a_product_edit_invalidates_cached_pages(client, django_capture_on_commit_callbacks):
    product = ProductFactory(title="Affiche sérigraphiée")
    assert "Affiche sérigraphiée" in get(client, CATALOGUE).content.decode()
    assert get(client, CATALOGUE)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Tirage photo d'art"
        product.save()

    response = get(client, CATALOGUE)
    assert response["X-Page-Cache"] == "miss"
    assert "Tirage photo d&#x27;art" in response.content.decode()


def test_a_price_change_invalidates_cached_pages(client):
    product = ProductFactory(title="Affiche", price=100)
    get(client, CATALOGUE)
    stockrecord = product.stockrecords.get()
    stockrecord.price = 250
    stockrecord.save()

    assert get(client, CATALOGUE)["X-Page-Cache"] == "miss"


def test_publishing_a_page_invalidates_cached_pages(client):
    first = news_page(title="Premier article")
    index_url = first.get_parent().url
    get(client, index_url)
    assert get(client, index_url)["X-Page-Cache"] == "hit"

    news_page(title="Second article publié")

    response = get(client, index_url)
    assert response["X-Page-Cache"] == "miss"
    assert "Second article publié" in response.content.decode()


def test_a_profile_approval_invalidates_cached_pages(client):
    profile = ProfileFactory(name="Atelier en attente", status="pending")
    assert "Atelier en attente" not in get(client, DIRECTORY).content.decode()

    profile.status = "approved"
    profile.save()

    assert "Atelier en attente" in get(client, DIRECTORY).content.decode()


def test_signed_in_users_share_the_anonymous_page_and_store_nothing_personal(client):
    ProfileFactory(name="Studio Lumen")
    user = UserFactory()
    client.force_login(user)

    signed_in = get(client, DIRECTORY)
    assert signed_in["X-Page-Cache"] == "miss"  # stored as rendered for an anonymous visitor
    assert "Se déconnecter" in signed_in.content.decode()

    client.logout()
    client.cookies.clear()
    anonymous = get(client, DIRECTORY)
    assert anonymous["X-Page-Cache"] == "hit"
    assert "Se déconnecter" not in anonymous.content.decode()

    client.force_login(user)
    get(client, DIRECTORY)  # the first visit after signing in works out who they are
    assert count_queries(client, DIRECTORY) == 0
    assert "Se déconnecter" in get(client, DIRECTORY).content.decode()


def test_a_visitor_with_a_basket_cookie_gets_the_shared_page(client):
    get(client, DIRECTORY)
    client.cookies["oscar_open_basket"] = "1:abc"  # not a basket of theirs: nothing counted

    response = get(client, DIRECTORY)

    assert response["X-Page-Cache"] == "hit"
    assert 'class="badge"' not in response.content.decode().split("</header>")[0]


def test_each_language_has_its_own_cached_page(client):
    french = get(client, "/fr/")
    arabic = get(client, "/ar/")

    assert html_lang_dir(get(client, "/fr/").content) == html_lang_dir(french.content)
    assert html_lang_dir(get(client, "/ar/").content) == ("ar", "rtl")
    assert html_lang_dir(arabic.content) != html_lang_dir(french.content)


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def test_a_page_with_a_form_is_shared_with_each_visitors_own_csrf_token():
    product = ProductFactory(title="Affiche", price=100)
    url = product.get_absolute_url()
    first_visitor, second_visitor = Client(), Client(enforce_csrf_checks=True)
    first = get(first_visitor, url)
    first_tokens = TOKEN.findall(first.content.decode())
    assert first_tokens and first["X-Page-Cache"] == "miss"

    hit = get(second_visitor, url)

    assert hit["X-Page-Cache"] == "hit"
    tokens = TOKEN.findall(hit.content.decode())
    assert len(tokens) == len(first_tokens)
    assert not set(tokens) & set(first_tokens)
    assert not any(token in hit.content.decode() for token in first_tokens)
    assert "csrftoken" in hit.cookies  # the second visitor's own CSRF secret
    added = second_visitor.post(
        f"/fr/shop/basket/add/{product.pk}/", {"quantity": 1, "csrfmiddlewaretoken": tokens[0]}
    )
    assert added.status_code == 302  # a 403 would mean the token did not match the cookie
    basket = get(second_visitor, "/fr/shop/basket/")
    assert "Affiche" in basket.content.decode()


def test_a_cached_product_page_still_records_the_recently_viewed_history(client):
    product = ProductFactory(title="Affiche")
    url = product.get_absolute_url()
    get(Client(), url)  # stored

    hit = get(client, url)

    assert hit["X-Page-Cache"] == "hit"
    assert hit.cookies["oscar_history"].value == f"[{product.pk}]"


def test_a_visitor_with_a_history_gets_their_own_recently_viewed_products(client):
    seen = ProductFactory(title="Tirage déjà vu")
    product = ProductFactory(title="Affiche")
    url = product.get_absolute_url()
    get(Client(), url)  # stored for first-time visitors
    get(client, seen.get_absolute_url())  # this visitor now has a history

    response = get(client, url)

    # The stored page, with their own "recently viewed" filled in and their history updated.
    assert response["X-Page-Cache"] == "hit"
    assert "Tirage déjà vu" in response.content.decode()
    assert response.cookies["oscar_history"].value == f"[{seen.pk}, {product.pk}]"
    assert "Tirage déjà vu" not in get(Client(), url).content.decode()


def test_a_page_showing_something_like_a_token_is_not_stored(client):
    product = ProductFactory(title="Affiche", description="Référence " + "a1" * 32)
    url = product.get_absolute_url()
    get(client, url)

    client.cookies.clear()

    assert get(client, url).get("X-Page-Cache") != "hit"


def test_a_cached_oscar_page_carries_the_new_requests_csp_nonce(client):
    ProductFactory(title="Affiche")
    get(client, CATALOGUE)

    hit = get(client, CATALOGUE)

    assert hit["X-Page-Cache"] == "hit"
    nonces = re.findall(r'<script nonce="([^"]+)"', hit.content.decode())
    header = hit.get("Content-Security-Policy", "")
    assert nonces and all(f"'nonce-{nonce}'" in header for nonce in nonces)


def test_non_get_requests_and_excluded_paths_are_not_cached(client):
    assert "X-Page-Cache" not in client.get("/healthz")
    assert "X-Page-Cache" not in client.post(DIRECTORY)


def test_a_new_stand_at_the_market_invalidates_the_market_page(client):
    from tests.factories.market import MarketEditionFactory, StandFactory

    edition = MarketEditionFactory()
    get(client, "/fr/shop/market/")
    assert get(client, "/fr/shop/market/")["X-Page-Cache"] == "hit"

    StandFactory(edition=edition, number="B7")

    response = get(client, "/fr/shop/market/")
    assert response["X-Page-Cache"] == "miss"
    assert "B7" in response.content.decode()


def order(product, quantity, django_capture_on_commit_callbacks):
    from tests.factories.orders import basket_with, place

    with django_capture_on_commit_callbacks(execute=True):
        place(basket_with([(product, quantity)]))


def test_an_order_leaving_plenty_in_stock_keeps_the_cached_pages(
    client, django_capture_on_commit_callbacks
):
    product = ProductFactory(title="Affiche", kind="physical", num_in_stock=50)
    url = product.get_absolute_url()
    get(client, CATALOGUE)
    get(Client(), url)

    order(product, 2, django_capture_on_commit_callbacks)

    assert product.stockrecords.get().net_stock_level == 48  # the order did allocate stock
    assert get(client, CATALOGUE)["X-Page-Cache"] == "hit"
    assert get(Client(), url)["X-Page-Cache"] == "hit"


def test_an_order_leaving_few_or_none_in_stock_invalidates_cached_pages(
    client, django_capture_on_commit_callbacks
):
    product = ProductFactory(title="Affiche", kind="physical", num_in_stock=12)
    url = product.get_absolute_url()
    get(Client(), url)

    order(product, 3, django_capture_on_commit_callbacks)  # 9 left: the page shows the count

    response = get(Client(), url)
    assert response["X-Page-Cache"] == "miss"
    assert "9" in response.content.decode().split('class="availability')[1][:200]

    order(product, 9, django_capture_on_commit_callbacks)  # none left: unavailable

    response = get(Client(), url)
    assert response["X-Page-Cache"] == "miss"
    assert "Indisponible" in response.content.decode().split('class="availability')[1][:200]
