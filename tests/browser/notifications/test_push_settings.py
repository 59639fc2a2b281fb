"""Notification settings in Chromium: push.js turns push on for the device (the browser's
push service replaced by the stand-in, tests/pushservice.py), the service worker's handler
shows what the stand-in decrypted, signing out stops the notices; the page at 360 px in
Arabic and French."""

import json

import pytest
from django.conf import settings
from playwright.sync_api import expect

from notifications.management.commands.vapid_keys import generate
from notifications.models import PushSubscription
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.orders import order_of
from tests.factories.users import PASSWORD
from tests.pushservice import PushService

pytestmark = [pytest.mark.browser, pytest.mark.urls("tests.browser.notifications.urls")]

# PushManager stands in for the browser's: Chromium's own needs Google's push servers.
FAKE_PUSH_MANAGER = """
(() => {
  const fake = %s;
  let current = null;
  const make = () => ({
    endpoint: fake.endpoint,
    toJSON: () => fake,
    unsubscribe: () => { current = null; return Promise.resolve(true); },
  });
  PushManager.prototype.subscribe = function () {
    current = make();
    return Promise.resolve(current);
  };
  PushManager.prototype.getSubscription = function () { return Promise.resolve(current); };
})();
"""

NOTIFICATIONS = """
navigator.serviceWorker.getRegistration("/").then(r => r.getNotifications()).then(list =>
  list.map(n => ({title: n.title, body: n.body, lang: n.lang, dir: n.dir, url: n.data.url})))
"""


@pytest.fixture
def push_on(settings):
    public, private = generate()
    settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = public, private
    settings.WEBPUSH_INSECURE_HOSTS = ("127.0.0.1",)
    with PushService(vapid_public_key=public) as service:
        yield service


def sign_in(page, base, email, language="fr"):
    page.goto(f"{base}/{language}/shop/accounts/login/")
    page.locator("#id_login-username").fill(email)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator('button[name="login_submit"]').click()


def test_turn_on_receive_in_arabic_and_sign_out(
    browser, live_server, push_on, console_errors, tmp_path
):
    shop = PartnerFactory(name="Atelier Salma")
    product = ProductFactory(kind="physical", partner=shop, num_in_stock=5, title="Tirage")
    creator = shop.users.get()
    device = push_on.new_device()
    base = live_server.url
    context = browser.new_context(locale="ar-MA", viewport={"width": 360, "height": 780})
    context.grant_permissions(["notifications"], origin=base)
    context.add_init_script(FAKE_PUSH_MANAGER % json.dumps(device.subscription()))
    page = context.new_page()
    page.on("pageerror", lambda error: console_errors.append(str(error)))

    sign_in(page, base, creator.email, "ar")
    # The site's service worker is the other half of the app; a test-only one imports the
    # push handlers (static/js/sw-push.js).
    page.goto(f"{base}/ar/shop/accounts/notification-settings/")
    page.evaluate("navigator.serviceWorker.register('/test-sw-push.js', {scope: '/'})")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    status = page.locator("[data-push-status]")
    expect(status).to_have_text("الإشعارات غير مفعّلة على هذا الجهاز.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(tmp_path / "settings-ar.png"), full_page=True)

    page.get_by_role("button", name="تفعيل الإشعارات على هذا الجهاز").click()
    expect(status).to_have_text("الإشعارات مفعّلة على هذا الجهاز.")
    row = PushSubscription.objects.get()
    assert (row.user, row.endpoint, row.language) == (creator, device.endpoint, "ar")

    # A new order: the stand-in receives one notice, in Arabic, for the part's page.
    order = order_of([(product, 1)])
    [notice] = push_on.received_by(device)
    part = order.parts.get()
    expected_url = f"{settings.BASE_URL.rstrip('/')}/ar/shop/my-shop/orders/{part.pk}/"
    assert notice.payload["url"] == expected_url
    assert notice.payload["title"] == f"طلب جديد {order.number}"

    # The service worker shows what the browser would have received.
    cdp = context.new_cdp_session(page)
    registrations = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda e: registrations.extend(e["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    page.wait_for_timeout(200)
    registration_id = next(r["registrationId"] for r in registrations if not r["isDeleted"])
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": base, "registrationId": registration_id, "data": json.dumps(notice.payload)},
    )
    shown = []
    for _attempt in range(50):  # showNotification runs in the worker, a moment later
        shown = page.evaluate(NOTIFICATIONS)
        if shown:
            break
        page.wait_for_timeout(100)
    assert shown == [
        {
            "title": notice.payload["title"],
            "body": notice.payload["body"],
            "lang": "ar",
            "dir": "rtl",
            "url": expected_url,
        }
    ]

    # Signing out of this browser: the device receives nothing more.
    page.goto(f"{base}/ar/shop/accounts/logout/")
    # The page checks for unsent stand sales before it submits (static/js/pwa.js): wait for it.
    with page.expect_navigation():
        page.locator("form[action$='/logout/'] button[type=submit]").first.click()
    assert not PushSubscription.objects.exists()
    order_of([(product, 1)])
    assert len(push_on.received_by(device)) == 1
    assert console_errors == []
    context.close()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_settings_page_at_360_px(browser, live_server, push_on, language, tmp_path):
    shop = PartnerFactory(name="Atelier Salma")
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    sign_in(page, live_server.url, shop.users.get().email, language)
    page.goto(f"{live_server.url}/{language}/shop/accounts/notification-settings/")
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("input[name='payout_sent-push']").uncheck()
    page.locator("form.notification-choices button[type=submit]").click()
    expect(page.locator("input[name='payout_sent-push']")).not_to_be_checked()
    page.screenshot(path=str(tmp_path / f"settings-{language}.png"), full_page=True)
    context.close()
