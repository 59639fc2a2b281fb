"""A creator revises a quote without retyping its validity; both parties read the client's
own words about the need after the request."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from tests.factories import PartnerFactory, UserFactory
from tests.factories.quotes import QuoteRequestFactory, send_quote

pytestmark = pytest.mark.django_db


def form_data(page):
    """What a browser sends when the creator submits the revision form unchanged."""
    page = BeautifulSoup(page.content.decode(), "html.parser")
    form = page.select_one("[name=valid_until]").find_parent("form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        if field.name == "textarea":
            data[field["name"]] = field.get_text()
        elif field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[field["name"]] = chosen.get("value", "") if chosen else ""
        elif field.get("type") not in ("checkbox", "radio", "submit") or field.has_attr("checked"):
            data[field["name"]] = field.get("value", "")
    return data


def test_a_revision_sent_unchanged_keeps_the_validity_and_goes_out(client):
    partner = PartnerFactory()
    quote_request = QuoteRequestFactory(partner=partner)
    first = send_quote(quote_request, days=20)
    client.force_login(partner.profile.user)
    url = reverse("quotes:creator-quote", kwargs={"pk": quote_request.pk})

    page = client.get(url)
    response = client.post(url, form_data(page))

    assert response.status_code == 302, response.content.decode()[:3000]
    assert quote_request.versions.count() == 2
    assert quote_request.latest_version().valid_until == first.valid_until


def test_an_expired_quote_is_revised_with_a_validity_from_today(client):
    partner = PartnerFactory()
    quote_request = QuoteRequestFactory(partner=partner)
    first = send_quote(quote_request, days=10)
    type(first).objects.filter(pk=first.pk).update(
        created_at=timezone.now() - timedelta(days=30),
        valid_until=timezone.localdate() - timedelta(days=20),
    )
    client.force_login(partner.profile.user)

    page = client.get(reverse("quotes:creator-quote", kwargs={"pk": quote_request.pk}))

    field = BeautifulSoup(page.content.decode(), "html.parser").select_one("[name=valid_until]")
    assert field["value"] == (timezone.localdate() + timedelta(days=10)).isoformat()


def test_the_clients_need_is_shown_to_the_client_and_the_creator(client):
    partner = PartnerFactory()
    amal = UserFactory()
    quote_request = QuoteRequestFactory(
        partner=partner, client=amal, description="Deux scènes, un concert en plein air"
    )

    client.force_login(amal)
    as_client = client.get(quote_request.get_absolute_url()).content.decode()
    client.force_login(partner.profile.user)
    as_creator = client.get(quote_request.get_creator_url()).content.decode()

    assert "Deux scènes, un concert en plein air" in as_client
    assert "Votre besoin" in as_client
    assert "Deux scènes, un concert en plein air" in as_creator
    assert "Le besoin du client" in as_creator


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_attachments_help_reads_in_the_visitors_language(language):
    from django.utils import translation

    from shop.quotes.forms import MessageForm, QuoteRequestForm

    with translation.override(language):
        expected = translation.gettext(
            "Pictures (JPEG, PNG, WebP) or PDF, 10 MB each at most, %(n)s files at most."
        ) % {"n": 5}
        for form in (QuoteRequestForm, MessageForm):
            assert str(form.base_fields["attachments"].help_text) == expected
