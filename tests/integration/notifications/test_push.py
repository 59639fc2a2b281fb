"""Web Push at the HTTP boundary: the site POSTs to a stand-in push service
(tests/pushservice.py) that checks the VAPID signature and decrypts the RFC 8291 payload
with the browser-side keys, as a real browser would."""

import json

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import translation

from core import notify
from notifications.models import NotificationPreference, PushSubscription
from shop.order.models import OrderPart
from shop.order.services import set_part_status
from shop.payouts.models import Payout
from tests.factories import PartnerFactory, UserFactory
from tests.factories.quotes import QuoteRequestFactory, send_quote

from .conftest import guest_checkout, subscribe, url

pytestmark = pytest.mark.django_db

BASE = settings.BASE_URL.rstrip("/")


def in_language(language, message, **values):
    with translation.override(language):
        return translation.gettext(message) % values


def choose(client, choices):
    """Save the preferences page with ``choices`` ({kind: (push, email)}); others stay on."""
    page = client.get(url("notifications:preferences"))
    data = {}
    for name, field in page.context["form"].fields.items():
        kind, channel = name.rsplit("-", 1)
        push, email = choices.get(kind, (True, True))
        if (push if channel == "push" else email) and field:
            data[name] = "on"
    response = client.post(url("notifications:preferences"), data)
    assert response.status_code == 302


# --------------------------------------------------------------------------------------
# Subscribing
# --------------------------------------------------------------------------------------
def test_subscribe_stores_the_device_in_its_language(client, creator, push_service):
    client.force_login(creator)
    device = push_service.new_device()

    response = subscribe(client, device, language="ar")

    assert response.status_code == 201
    row = PushSubscription.objects.get()
    assert (row.user, row.endpoint, row.language) == (creator, device.endpoint, "ar")
    assert row.user_agent == "Chrome · Android"
    assert row.session_key == client.session.session_key
    # Subscribing again (the page reloaded) keeps one row.
    assert subscribe(client, device, language="ar").status_code == 200
    assert PushSubscription.objects.count() == 1


def test_subscribe_needs_a_signed_in_user_and_the_csrf_token(creator, push_service):
    device = push_service.new_device()
    anonymous = Client()
    assert subscribe(anonymous, device).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(creator)
    assert subscribe(strict, device).status_code == 403
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"endpoint": "http://10.0.0.5/internal"},  # not a push service: never POSTed to
        {"endpoint": "https://evil.example.com/push/1"},
        {"keys": {"p256dh": "not-a-key", "auth": "AAAAAAAAAAAAAAAAAAAAAA"}},
        {"keys": {}},
    ],
)
def test_bad_subscriptions_are_refused_with_a_message(client, creator, push_service, change):
    client.force_login(creator)
    data = {**push_service.new_device().subscription(language="fr"), **change}
    response = client.post("/push/subscribe/", data, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]
    assert not PushSubscription.objects.exists()


def test_malformed_json_is_a_400_not_a_500(client, creator, vapid):
    client.force_login(creator)
    for body in ("{not json", "[]", '"text"'):
        response = client.post("/push/subscribe/", body, content_type="application/json")
        assert response.status_code == 400


def health_details(client, settings):
    settings.HEALTHZ_TOKEN = "monitor-token"
    return client.get("/healthz", HTTP_AUTHORIZATION="Bearer monitor-token").json()


def test_push_off_without_vapid_keys(client, creator, settings):
    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = ""
    health = health_details(client, settings)
    assert health["push"] == {
        "ok": True,
        "enabled": False,
        "fallback": "email only (VAPID keys not set)",
    }
    client.force_login(creator)
    page = client.get(url("notifications:preferences"))
    assert page.status_code == 200 and b'data-configured="0"' in page.content


def test_healthz_says_push_is_on(client, vapid, settings):
    assert health_details(client, settings)["push"] == {"ok": True, "enabled": True}


# --------------------------------------------------------------------------------------
# Delivery
# --------------------------------------------------------------------------------------
def test_a_new_order_sends_one_encrypted_notice_in_the_device_language(
    client, creator, shop, push_service, django_capture_on_commit_callbacks
):
    device = push_service.new_device()
    creator_client = Client()
    creator_client.force_login(creator)
    subscribe(creator_client, device, language="ar")

    guest_checkout(client, shop, django_capture_on_commit_callbacks)

    part = OrderPart.objects.get()
    assert push_service.refused() == []
    [notice] = push_service.received_by(device)
    payload = notice.payload
    title = in_language("ar", "New order %(number)s", number=part.order.number)
    assert payload["title"] == title and title != f"New order {part.order.number}"
    assert payload["body"] == in_language(
        "ar", "A client ordered from %(shop)s. Open it to confirm the order.", shop=shop.name
    )
    assert payload["url"] == BASE + url("creator_orders:detail", "ar", pk=part.pk)
    assert payload["url"].startswith(BASE + "/ar/")
    assert (payload["lang"], payload["dir"]) == ("ar", "rtl")
    assert notice.claims["sub"] == "mailto:ops@takafamap.ma"
    assert PushSubscription.objects.get().last_used_at is not None


def test_a_gone_subscription_is_deleted(
    client, creator, shop, push_service, django_capture_on_commit_callbacks
):
    gone, alive = push_service.new_device(), push_service.new_device()
    for device in (gone, alive):
        creator_client = Client()
        creator_client.force_login(creator)
        subscribe(creator_client, device)
    push_service.answer_with(gone, 410)

    guest_checkout(client, shop, django_capture_on_commit_callbacks)

    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [alive.endpoint]
    assert len(push_service.received_by(alive)) == 1


def test_a_signed_out_device_receives_nothing_more(
    client, creator, shop, push_service, django_capture_on_commit_callbacks
):
    phone, laptop = push_service.new_device(), push_service.new_device()
    phone_client, laptop_client = Client(), Client()
    for browser, device in ((phone_client, phone), (laptop_client, laptop)):
        browser.force_login(creator)
        assert subscribe(browser, device).status_code == 201

    response = phone_client.post(url("customer:logout"))
    assert response.status_code == 302

    guest_checkout(client, shop, django_capture_on_commit_callbacks)
    assert push_service.received_by(phone) == []
    assert len(push_service.received_by(laptop)) == 1  # still signed in there
    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [laptop.endpoint]


# --------------------------------------------------------------------------------------
# Choices per kind
# --------------------------------------------------------------------------------------
def test_email_only_sends_no_push(
    client, creator, shop, push_service, django_capture_on_commit_callbacks
):
    device = push_service.new_device()
    creator_client = Client()
    creator_client.force_login(creator)
    subscribe(creator_client, device)
    choose(creator_client, {notify.NEW_ORDER: (False, True)})

    guest_checkout(client, shop, django_capture_on_commit_callbacks)

    assert push_service.notices == []
    assert creator.email in [message.to[0] for message in mail.outbox]


def test_push_only_sends_no_email(
    client, creator, shop, push_service, django_capture_on_commit_callbacks
):
    device = push_service.new_device()
    creator_client = Client()
    creator_client.force_login(creator)
    subscribe(creator_client, device)
    choose(creator_client, {notify.NEW_ORDER: (True, False)})

    guest_checkout(client, shop, django_capture_on_commit_callbacks)

    assert len(push_service.received_by(device)) == 1
    recipients = [message.to[0] for message in mail.outbox]
    assert "nadia@example.ma" in recipients  # the client's receipt is unchanged
    assert creator.email not in recipients


def test_push_only_without_any_device_still_emails(
    client, creator, shop, push_service, django_capture_on_commit_callbacks
):
    creator_client = Client()
    creator_client.force_login(creator)
    choose(creator_client, {notify.NEW_ORDER: (True, False)})

    guest_checkout(client, shop, django_capture_on_commit_callbacks)

    assert creator.email in [message.to[0] for message in mail.outbox]


def test_a_client_is_told_when_their_quote_is_answered(
    push_service, django_capture_on_commit_callbacks
):
    quote_request = QuoteRequestFactory()
    client_user = quote_request.client
    browser = Client()
    browser.force_login(client_user)
    device = push_service.new_device()
    subscribe(browser, device, language="fr")
    choose(browser, {notify.QUOTE_ANSWERED: (True, False)})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        send_quote(quote_request)

    [notice] = push_service.received_by(device)
    assert notice.payload["title"] == in_language("fr", "Your quote is ready")
    assert notice.payload["url"] == BASE + url("quotes:detail", "fr", pk=quote_request.pk)
    assert (notice.payload["lang"], notice.payload["dir"]) == ("fr", "ltr")
    assert client_user.email not in [message.to[0] for message in mail.outbox]


def test_a_quote_request_reaches_the_creator(push_service, django_capture_on_commit_callbacks):
    from shop.quotes import services

    quote_request = QuoteRequestFactory.build(partner=PartnerFactory(), client=UserFactory())
    creator = quote_request.partner.users.get()
    browser = Client()
    browser.force_login(creator)
    device = push_service.new_device()
    subscribe(browser, device, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        services.create_request(quote_request)

    [notice] = push_service.received_by(device)
    assert notice.payload["title"] == "New quote request"
    assert notice.payload["url"] == BASE + url("quotes:creator-detail", "en", pk=quote_request.pk)


def test_a_creator_is_told_of_a_cancellation_by_the_staff_not_by_themselves(
    client, creator, shop, push_service, django_capture_on_commit_callbacks
):
    device = push_service.new_device()
    browser = Client()
    browser.force_login(creator)
    subscribe(browser, device)
    guest_checkout(client, shop, django_capture_on_commit_callbacks)
    part = OrderPart.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        set_part_status(part, OrderPart.Status.CANCELLED, by=None, reason="Rupture de stock")

    notices = push_service.received_by(device)
    assert [n.payload["title"] for n in notices] == [
        in_language("fr", "New order %(number)s", number=part.order.number),
        in_language("fr", "Order %(number)s cancelled", number=part.order.number),
    ]
    assert notices[1].payload["body"] == "Rupture de stock"


def test_a_payout_reaches_the_creator(
    creator, shop, push_service, django_capture_on_commit_callbacks
):
    device = push_service.new_device()
    browser = Client()
    browser.force_login(creator)
    subscribe(browser, device)

    with django_capture_on_commit_callbacks(execute=True):
        Payout.objects.create(
            partner=shop, date="2026-12-01", amount="1500.00", bank_reference="VIR-9"
        )

    [notice] = push_service.received_by(device)
    assert notice.payload["url"] == BASE + url("payouts:earnings")
    assert "1500" in notice.payload["body"] and "VIR-9" in notice.payload["body"]


def test_the_preferences_page_lists_kinds_by_role(client, creator, vapid):
    client.force_login(creator)
    kinds = set(client.get(url("notifications:preferences")).context["form"].fields)
    assert {"new_order-push", "payout_sent-push", "quote_answered-email"} <= kinds
    assert "payout_sent-email" not in kinds  # no email exists for payouts
    buyer = Client()
    buyer.force_login(UserFactory())
    kinds = set(buyer.get(url("notifications:preferences")).context["form"].fields)
    assert kinds == {
        "quote_answered-push",
        "quote_answered-email",
        "order_status-push",
        "order_status-email",
    }


def test_the_preferences_page_in_arabic_is_rtl(client, creator, vapid):
    client.force_login(creator)
    page = client.get(url("notifications:preferences", "ar"))
    assert page.status_code == 200
    assert b'dir="rtl"' in page.content
    assert in_language("ar", "Notification settings").encode() in page.content
    assert b'data-language="ar"' in page.content


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_preferences_page_has_no_untranslated_sentence(client, creator, push_service, language):
    from tests.untranslated import report, untranslated

    client.force_login(creator)
    subscribe(client, push_service.new_device(), language=language)
    page = client.get(url("notifications:preferences", language))
    found = untranslated(page.content.decode(), language, (creator.get_full_name(),))
    assert not found, report("notification settings", found)


def test_preferences_need_a_signed_in_user(client):
    response = client.get(url("notifications:preferences"))
    assert response.status_code == 302 and "login" in response.url


# --------------------------------------------------------------------------------------
# One person never touches another's devices
# --------------------------------------------------------------------------------------
def test_a_user_cannot_remove_or_read_another_users_subscription(creator, push_service):
    device = push_service.new_device()
    owner = Client()
    owner.force_login(creator)
    subscribe(owner, device)
    row = PushSubscription.objects.get()
    intruder = Client()
    intruder.force_login(UserFactory())

    body = json.dumps({"endpoint": device.endpoint})
    response = intruder.post("/push/unsubscribe/", body, content_type="application/json")
    assert response.json() == {"ok": True, "deleted": 0}
    response = intruder.post("/push/status/", body, content_type="application/json")
    assert response.json()["subscribed"] is False
    response = intruder.post(url("notifications:remove-device", pk=row.pk))
    assert response.status_code == 404
    assert PushSubscription.objects.filter(pk=row.pk).exists()

    response = owner.post("/push/status/", body, content_type="application/json")
    assert response.json()["subscribed"] is True
    response = owner.post("/push/unsubscribe/", body, content_type="application/json")
    assert response.json() == {"ok": True, "deleted": 1}
    assert not PushSubscription.objects.exists()


def test_the_same_browser_passes_from_one_user_to_the_next_but_not_a_copied_endpoint(
    creator, push_service
):
    device = push_service.new_device()
    subscribe(Client(), device)  # anonymous: refused
    first = Client()
    first.force_login(creator)
    subscribe(first, device)
    intruder = Client()
    intruder.force_login(UserFactory())
    copied = {**device.subscription(), "keys": push_service.new_device().subscription()["keys"]}
    response = intruder.post("/push/subscribe/", copied, content_type="application/json")
    assert response.status_code == 403
    assert PushSubscription.objects.get().user == creator

    next_person = UserFactory()
    browser = Client()
    browser.force_login(next_person)
    assert subscribe(browser, device).status_code == 200  # same browser, same keys
    assert PushSubscription.objects.get().user == next_person


def test_the_service_worker_renews_a_subscription_with_the_old_secret(creator, push_service):
    old, new = push_service.new_device(), push_service.new_device()
    browser = Client()
    browser.force_login(creator)
    subscribe(browser, old, language="ar")
    old_auth = old.subscription()["keys"]["auth"]
    worker = Client(enforce_csrf_checks=True)  # a service worker has no CSRF token

    wrong = {**new.subscription(), "old_endpoint": old.endpoint, "old_auth": "x" * 22}
    response = worker.post("/push/resubscribe/", wrong, content_type="application/json")
    assert response.status_code == 403

    right = {**new.subscription(), "old_endpoint": old.endpoint, "old_auth": old_auth}
    response = worker.post("/push/resubscribe/", right, content_type="application/json")
    assert response.status_code == 200
    row = PushSubscription.objects.get()
    assert (row.endpoint, row.user, row.language) == (new.endpoint, creator, "ar")


def test_vapid_keys_command_prints_a_usable_pair(capsys):
    from django.core.management import call_command
    from py_vapid import Vapid

    call_command("vapid_keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.split())
    vapid = Vapid.from_string(lines["VAPID_PRIVATE_KEY"])
    from cryptography.hazmat.primitives import serialization

    from tests.pushservice import b64url_decode, b64url_encode

    public = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    assert b64url_encode(public) == lines["VAPID_PUBLIC_KEY"]
    assert len(b64url_decode(lines["VAPID_PUBLIC_KEY"])) == 65
    assert lines["VAPID_SUBJECT"].startswith("mailto:")


def test_preference_rows_default_to_both(creator):
    assert not NotificationPreference.objects.exists()
    assert notify.wants_email(creator, notify.NEW_ORDER) is True
