"""Quote pages for clients and creators: who sees what (two clients, two creators), the
creator's quote form and its refusals, the thread and its attachments, the lists."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from shop.quotes import services
from shop.quotes.models import QuoteMessage, Status
from tests.factories import PartnerFactory, UserFactory
from tests.factories.quotes import QuoteRequestFactory, accepted_request, send_quote
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def fr(text):
    with translation.override("fr"):
        return gettext(text)


@pytest.fixture
def world():
    """Two creators, two clients, one request each (client_a → creator_a, b → b)."""
    partner_a, partner_b = PartnerFactory(), PartnerFactory()
    client_a, client_b = UserFactory(), UserFactory()
    request_a = QuoteRequestFactory(client=client_a, partner=partner_a)
    request_b = QuoteRequestFactory(client=client_b, partner=partner_b)
    version_b = send_quote(request_b)
    message_b = services.post_message(
        request_b,
        by=client_b,
        body="Voici le plan",
        files=[SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    return {
        "partner_a": partner_a,
        "partner_b": partner_b,
        "creator_a": partner_a.users.get(),
        "creator_b": partner_b.users.get(),
        "client_a": client_a,
        "client_b": client_b,
        "request_a": request_a,
        "request_b": request_b,
        "version_b": version_b,
        "attachment_b": message_b.attachments.get(),
    }


def test_each_party_sees_the_request_and_staff_too(client, world):
    request_b = world["request_b"]
    client.force_login(world["client_b"])
    assert client.get(request_b.get_absolute_url()).status_code == 200
    client.force_login(world["creator_b"])
    assert client.get(request_b.get_creator_url()).status_code == 200
    editor = UserFactory(is_staff=True)  # communication staff: no view permission
    client.force_login(editor)
    assert client.get(request_b.get_absolute_url()).status_code == 404
    programme_staff = UserFactory(is_staff=True)
    programme_staff.user_permissions.add(Permission.objects.get(codename="view_quoterequest"))
    client.force_login(programme_staff)
    assert client.get(request_b.get_absolute_url()).status_code == 200
    attachment = world["attachment_b"]
    response = client.get(
        reverse("quotes:attachment", kwargs={"pk": request_b.pk, "attachment": attachment.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize("intruder", ["client_a", "creator_a"])
def test_another_users_ids_answer_404(client, world, intruder):
    request_b, version_b = world["request_b"], world["version_b"]
    client.force_login(world[intruder])
    pk = request_b.pk
    gets = [
        request_b.get_absolute_url(),
        request_b.get_creator_url(),
        reverse("quotes:creator-quote", kwargs={"pk": pk}),
        reverse("quotes:attachment", kwargs={"pk": pk, "attachment": world["attachment_b"].pk}),
        # An attachment of B's request under A's own request id.
        reverse(
            "quotes:attachment",
            kwargs={"pk": world["request_a"].pk, "attachment": world["attachment_b"].pk},
        ),
    ]
    # The creator space answers 403 to users without a shop, 404 to other creators.
    refused = {"client_a": 403, "creator_a": 404}[intruder]
    for url in gets:
        expected = refused if "my-shop" in url else 404
        assert client.get(url).status_code == expected, url
    posts = [
        reverse("quotes:accept", kwargs={"pk": pk, "version": version_b.pk}),
        reverse("quotes:decline", kwargs={"pk": pk, "version": version_b.pk}),
        reverse("quotes:cancel", kwargs={"pk": pk}),
        reverse("quotes:pay", kwargs={"pk": pk}),
        reverse("quotes:message", kwargs={"pk": pk}),
        reverse("quotes:creator-quote", kwargs={"pk": pk}),
    ]
    for url in posts:
        expected = refused if "my-shop" in url else 404
        assert client.post(url, {"body": "hello"}).status_code == expected, url
    request_b.refresh_from_db()
    assert request_b.status == Status.QUOTED
    assert QuoteMessage.objects.filter(request=request_b).count() == 1


def test_a_creator_without_a_shop_is_refused_and_anonymous_visitors_sign_in(client, world):
    url = reverse("quotes:creator-list")
    assert client.get(url).status_code == 302
    assert client.get(reverse("quotes:list")).status_code == 302
    response = client.get(world["request_b"].get_absolute_url())
    assert response.status_code == 302
    client.force_login(world["client_a"])
    assert client.get(url).status_code == 403


def test_the_creator_of_the_other_shop_does_not_get_a_quote_form_for_it(client, world):
    client.force_login(world["creator_a"])
    url = reverse("quotes:creator-quote", kwargs={"pk": world["request_b"].pk})
    assert client.get(url).status_code == 404


def quote_data(**overrides):
    values = {
        "lines-TOTAL_FORMS": "4",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "4",
        "lines-MAX_NUM_FORMS": "30",
        "lines-0-label": "Journée de sonorisation",
        "lines-0-quantity": "2",
        "lines-0-unit_price": "1500",
        "lines-1-label": "Transport vers Nador",
        "lines-1-quantity": "1",
        "lines-1-unit_price": "400",
        "deposit_percent": "30",
        "valid_until": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "terms": "Acompte de 30 %.",
    }
    values.update(overrides)
    return values


def test_the_creator_sends_an_itemised_quote(client, world, django_capture_on_commit_callbacks):
    request_a = world["request_a"]
    client.force_login(world["creator_a"])
    url = reverse("quotes:creator-quote", kwargs={"pk": request_a.pk})
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, quote_data())
    assert response.status_code == 302
    request_a.refresh_from_db()
    version = request_a.latest_version()
    assert request_a.status == Status.QUOTED
    assert [(line.label, line.amount) for line in version.lines.all()] == [
        ("Journée de sonorisation", 3000),
        ("Transport vers Nador", 400),
    ]
    assert version.total == 3400
    assert version.deposit_amount == 1020
    assert [m.to for m in mail.outbox] == [[world["client_a"].email]]
    client.force_login(world["client_a"])
    page = client.get(request_a.get_absolute_url())
    assert "Journée de sonorisation" in page.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"deposit_percent": "120"}, "A deposit cannot be more than 100%."),
        ({"deposit_percent": "-5"}, "A deposit cannot be negative."),
        ({"lines-0-unit_price": "-100"}, "An amount cannot be negative."),
        ({"lines-0-quantity": "0"}, "A quantity must be above zero."),
        ({"valid_until": "2020-01-01"}, "This date is in the past."),
        ({"lines-0-label": ""}, "Name this item."),
    ],
)
def test_bad_quotes_are_refused_with_clear_errors(client, world, overrides, message):
    request_a = world["request_a"]
    client.force_login(world["creator_a"])
    url = reverse("quotes:creator-quote", kwargs={"pk": request_a.pk})
    response = client.post(url, quote_data(**overrides))
    assert response.status_code == 400
    assert fr(message) in response.content.decode()
    assert request_a.versions.count() == 0
    assert "Transport vers Nador" in response.content.decode()  # typed values stay


def test_a_quote_without_lines_is_refused(client, world):
    client.force_login(world["creator_a"])
    url = reverse("quotes:creator-quote", kwargs={"pk": world["request_a"].pk})
    empty = {f"lines-{i}-{f}": "" for i in range(2) for f in ("label", "quantity", "unit_price")}
    response = client.post(url, quote_data(**empty))
    assert response.status_code == 400
    assert fr("Add at least one line to the quote.") in response.content.decode()


def test_the_price_cannot_change_after_acceptance_through_the_form(client):
    quote_request = accepted_request()
    client.force_login(quote_request.partner.users.get())
    url = reverse("quotes:creator-quote", kwargs={"pk": quote_request.pk})
    response = client.post(url, quote_data())
    assert response.status_code == 400
    assert fr("The client accepted a quote: its price can no longer change.") in (
        response.content.decode()
    )
    assert quote_request.versions.count() == 1


def test_accepting_through_the_page_refuses_expired_repeated_and_old_versions(client):
    quote_request = QuoteRequestFactory()
    old = send_quote(quote_request)
    latest = send_quote(quote_request, days=5)
    client.force_login(quote_request.client)
    accept = "quotes:accept"
    response = client.post(reverse(accept, kwargs={"pk": quote_request.pk, "version": old.pk}))
    assert response.status_code == 302
    quote_request.refresh_from_db()
    assert quote_request.status == Status.QUOTED
    type(latest).objects.filter(pk=latest.pk).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    response = client.post(
        reverse(accept, kwargs={"pk": quote_request.pk, "version": latest.pk}), follow=True
    )
    assert fr("This quote has expired: ask the creator for a new one.") in (
        response.content.decode()
    )
    quote_request.refresh_from_db()
    assert quote_request.status == Status.QUOTED


def test_declining_and_cancelling_through_the_pages(client, world):
    request_b = world["request_b"]
    client.force_login(world["client_b"])
    url = reverse("quotes:decline", kwargs={"pk": request_b.pk, "version": world["version_b"].pk})
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    request_b.refresh_from_db()
    assert request_b.status == Status.DECLINED
    client.force_login(world["creator_a"])
    assert (
        client.post(reverse("quotes:cancel", kwargs={"pk": world["request_a"].pk})).status_code
        == 302
    )
    world["request_a"].refresh_from_db()
    assert world["request_a"].status == Status.CANCELLED


def test_messages_with_attachments_reach_the_other_party(
    client, world, django_capture_on_commit_callbacks
):
    request_a = world["request_a"]
    client.force_login(world["creator_a"])
    url = reverse("quotes:message", kwargs={"pk": request_a.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "body": "Avez-vous un plan de la scène ?",
                "attachments": [SimpleUploadedFile("devis.pdf", b"%PDF-1.4\n%%EOF\n")],
            },
        )
    assert response.status_code == 302
    message = request_a.messages.get()
    assert message.author == world["creator_a"]
    assert message.attachments.get().name == "devis.pdf"
    assert [m.to for m in mail.outbox] == [[world["client_a"].email]]
    client.force_login(world["client_a"])
    page = client.get(request_a.get_absolute_url())
    assert "Avez-vous un plan de la scène ?" in page.content.decode()
    attachment_url = reverse(
        "quotes:attachment", kwargs={"pk": request_a.pk, "attachment": message.attachments.get().pk}
    )
    assert attachment_url in page.content.decode()
    assert client.get(attachment_url).status_code == 200
    response = client.post(url, {"body": ""})
    assert response.status_code == 400


def _many(partner, client_user, n):
    for _ in range(n):
        quote_request = QuoteRequestFactory(partner=partner, client=client_user)
        send_quote(quote_request)


def test_the_lists_run_a_fixed_number_of_queries(client):
    partner = PartnerFactory()
    buyer = UserFactory()
    _many(partner, buyer, 2)
    client.force_login(buyer)
    client.get(reverse("quotes:list"))  # warm the per-process caches (content types, site)
    few_client = count_queries(client, reverse("quotes:list"))
    client.force_login(partner.users.get())
    client.get(reverse("quotes:creator-list"))
    few_creator = count_queries(client, reverse("quotes:creator-list"))
    _many(partner, buyer, 8)
    accepted_request(partner=partner, client=buyer)
    client.force_login(buyer)
    assert count_queries(client, reverse("quotes:list")) == few_client
    client.force_login(partner.users.get())
    assert count_queries(client, reverse("quotes:creator-list")) == few_creator


def test_the_lists_show_only_ones_own_requests(client, world):
    client.force_login(world["client_a"])
    response = client.get(reverse("quotes:list"))
    assert list(response.context["quote_requests"]) == [world["request_a"]]
    client.force_login(world["creator_b"])
    response = client.get(reverse("quotes:creator-list"))
    assert list(response.context["quote_requests"]) == [world["request_b"]]
    response = client.get(reverse("quotes:creator-list") + "?status=requested")
    assert list(response.context["quote_requests"]) == []


def test_the_creator_nav_shows_the_quotes_awaiting_an_answer(client, world):
    QuoteRequestFactory(partner=world["partner_a"])
    client.force_login(world["creator_a"])
    page = client.get(reverse("creators:summary")).content.decode()
    assert reverse("quotes:creator-list") in page
    assert 'text-bg-danger">2<' in page


def test_staff_read_requests_in_the_django_admin(client, world):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    request_b = world["request_b"]
    assert client.get("/django-admin/quotes/quoterequest/").status_code == 200
    page = client.get(f"/django-admin/quotes/quoterequest/{request_b.pk}/change/")
    assert page.status_code == 200
    assert "Voici le plan" in page.content.decode()
    response = client.post(
        f"/django-admin/quotes/quoterequest/{request_b.pk}/change/", {"status": "completed"}
    )
    assert response.status_code == 403
    request_b.refresh_from_db()
    assert request_b.status == Status.QUOTED
