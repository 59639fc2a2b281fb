"""One page for everyone, personalised after (core/cache.py, core/personal.py).

With the page cache on, signed-in visitors and visitors with a basket get the same stored
copy of a public page as anonymous visitors, with their own account links, basket count,
CSRF tokens and owner links filled in; nothing personal is ever in the stored copy.
"""

import re

import pytest
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction, Site

from cms.models import SiteSettings
from core import cache as page_cache
from core import personal
from shop.partner.strategy import Selector
from tests.factories import ProductFactory, ProfileFactory, UserFactory, news_page
from tests.factories.orders import basket_with
from tests.factories.partner import creator_with_shop
from tests.helpers import count_queries

Basket = apps.get_model("basket", "Basket")
WishList = apps.get_model("wishlists", "WishList")

pytestmark = [pytest.mark.django_db]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
SIGN_OUT = "/fr/shop/accounts/logout/"


@pytest.fixture(autouse=True)
def page_cache_on():
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    cache.clear()
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield
    cache.clear()


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response


def signed_in(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def add_to_basket(client, product, token):
    return client.post(
        f"/fr/shop/basket/add/{product.pk}/", {"quantity": 1, "csrfmiddlewaretoken": token}
    )


def stored_pages():
    """Every page the shared cache holds (the local-memory cache of the tests)."""
    pages = []
    for raw_key in list(cache._cache):
        key = raw_key.split(":", 2)[2]
        value = cache.get(key)
        if isinstance(value, dict) and "content" in value:
            pages.append(value["content"].decode())
    return pages


@pytest.fixture
def shop():
    """A creator with a product, a client with that product twice in the basket."""
    creator = creator_with_shop(name="Atelier Lumen")
    product = ProductFactory(title="Affiche sérigraphiée", price=100, partner=creator.shop)
    client_user = UserFactory(email="nadia@example.ma", first_name="Nadia")
    basket_with([(product, 2)], owner=client_user)
    return creator, client_user, product


def test_two_signed_in_users_share_one_stored_page_with_their_own_menu_basket_and_token(shop):
    creator, client_user, product = shop
    url = product.get_absolute_url()
    as_client, as_creator = signed_in(client_user), signed_in(creator)

    first = get(as_client, url)
    second = get(as_creator, url)
    third = get(as_client, url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit" and third["X-Page-Cache"] == "hit"
    client_page, creator_page = third.content.decode(), second.content.decode()
    for page in (client_page, creator_page):
        assert "Mon compte" in page and "Se déconnecter" in page
        assert "/fr/shop/accounts/login/" not in page.split("</header>")[0]
    # The basket count: the client's two items, none for the creator.
    assert re.search(r'id="header-basket-count"><span class="badge">2<', client_page)
    assert re.search(r'id="header-basket-count">\s*</span>', creator_page)
    # The creator runs a shop: "My shop" in their menu only.
    assert "/fr/shop/my-shop/" in creator_page and "/fr/shop/my-shop/" not in client_page
    # Each visitor's own CSRF tokens: their forms post.
    client_tokens, creator_tokens = TOKEN.findall(client_page), TOKEN.findall(creator_page)
    assert client_tokens and creator_tokens and not set(client_tokens) & set(creator_tokens)
    for visitor, tokens in ((as_client, client_tokens), (as_creator, creator_tokens)):
        added = visitor.post(
            f"/fr/shop/basket/add/{product.pk}/",
            {"quantity": 1, "csrfmiddlewaretoken": tokens[-1]},
        )
        assert added.status_code == 302  # 403 if the token were someone else's
    # Served to people with a session: never kept by a shared cache.
    assert "private" in third["Cache-Control"] and "Cookie" in third["Vary"]


def test_a_post_changes_the_basket_count_on_the_next_cached_page(shop):
    creator, client_user, product = shop
    url = product.get_absolute_url()
    as_client = signed_in(client_user)
    get(as_client, url)
    token = TOKEN.findall(get(as_client, url).content.decode())[-1]

    add_to_basket(as_client, product, token)
    as_client.cookies.pop("messages", None)  # the "added" message was shown on the next page
    page = get(as_client, url)

    assert page["X-Page-Cache"] == "hit"
    assert re.search(r'id="header-basket-count"><span class="badge">3<', page.content.decode())


def test_the_creators_edit_link_shows_to_the_creator_only_and_is_never_stored(shop):
    creator, client_user, product = shop
    url = product.get_absolute_url()
    edit = f"/fr/shop/my-shop/products/{product.pk}/edit/"

    creator_page = get(signed_in(creator), url)
    client_page = get(signed_in(client_user), url)
    anonymous_page = get(Client(), url)

    assert edit in creator_page.content.decode()
    assert client_page["X-Page-Cache"] == "hit" and anonymous_page["X-Page-Cache"] == "hit"
    assert edit not in client_page.content.decode()
    assert edit not in anonymous_page.content.decode()
    assert stored_pages() and not any(edit in page for page in stored_pages())
    # The creator cannot review their own product; the client gets the review form's link.
    assert "Vous ne pouvez pas" in creator_page.content.decode() or (
        "own product" in creator_page.content.decode()
    )
    assert "/reviews/add/" in client_page.content.decode()


def test_a_profile_owner_sees_their_edit_link_on_the_shared_profile_page():
    owner = UserFactory()
    profile = ProfileFactory(name="Studio Lumen", user=owner)
    url = profile.get_absolute_url()
    edit = f"/fr/directory/account/{profile.slug}/edit/"

    stranger_page = get(signed_in(UserFactory()), url)
    owner_page = get(signed_in(owner), url)

    assert owner_page["X-Page-Cache"] == "hit"
    assert edit in owner_page.content.decode()
    assert edit not in stranger_page.content.decode()
    assert not any(edit in page for page in stored_pages())


def test_staff_get_pages_rendered_for_them_and_their_links_never_leak(shop):
    creator, client_user, product = shop
    url = product.get_absolute_url()
    staff = UserFactory(is_staff=True, is_superuser=True)

    staff_page = get(signed_in(staff), url)
    client_page = get(signed_in(client_user), url)
    anonymous_page = get(Client(), url)

    assert staff_page.get("X-Page-Cache") is None  # rendered for them
    assert 'href="/admin/"' in staff_page.content.decode()
    assert client_page["X-Page-Cache"] == "miss"  # the staff visit stored nothing
    assert anonymous_page["X-Page-Cache"] == "hit"
    for page in [client_page.content.decode(), anonymous_page.content.decode(), *stored_pages()]:
        assert 'href="/admin/"' not in page
        assert "/dashboard/" not in page
        assert "/hide/" not in page


def test_nothing_private_is_in_the_stored_page(shop):
    creator, client_user, product = shop
    as_client = signed_in(client_user)
    page = get(as_client, product.get_absolute_url()).content.decode()
    tokens = TOKEN.findall(page)

    stored = stored_pages()

    assert len(stored) == 1
    entry = stored[0]
    assert client_user.email not in entry and "Nadia" not in entry
    assert "Se déconnecter" not in entry and "/fr/shop/accounts/login/" in entry
    assert 'class="badge">2' not in entry
    assert not any(token in entry for token in tokens)
    assert page_cache.CSRF_PLACEHOLDER.decode() in entry


def test_sign_out_clears_the_browsers_cache(shop):
    creator, client_user, product = shop
    as_client = signed_in(client_user)
    token = TOKEN.findall(get(as_client, product.get_absolute_url()).content.decode())[0]

    response = as_client.post(SIGN_OUT, {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache"'  # not "storage": unsent sales stay
    after = get(as_client, product.get_absolute_url()).content.decode()
    assert "Se déconnecter" not in after


def test_a_page_with_pending_messages_shows_them(shop):
    creator, client_user, product = shop
    url = product.get_absolute_url()
    as_client = signed_in(client_user)
    token = TOKEN.findall(get(as_client, url).content.decode())[-1]
    get(as_client, url)

    add_to_basket(as_client, product, token)
    page = get(as_client, url)

    assert page.get("X-Page-Cache") is None  # rendered, with the message
    assert "Affiche sérigraphiée" in page.content.decode().split('id="messages"')[1][:2000]
    assert get(as_client, url)["X-Page-Cache"] == "hit"  # shown once


def test_a_visitor_with_only_a_basket_gets_the_shared_page_with_their_count(shop):
    creator, client_user, product = shop
    url = product.get_absolute_url()
    visitor = Client(enforce_csrf_checks=True)
    token = TOKEN.findall(get(visitor, url).content.decode())[-1]
    add_to_basket(visitor, product, token)
    visitor.cookies.pop("messages", None)
    assert "oscar_open_basket" in visitor.cookies

    page = get(visitor, url)

    assert page["X-Page-Cache"] == "hit"
    assert re.search(r'id="header-basket-count"><span class="badge">1<', page.content.decode())
    assert "Se déconnecter" not in page.content.decode()


def test_a_signed_in_hit_runs_no_sql_and_the_persona_a_fixed_few(shop):
    creator, client_user, product = shop
    url = product.get_absolute_url()
    as_creator = signed_in(creator)
    get(Client(), url)  # stored

    # Computes the persona: session, user, rights (2), shops, profiles, wish lists (2), basket.
    first = count_queries(as_creator, url)
    hit = count_queries(as_creator, url)

    assert hit == 0
    assert first <= 10
    # The same few with a fuller basket.
    other = ProductFactory(title="Tirage", price=50, partner=creator.shop)
    basket_with([(product, 1), (other, 3)], owner=creator)
    get(Client(), url)  # stored again (a new product made the old copy stale)
    cache.delete(persona_key(as_creator))
    assert count_queries(as_creator, url) == first
    assert count_queries(as_creator, url) == 0


def persona_key(client):
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    return personal.key_for(cookies.get("sessionid"), cookies.get("oscar_open_basket"))


def test_pages_that_depend_on_the_visitor_are_still_rendered_for_them(shop):
    creator, client_user, product = shop
    as_client = signed_in(client_user)

    basket = get(as_client, "/fr/shop/basket/")
    account = get(as_client, "/fr/shop/accounts/profile/")

    assert basket.get("X-Page-Cache") is None and account.get("X-Page-Cache") is None
    assert "Affiche sérigraphiée" in basket.content.decode()


def test_a_signed_in_visitor_gets_their_own_wish_lists_on_the_shared_page(shop):
    creator, client_user, product = shop
    wishlist = WishList.objects.create(owner=client_user, name="Cadeaux de Nadia")
    wishlist.add(product)
    url = product.get_absolute_url()

    stranger = get(signed_in(UserFactory()), url).content.decode()
    own = get(signed_in(client_user), url)

    assert own["X-Page-Cache"] == "hit"
    assert "Cadeaux de Nadia" in own.content.decode()
    assert f"/wishlists/{wishlist.key}/" in own.content.decode()
    assert "Cadeaux de Nadia" not in stranger and "add_to_wishlist_form" in stranger
    for page in stored_pages():
        assert "Cadeaux de Nadia" not in page and "/wishlists/" not in page


def test_a_page_rendered_for_the_visitor_corrects_their_basket_count(shop):
    creator, client_user, product = shop
    url = product.get_absolute_url()
    as_client = signed_in(client_user)
    get(as_client, url)
    basket = Basket.objects.get(owner=client_user)
    basket.strategy = Selector().strategy()
    basket.add_product(product, 1)  # changed elsewhere (another device, a quote accepted)

    get(as_client, "/fr/shop/basket/")  # rendered for them: loads their basket
    page = get(as_client, url)

    assert page["X-Page-Cache"] == "hit"
    assert re.search(r'id="header-basket-count"><span class="badge">3<', page.content.decode())


def test_a_page_behind_a_password_is_never_served_from_the_copy_to_visitors_with_a_session():
    page = news_page(title="Compte rendu réservé")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="takafa"
    )
    url = page.url
    get(Client(), url)  # the password form, for visitors without a session
    visitor = signed_in(UserFactory())
    session = visitor.session
    session[restriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()

    response = get(visitor, url)

    assert response.get("X-Page-Cache") is None  # rendered for them: they passed it
    assert "Compte rendu réservé" in response.content.decode()
    assert 'name="password"' not in response.content.decode()


def test_a_page_whose_rendering_reads_the_session_is_not_shared_with_visitors():
    """Defence in depth (Wagtail's restricted pages already say ``no-cache``): the copy is
    shared with visitors who have a session only when rendering read nothing from it but
    who is signed in (and Oscar's refused add-to-basket data, which comes with a message)."""
    session = SessionStore()
    page_cache._recording(session)
    session.get("_auth_user_id")
    session.pop("add_to_basket_form_post_data_12", None)
    assert page_cache._session_free(session)

    session.get("wagtail-passed-restrictions")

    assert not page_cache._session_free(session)


def test_recently_viewed_products_are_each_visitors_own_on_the_shared_page(shop):
    creator, client_user, product = shop
    seen = ProductFactory(title="Tirage argentique", price=80)
    url = product.get_absolute_url()
    as_client, as_creator = signed_in(client_user), signed_in(creator)
    get(as_client, seen.get_absolute_url())
    get(Client(), url)  # stored

    client_page = get(as_client, url)
    creator_page = get(as_creator, url)

    assert client_page["X-Page-Cache"] == "hit" and creator_page["X-Page-Cache"] == "hit"
    assert "Tirage argentique" in client_page.content.decode()
    assert "Tirage argentique" not in creator_page.content.decode()
    assert client_page.cookies["oscar_history"].value == f"[{seen.pk}, {product.pk}]"
    assert not any("Tirage argentique" in page for page in stored_pages() if "Affiche" in page)


def test_a_creator_on_a_shared_page_carries_their_shop_for_the_stand_sales_warning(shop):
    creator, client_user, product = shop
    url = product.get_absolute_url()
    as_client, as_creator = signed_in(client_user), signed_in(creator)
    get(as_client, url)  # stores the page

    creator_page = get(as_creator, url)
    client_page = get(as_client, url)

    assert creator_page["X-Page-Cache"] == "hit"
    assert f'data-creator="{creator.shop.pk}"' in creator_page.content.decode()
    assert 'data-creator=""' in client_page.content.decode()
    assert all('data-creator=""' in page for page in stored_pages())
