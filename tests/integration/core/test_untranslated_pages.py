"""No French or English sentence on the pages a visitor reads in Arabic or English.

Demo-like data from the factories (a creator with a profile and a stocked product, a
service quoted to a client, a L'Karfour edition with a stand, an open hackathon call, a news
article and an event translated into each language); the main pages are rendered in Arabic
and English, as a guest and as a signed-in client with a basket, and their visible text is
scanned against the catalogues (``tests.untranslated``).
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    PartnerFactory,
    ProductFactory,
    ProfileFactory,
    UserFactory,
    event_page,
    news_page,
    translate,
)
from tests.factories.hackathon import CallFactory
from tests.factories.market import MarketEditionFactory, StandFactory
from tests.factories.pages import home_page
from tests.factories.quotes import QuoteRequestFactory, send_quote
from tests.untranslated import report, untranslated

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "en")
# The people, shops and products of the data below: shown as written in every language.
NAMES = ("Salma Benali", "Amal Haddou", "Tirage", "Reportage")


@pytest.fixture
def world():
    return build_world()


def build_world():
    """The data of the scans (this test and tests/browser/core/test_languages_walk.py)."""
    for language, title, text in (
        ("ar", "الصورة والصوت والضوء", "مبدعو جهة الشرق."),
        ("en", "Image, sound and light", "The creators of the Oriental."),
    ):
        translate(home_page(), language, hero_title=title, hero_text=text)
    user = UserFactory(email="salma@example.ma")
    profile = ProfileFactory(user=user, name="Salma Benali", headline="Salma Benali")
    partner = PartnerFactory(name="Salma Benali", profile=profile, users=[user])
    product = ProductFactory(
        partner=partner,
        kind="physical",
        num_in_stock=18,
        price=Decimal("350.00"),
        title="Tirage",
        description="Tirage",
    )
    service = ProductFactory(partner=partner, kind="service", price=None, title="Reportage")
    client = UserFactory(email="client@example.ma", first_name="Amal", last_name="Haddou")
    quote = QuoteRequestFactory(client=client, partner=partner, product=service, brief="Reportage")
    send_quote(quote)
    type(quote.versions.get()).objects.filter(request=quote).update(terms="50 %")  # content
    edition = MarketEditionFactory(
        name="L'Karfour",
        name_ar="لكرفور",
        description="Le marché de la culture jeune.",
        description_ar="سوق ثقافة الشباب.",
        description_en="The youth culture market.",
        venue="Théâtre Mohammed VI, Oujda",
        venue_ar="مسرح محمد السادس، وجدة",
        venue_en="Mohammed VI Theatre, Oujda",
    )
    StandFactory(edition=edition, partner=partner, number="14")
    CallFactory(
        title_ar="دعوة لتقديم المشاريع",
        title_en="Call for projects",
        description_ar="هاكاثون لحاملي المشاريع.",
        description_en="A hackathon for project holders.",
    )
    article = news_page(title="Un article")
    event = event_page(title="Un atelier")
    for language, title in (("ar", "ورشة"), ("en", "A workshop")):
        translate(article, language, title=title, summary=title)
        translate(event, language, title=title)
    return {"product": product, "client": client, "quote": quote, "profile": profile}


def _guest_urls(world, language):
    product = world["product"]
    with translation.override(language):
        return [
            f"/{language}/",
            reverse("catalogue:index"),
            product.get_absolute_url(),
            reverse("directory:index"),
            world["profile"].get_absolute_url(),
            reverse("market:index"),
            reverse("hackathon:call"),
            reverse("sitesearch:search") + "?q=tirage",
            reverse("customer:login"),
            reverse("basket:summary"),
        ]


def _client_urls(world, language):
    with translation.override(language):
        return [
            reverse("customer:summary"),
            reverse("customer:order-list"),
            reverse("quotes:list"),
            world["quote"].get_absolute_url(),
            reverse("basket:summary"),
            reverse("checkout:shipping-address"),
        ]


def _scan(client, urls, language):
    problems = []
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        found = untranslated(response.content.decode(), language, NAMES)
        if found:
            problems.append(report(url, found))
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_guests_pages_have_no_untranslated_sentence(client, world, language):
    with translation.override(language):
        client.post(reverse("basket:add", kwargs={"pk": world["product"].pk}), {"quantity": 1})
        gateway = reverse("checkout:index")
    problems = _scan(client, [*_guest_urls(world, language), gateway], language)

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_clients_pages_and_basket_have_no_untranslated_sentence(client, world, language):
    client.force_login(world["client"])
    with translation.override(language):
        add_url = reverse("basket:add", kwargs={"pk": world["product"].pk})
    response = client.post(add_url, {"quantity": 2}, follow=True)
    assert response.status_code == 200
    problems = _scan(client, _client_urls(world, language), language)
    added = untranslated(response.content.decode(), language, NAMES)
    if added:
        problems.append(report(add_url, added))

    assert not problems, "\n".join(problems)


def test_the_scan_finds_a_french_sentence_on_an_english_page():
    page = '<html lang="en"><body><p>Ajouter au panier pour commander</p></body></html>'
    french = untranslated(page, "en")
    page = '<html lang="ar"><body><p>Proceed to checkout</p></body></html>'

    assert french, "a French catalogue sentence on an English page must be found"
    assert untranslated(page, "ar")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_stand_screen_earnings_and_offline_page_have_no_untranslated_sentence(
    client, world, language
):
    """The installable app's pages (issue 19), as the creator reads them on the phone."""
    from shop.partner.models import Partner

    partner = Partner.objects.get(name="Salma Benali")
    client.force_login(partner.users.get())
    with translation.override(language):
        urls = [reverse("creators:stand"), reverse("payouts:earnings"), reverse("pwa-offline")]

    problems = _scan(client, urls, language)

    assert not problems, "\n".join(problems)
