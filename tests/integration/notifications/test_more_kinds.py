"""The other kinds: a client's message (quote thread, directory contact relay), an order's
status for a signed-in client; push health with a broken key; the personal-data rights."""

import pytest
from django.core import mail
from django.test import Client

from core import notify
from notifications.models import NotificationPreference, PushSubscription
from shop.order.models import OrderPart
from shop.order.services import set_part_status
from shop.quotes import services as quotes
from tests.factories import ProfileFactory, UserFactory
from tests.factories.orders import order_of
from tests.factories.quotes import QuoteRequestFactory
from youth import privacy

from .conftest import subscribe, url

pytestmark = pytest.mark.django_db


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def test_a_clients_message_in_a_quote_thread_reaches_the_creator_not_the_client(
    push_service, django_capture_on_commit_callbacks
):
    quote_request = QuoteRequestFactory()
    creator = quote_request.partner.users.get()
    creator_device, client_device = push_service.new_device(), push_service.new_device()
    subscribe(signed_in(creator), creator_device)
    subscribe(signed_in(quote_request.client), client_device)

    with django_capture_on_commit_callbacks(execute=True):
        quotes.post_message(quote_request, by=quote_request.client, body="Et pour 500 personnes ?")
        quotes.post_message(quote_request, by=creator, body="Oui, même prix.")

    [notice] = push_service.received_by(creator_device)
    assert notice.payload["body"] == "Et pour 500 personnes ?"
    assert notice.payload["url"].endswith(url("quotes:creator-detail", pk=quote_request.pk))
    assert push_service.received_by(client_device) == []  # creators' replies: email only


def test_a_directory_message_is_pushed_and_still_emailed(
    client, push_service, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="owner@example.org")
    profile = ProfileFactory(name="Hajar Son", email="", user=owner)
    device = push_service.new_device()
    owner_browser = signed_in(owner)
    subscribe(owner_browser, device)
    # Even "push only": the message itself lives only in the email (reply-to the visitor).
    NotificationPreference.objects.create(
        user=owner, kind=notify.CLIENT_MESSAGE, push=True, email=False
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/fr/directory/{profile.slug}/contact/",
            {
                "name": "Leila Festival",
                "email": "leila@festival.example",
                "phone": "0612345678",
                "message": "Êtes-vous libre le 12 juillet ?",
                "website": "",
            },
        )

    assert response.status_code == 302
    assert [email.to for email in mail.outbox] == [["owner@example.org"]]
    [notice] = push_service.received_by(device)
    assert "Hajar Son" in notice.payload["body"]
    assert notice.payload["url"].endswith(url("directory:my-profiles"))


def test_a_signed_in_client_follows_their_order(
    shop, push_service, django_capture_on_commit_callbacks
):
    buyer = UserFactory()
    device = push_service.new_device()
    subscribe(signed_in(buyer), device, language="en")
    product = shop.stockrecords.get().product
    with django_capture_on_commit_callbacks(execute=True):
        order = order_of([(product, 1)], user=buyer)
    part = OrderPart.objects.get(order=order)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        set_part_status(part, OrderPart.Status.CONFIRMED, by=shop.users.get())

    [notice] = push_service.received_by(device)
    assert notice.payload["title"] == f"Order {order.number}"
    assert notice.payload["body"] == f"{shop.name}: Confirmed"
    assert notice.payload["url"].endswith(url("customer:order", "en", order_number=order.number))
    assert buyer.email in [email.to[0] for email in mail.outbox]  # email on by default


def test_order_status_email_off_for_a_client_with_a_device(
    shop, push_service, django_capture_on_commit_callbacks
):
    buyer = UserFactory()
    subscribe(signed_in(buyer), push_service.new_device())
    NotificationPreference.objects.create(
        user=buyer, kind=notify.ORDER_STATUS, push=True, email=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        order = order_of([(shop.stockrecords.get().product, 1)], user=buyer)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        set_part_status(order.parts.get(), OrderPart.Status.CONFIRMED, by=shop.users.get())

    assert buyer.email not in [email.to[0] for email in mail.outbox]


def test_an_unreadable_private_key_is_reported_and_nothing_breaks(
    client, settings, creator, shop, push_service, django_capture_on_commit_callbacks
):
    subscribe(signed_in(creator), push_service.new_device())
    settings.VAPID_PRIVATE_KEY = "not-a-key"
    settings.HEALTHZ_TOKEN = "monitor-token"

    health = client.get("/healthz", HTTP_AUTHORIZATION="Bearer monitor-token").json()
    assert health["push"]["ok"] is False and health["status"] == "degraded"
    with django_capture_on_commit_callbacks(execute=True):
        order_of([(shop.stockrecords.get().product, 1)])
    assert push_service.notices == []


def test_personal_data_copy_and_erasure(creator, push_service):
    subscribe(signed_in(creator), push_service.new_device())
    NotificationPreference.objects.create(user=creator, kind=notify.PAYOUT_SENT, push=False)

    found = privacy.export_all(email=creator.email.upper())
    [records] = [r for label, r in found.items() if "notification" in label.lower()]
    assert {r["type"] for r in records} == {"push subscription", "notification choice"}
    assert all("endpoint" not in r for r in records)

    privacy.erase_all(email=creator.email)
    assert not PushSubscription.objects.exists()
    assert not NotificationPreference.objects.exists()
