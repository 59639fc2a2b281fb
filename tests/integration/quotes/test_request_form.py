"""Asking for a quote: the form, the inline account, the refusals, the rate limit."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image

from accounts.models import User
from shop.quotes.models import QuoteRequest, Status
from tests.factories import PartnerFactory, ProductFactory, UserFactory, province
from tests.factories.users import PASSWORD
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

URL = "/fr/shop/quotes/new/"


def fr(text):
    with translation.override("fr"):
        return gettext(text)


def png(name="plan.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="brief.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


@pytest.fixture
def service():
    return ProductFactory(kind="service", price=None)


def data(**overrides):
    start = timezone.localdate() + timedelta(days=20)
    values = {
        "starts_on": start.isoformat(),
        "ends_on": (start + timedelta(days=1)).isoformat(),
        "place": "Salle polyvalente",
        "province": province("nador").pk,
        "audience_size": "300",
        "budget_min": "5000",
        "budget_max": "8000",
        "brief": "Sonorisation d'un concert en plein air.",
        "phone": "0612345678",
    }
    values.update(overrides)
    return values


def test_the_service_page_and_the_shop_page_link_to_the_request_form(client, service):
    partner = service.stockrecords.get().partner
    page = client.get(service.get_absolute_url())
    assert f"{reverse('quotes:request')}?product={service.pk}" in page.content.decode()
    shop = client.get(reverse("creators:shop", kwargs={"slug": partner.slug}))
    assert f"{reverse('quotes:request')}?creator={partner.slug}" in shop.content.decode()


def test_a_signed_in_client_requests_a_quote_with_attachments(
    client, service, django_capture_on_commit_callbacks
):
    user = UserFactory()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, {**data(product=service.pk), "attachments": [png(), pdf()]}, format="multipart"
        )
    quote_request = QuoteRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == quote_request.get_absolute_url()
    assert quote_request.client == user
    assert quote_request.product == service
    assert quote_request.partner == service.stockrecords.get().partner
    assert quote_request.status == Status.REQUESTED
    assert str(quote_request.phone) == "+212612345678"
    assert sorted(a.name for a in quote_request.attachments.all()) == ["brief.pdf", "plan.png"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [quote_request.partner.users.get().email]


def test_custom_work_from_the_shop_page_needs_a_description(client):
    partner = PartnerFactory()
    client.force_login(UserFactory())
    response = client.post(URL, data(creator=partner.slug))
    assert response.status_code == 400
    assert not QuoteRequest.objects.exists()
    assert fr("Choose one of the creator's services or describe what you need.") in text_of(
        response
    )
    assert "Salle polyvalente" in response.content.decode()  # what was typed stays
    response = client.post(URL, data(creator=partner.slug, description="Mapping de façade"))
    assert response.status_code == 302
    quote_request = QuoteRequest.objects.get()
    assert (quote_request.partner, quote_request.product) == (partner, None)
    assert quote_request.subject == "Mapping de façade"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_on": "2020-01-01"}, "ends_on", "The last day cannot be before the first day."),
        ({"starts_on": "2020-01-01", "ends_on": ""}, "starts_on", "This date is in the past."),
        ({"budget_min": "-10"}, "budget_min", "An amount cannot be negative."),
        (
            {"budget_min": "9000", "budget_max": "100"},
            "budget_max",
            "The upper budget cannot be below the lower one.",
        ),
        ({"phone": "12"}, "phone", None),
    ],
)
def test_bad_input_is_refused_with_a_clear_error(client, service, overrides, field, message):
    client.force_login(UserFactory())
    response = client.post(URL, data(product=service.pk, **overrides))
    assert response.status_code == 400
    assert not QuoteRequest.objects.exists()
    assert response.context["form"].errors[field]
    if message:
        assert fr(message) in response.context["form"].errors[field]
    assert 'value="Salle polyvalente"' in response.content.decode()


def test_an_anonymous_visitor_creates_an_account_inline(client, service):
    response = client.get(f"{URL}?product={service.pk}")
    assert response.status_code == 200
    assert "account-email" in response.content.decode()
    response = client.post(
        URL,
        {
            **data(product=service.pk),
            "account-mode": "signup",
            "account-email": "nouvelle@example.ma",
            "account-password": "Une-Phrase-Solide-2026",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle@example.ma")
    assert QuoteRequest.objects.get().client == user
    assert client.get(reverse("quotes:list")).status_code == 200  # signed in now


def test_an_anonymous_visitor_signs_in_inline_and_a_wrong_password_keeps_the_form(client, service):
    user = UserFactory()
    payload = {
        **data(product=service.pk),
        "account-mode": "login",
        "account-email": user.email,
        "account-password": "wrong",
    }
    response = client.post(URL, payload)
    assert response.status_code == 400
    assert not QuoteRequest.objects.exists()
    assert fr("This email and password do not match an account.") in text_of(response)
    assert "Sonorisation d&#x27;un concert" in response.content.decode()
    response = client.post(URL, {**payload, "account-password": PASSWORD})
    assert response.status_code == 302
    assert QuoteRequest.objects.get().client == user


def test_signup_with_a_taken_email_is_refused(client, service):
    user = UserFactory()
    response = client.post(
        URL,
        {
            **data(product=service.pk),
            "account-mode": "signup",
            "account-email": user.email,
            "account-password": "Une-Phrase-Solide-2026",
        },
    )
    assert response.status_code == 400
    assert response.context["account_form"].errors["email"]
    assert not QuoteRequest.objects.exists()


def test_attachments_must_be_pictures_or_pdf(client, service):
    client.force_login(UserFactory())
    fake = SimpleUploadedFile("virus.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(URL, {**data(product=service.pk), "attachments": [fake]})
    assert response.status_code == 400
    assert response.context["form"].errors["attachments"]
    assert not QuoteRequest.objects.exists()


def test_unknown_or_hidden_targets_answer_404(client):
    client.force_login(UserFactory())
    hidden = ProductFactory(kind="service")
    hidden.is_public = False
    hidden.save()
    physical = ProductFactory(kind="physical")
    assert client.get(f"{URL}?product={hidden.pk}").status_code == 404
    assert client.get(f"{URL}?product={physical.pk}").status_code == 404
    assert client.get(f"{URL}?product=999999").status_code == 404
    assert client.get(f"{URL}?creator=nobody").status_code == 404
    assert client.get(URL).status_code == 404


def test_requests_are_rate_limited_per_user(client, service, settings):
    settings.QUOTES_REQUEST_RATE = "2/h"
    client.force_login(UserFactory())
    for number in range(2):
        response = client.post(URL, data(product=service.pk), REMOTE_ADDR=f"10.0.1.{number}")
        assert response.status_code == 302
    response = client.post(URL, data(product=service.pk), REMOTE_ADDR="10.0.1.9")
    assert response.status_code == 429
    assert QuoteRequest.objects.count() == 2
    # Another user is not limited by this one.
    client.force_login(UserFactory())
    assert client.post(URL, data(product=service.pk), REMOTE_ADDR="10.0.1.10").status_code == 302


def test_requests_are_rate_limited_per_ip(client, service, settings):
    settings.QUOTES_REQUEST_RATE = "2/h"
    for _ in range(3):
        client.force_login(UserFactory())
        response = client.post(URL, data(product=service.pk), REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    assert QuoteRequest.objects.count() == 2
    assert fr("Too many quote requests for now") in text_of(response)


def test_a_creator_cannot_ask_their_own_shop(client, service):
    partner = service.stockrecords.get().partner
    client.force_login(partner.users.get())
    response = client.post(URL, data(product=service.pk))
    assert response.status_code == 400
    assert not QuoteRequest.objects.exists()
