"""Cards, the main menu, the footer and listing counts kept in the shared cache
(core/fragments.py): cheaper pages the page cache cannot serve, never stale, never someone
else's."""

import re

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from wagtail.models import Site

from cms.models import SiteSettings
from tests.factories import ProductFactory, ProfileFactory, UserFactory
from tests.helpers import count_queries

pytestmark = [pytest.mark.django_db]

CATALOGUE = "/fr/shop/catalogue/"
DIRECTORY = "/fr/directory/"


@pytest.fixture(autouse=True)
def fragment_cache():
    # The first rendering creates the site settings row (a change that bumps the generation).
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    cache.clear()
    with override_settings(FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_ENABLED=False):
        yield
    cache.clear()


def html(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def test_a_warm_catalogue_runs_fewer_queries_and_prints_the_same_page(client):
    for n in range(5):
        ProductFactory(title=f"Tirage {n}", price=100 + n)
    cold_queries = count_queries(client, CATALOGUE)  # fills the cache
    cold = html(client, CATALOGUE)

    warm_queries = count_queries(client, CATALOGUE)

    assert warm_queries < cold_queries
    without_nonce = re.compile(r' nonce="[^"]*"')  # the CSP nonce is new on every request
    assert without_nonce.sub("", html(client, CATALOGUE)) == without_nonce.sub("", cold)
    assert "Tirage 4" in cold


def test_the_card_count_does_not_change_what_a_warm_catalogue_costs(client):
    ProductFactory(title="Premier")
    html(client, CATALOGUE)
    with_one = count_queries(client, CATALOGUE)

    for n in range(20):
        ProductFactory(title=f"Tirage {n}")
    html(client, CATALOGUE)

    assert count_queries(client, CATALOGUE) == with_one


def test_a_title_and_a_price_change_show_at_once(client, django_capture_on_commit_callbacks):
    product = ProductFactory(title="Affiche sérigraphiée", price=100)
    assert "Affiche sérigraphiée" in html(client, CATALOGUE)

    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Tirage photo"
        product.save()
        record = product.stockrecords.get()
        record.price = 250
        record.save()

    page = html(client, CATALOGUE)
    assert "Tirage photo" in page and "Affiche sérigraphiée" not in page
    assert "250" in page


def test_a_new_product_changes_the_cached_count(client):
    ProductFactory(title="Premier")
    with translation.override("fr"):
        assert "<strong>1</strong> résultat" in html(client, CATALOGUE)

    ProductFactory(title="Second")

    with translation.override("fr"):
        assert "<strong>2</strong> résultats" in html(client, CATALOGUE)


def test_each_language_gets_its_own_cards(client):
    ProductFactory(title="Affiche", price=1500)
    french = html(client, CATALOGUE)

    arabic = html(client, "/ar/shop/catalogue/")

    assert 'lang="ar"' in arabic
    # The price is formatted per locale: the French card's text is not reused in Arabic.
    french_card = french.split('class="card-price"', 1)[1].split("</span>", 1)[0]
    arabic_card = arabic.split('class="card-price"', 1)[1].split("</span>", 1)[0]
    assert french_card != arabic_card


def test_profile_cards_follow_an_edit(client, django_capture_on_commit_callbacks):
    profile = ProfileFactory(name="Studio Lumen", headline="Photographie de mariage")
    assert "Photographie de mariage" in html(client, DIRECTORY)

    with django_capture_on_commit_callbacks(execute=True):
        profile.headline = "Mapping vidéo"
        profile.save()

    page = html(client, DIRECTORY)
    assert "Mapping vidéo" in page and "Photographie de mariage" not in page


def test_the_cached_menu_still_marks_the_page_being_visited(client):
    html(client, DIRECTORY)  # fills the cached menu

    directory = html(client, DIRECTORY)
    catalogue = html(client, CATALOGUE)

    assert f'href="{DIRECTORY}" aria-current="page"' in directory
    assert f'href="{DIRECTORY}" aria-current' not in catalogue
    assert f'href="{CATALOGUE}" aria-current="page"' in catalogue


def test_a_signed_in_visitor_never_gets_the_anonymous_footer(client):
    html(client, DIRECTORY)  # the anonymous footer is now cached
    client.force_login(UserFactory())

    with translation.override("fr"):
        page = html(client, DIRECTORY)

    footer = page.split('<footer class="site-footer">', 1)[1]
    assert "/fr/shop/accounts/orders/" in footer
    assert "/fr/shop/accounts/login/" not in footer


def test_a_cache_outage_renders_the_page(client, monkeypatch):
    ProductFactory(title="Affiche")

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get_many", broken)
    monkeypatch.setattr(cache, "set_many", broken)

    assert "Affiche" in html(client, CATALOGUE)


def test_a_warm_home_page_runs_fewer_queries_and_prints_the_same_content(client):
    ProductFactory(title="Affiche de la semaine")
    cold_queries = count_queries(client, "/fr/")
    cold = html(client, "/fr/")

    warm_queries = count_queries(client, "/fr/")

    assert warm_queries < cold_queries
    without_nonce = re.compile(r' nonce="[^"]*"')
    assert without_nonce.sub("", html(client, "/fr/")) == without_nonce.sub("", cold)
    assert "Affiche de la semaine" in cold


def test_a_new_product_shows_on_the_cached_home_page_at_once(client):
    ProductFactory(title="Premier produit")
    html(client, "/fr/")

    ProductFactory(title="Produit du jour")

    assert "Produit du jour" in html(client, "/fr/")


def test_each_language_gets_its_own_home_content(client):
    html(client, "/fr/")

    arabic = html(client, "/ar/")

    assert "الصوت" in arabic
