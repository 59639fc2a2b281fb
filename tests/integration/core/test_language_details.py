"""Words and formats in the reader's language: plurals, French typography, Arabic dates,
data written in three languages, the admin's sign-in and labels, the hackathon's receipt
email, ASCII page addresses."""

import datetime

import pytest
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site

from cms.models import NewsPage, SiteSettings
from hackathon.models import Application
from tests.factories import ProductFactory, UserFactory, news_index
from tests.factories.hackathon import ApplicationFactory, CallFactory
from tests.factories.quotes import QuoteRequestFactory, send_quote
from tests.helpers import text_of

pytestmark = pytest.mark.django_db


def render(source, language, **context):
    with translation.override(language):
        return Template(source).render(Context(context))


def test_stock_reads_as_a_plural_in_each_language(client):
    product = ProductFactory(kind="physical", num_in_stock=18)

    pages = {
        language: text_of(client.get(f"/{language}" + product.get_absolute_url()[3:]))
        for language in ("fr", "ar", "en")
    }

    assert "En stock (18 disponibles)" in pages["fr"]
    assert "disponible(s)" not in pages["fr"]
    assert "In stock (18 available)" in pages["en"]
    assert "In stock" not in pages["ar"] and "متوفر" in pages["ar"]


def test_arabic_dates_use_the_arabic_comma_and_one_format_per_context():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 13, 17, 0))
    source = '{% load dates %}{{ m|when:"WEEKDAY_DATETIME_FORMAT" }}|{{ m|date:"DATETIME_FORMAT" }}'

    assert render(source, "ar", m=moment) == "الأحد 13 ديسمبر 2026، 17:00|13 ديسمبر 2026، 17:00"
    assert (
        render(source, "fr", m=moment) == "dimanche 13 décembre 2026, 17:00|13 décembre 2026, 17:00"
    )


def test_a_deposit_percentage_and_a_label_colon_follow_french_typography(client):
    quote_request = QuoteRequestFactory()
    send_quote(quote_request, deposit=30)
    client.force_login(quote_request.client)

    with translation.override("fr"):
        page = text_of(client.get(quote_request.get_absolute_url()))

    assert "Acompte (30 %)" in page
    assert "(30%)" not in page
    assert render(
        '{% load i18n %}{% trans "Price" %}{% trans ":" context "after a label" %}', "fr"
    ) == ("Prix\u00a0:")


def test_the_footer_reads_the_organisation_in_each_language(client):
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_row.footer_text = "Porté par une association culturelle d'Oujda."
    settings_row.footer_text_ar = "تحمله جمعية ثقافية من وجدة."
    settings_row.footer_text_en = "Run by a cultural association from Oujda."
    settings_row.save()

    arabic, english = text_of(client.get("/ar/")), text_of(client.get("/en/"))

    assert "جمعية ثقافية — وجدة" in arabic and "تحمله جمعية ثقافية من وجدة." in arabic
    assert "Cultural association — Oujda" in english
    assert "Run by a cultural association from Oujda." in english
    assert "Association culturelle" not in arabic + english


def test_hackathon_and_market_data_read_in_the_visitors_language(client):
    CallFactory(title="Appel 2027", title_ar="دعوة 2027", title_en="Call 2027")

    assert "دعوة 2027" in text_of(client.get("/ar/hackathon/"))
    assert "Call 2027" in text_of(client.get("/en/hackathon/"))
    assert "Appel 2027" in text_of(client.get("/fr/hackathon/"))


def test_the_admin_sign_in_labels_the_password_in_french(client):
    page = text_of(client.get("/admin/login/", headers={"accept-language": "fr"}))

    assert "Mot de passe" in page
    assert "Password" not in page


def test_the_admin_names_the_hackathon_call_as_a_noun(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    application = ApplicationFactory()
    client.force_login(staff)
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=staff, defaults={"preferred_language": "fr"})

    page = text_of(client.get(reverse("hackathon_admin:detail", args=[application.pk])))

    assert "Appel à candidatures" in page
    assert "Appeler" not in page


def test_a_team_gets_an_email_that_its_application_was_received_in_its_language(
    client, django_capture_on_commit_callbacks
):
    from tests.integration.hackathon.test_apply import form_data

    call = CallFactory(title="Appel", title_ar="دعوة الترشح")
    client.force_login(UserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar/hackathon/apply/", form_data())

    application = Application.objects.get()
    assert response.status_code == 302
    (email,) = mail.outbox
    assert email.to == [application.email]
    assert "دعوة الترشح" in email.body and "Lumières de l'Oriental" in email.body
    assert f"/ar/hackathon/applications/{application.pk}/" in email.body
    assert "Appel" not in email.body
    assert call.pk


def test_new_page_addresses_are_ascii(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    index = news_index()
    url = reverse("wagtailadmin_pages:add", args=["cms", "newspage", index.pk])
    from tests.functional.cms.test_moderation import _news_form

    class Draft:
        title = "Atelier lumière à Oujda"
        slug = "atelier-lumière-à-oujda"
        date = timezone.localdate()
        author = ""
        summary = "Résumé"

    response = client.post(url, _news_form(Draft))

    assert response.status_code == 200  # the form comes back with an error
    assert "atelier-lumiere-a-oujda" in response.content.decode()
    assert not NewsPage.objects.filter(slug="atelier-lumière-à-oujda").exists()


def test_phone_numbers_read_the_same_international_way_everywhere(client):
    from core.templatetags.site_tags import phone

    quote_request = QuoteRequestFactory(phone="+212612345678")
    client.force_login(quote_request.partner.profile.user)
    with translation.override("fr"):
        page = text_of(client.get(quote_request.get_creator_url()))

    assert [phone(value) for value in ("+212612345678", "06 12 34 56 78", "0612345678")] == [
        "+212 6 12 34 56 78"
    ] * 3
    assert phone("not a number") == "not a number"
    assert "+212 6 12 34 56 78" in page
