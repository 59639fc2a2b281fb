"""The creator space as an installable app, and the L'Karfour stand screen without network.

Chromium (Playwright) against the live server: the service worker really installs, the
network is really cut (``context.set_offline``), the sales really wait in IndexedDB."""

import re
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from shop.order.models import MarketSale, Order
from shop.partner.models import StockRecord
from tests.factories import ProductFactory
from tests.factories.market import StandFactory
from tests.factories.orders import order_of
from tests.factories.partner import creator_with_shop
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.browser

STAND = "/{lang}/shop/my-shop/stand/"


def sign_in(page, live_server, user, lang="fr"):
    page.goto(f"{live_server.url}/{lang}/shop/accounts/login/?next=/{lang}/shop/my-shop/stand/")
    page.locator("#id_login-username").fill(user.email)
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator('button[name="login_submit"]').click()
    expect(page).to_have_url(re.compile(rf"/{lang}/shop/my-shop/stand/$"))


def wait_for_the_app(page):
    """The service worker controls the page and the stand's shell is kept for offline use."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=15000)
    page.wait_for_function(
        """async () => {
            const names = await caches.keys();
            const stand = names.find((name) => name.startsWith("takafamap-stand-"));
            if (!stand) return false;
            return !!(await (await caches.open(stand)).match(location.pathname));
        }""",
        timeout=15000,
    )


def record_sale(page, title, quantity="1", cash=None):
    page.locator(".stand-product", has_text=title).click()
    page.locator("#stand-quantity").fill(quantity)
    if cash is not None:
        page.locator("#stand-cash").fill(cash)
    page.locator(".stand-submit").click()


@pytest.fixture
def creator():
    user = creator_with_shop(name="Atelier Lumière")
    StandFactory(partner=user.shop, number="12")
    return user


@pytest.fixture
def profile_page(browser_type, browser_type_launch_args, tmp_path):
    """A page in a real (not incognito) profile: Chromium never offers to install an app
    from an incognito window, which is what Playwright's ordinary contexts are."""
    context = browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        **browser_type_launch_args,
        locale="fr-FR",
        viewport={"width": 390, "height": 844},
    )
    yield context.pages[0] if context.pages else context.new_page()
    context.close()


def test_the_creator_space_is_installable(profile_page, live_server, creator):
    page = profile_page
    errors_seen = []
    page.on("pageerror", lambda error: errors_seen.append(str(error)))
    ProductFactory(partner=creator.shop, kind="physical", title="Lampe en cuivre")
    sign_in(page, live_server, creator)
    wait_for_the_app(page)

    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []

    data = page.request.get(f"{live_server.url}/ar/manifest.webmanifest").json()
    assert (data["lang"], data["dir"], data["start_url"]) == ("ar", "rtl", "/ar/shop/my-shop/")
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}
    assert any(icon.get("purpose") == "maskable" for icon in data["icons"])
    sw = page.request.get(f"{live_server.url}/sw.js")
    assert sw.headers["content-type"].startswith("text/javascript")
    assert "no-cache" in sw.headers["cache-control"]
    assert errors_seen == []


def test_three_sales_recorded_offline_reach_the_server_once(page, live_server, creator):
    lamp = ProductFactory(
        partner=creator.shop,
        kind="physical",
        title="Lampe en cuivre",
        num_in_stock=10,
        price=Decimal("120"),
    )
    sign_in(page, live_server, creator)
    wait_for_the_app(page)

    page.context.set_offline(True)
    page.reload()  # the shell the phone kept, served by the service worker
    expect(page.locator("h1")).to_contain_text("Stand L'Karfour")
    for quantity in ("1", "2", "1"):
        record_sale(page, "Lampe en cuivre", quantity)
    expect(page.locator("#stand-local-sales .is-pending")).to_have_count(3)
    expect(page.locator("#stand-status")).to_contain_text("3")
    assert MarketSale.objects.count() == 0
    # Any other page, without network: the offline page, in the page's language.
    page.goto(f"{live_server.url}/ar/shop/my-shop/orders/")
    expect(page.locator("h1")).to_have_text("لا توجد شبكة")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.goto(f"{live_server.url}/fr/shop/my-shop/stand/")

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#stand-local-sales .is-sent")).to_have_count(3, timeout=15000)
    assert MarketSale.objects.count() == 3
    assert StockRecord.objects.get(product=lamp).num_in_stock == 6
    assert sorted(MarketSale.objects.values_list("cash_received", flat=True)) == [
        Decimal("120"),
        Decimal("120"),
        Decimal("240"),
    ]

    # The answers got lost twice: the phone sends the same sales again, twice.
    for _ in range(2):
        page.evaluate(
            """async () => {
                const sales = self.TakafamapSales;
                const creator = await sales.currentCreator();
                const all = await sales.salesOf(creator);
                const db = await new Promise((ok) => {
                    const r = indexedDB.open("takafamap-stand", 1);
                    r.onsuccess = () => ok(r.result);
                });
                await Promise.all(all.map((sale) => new Promise((ok) => {
                    const tx = db.transaction("sales", "readwrite");
                    tx.objectStore("sales").put({ ...sale, state: "pending" });
                    tx.oncomplete = ok;
                })));
                return sales.sendCurrent();
            }"""
        )
    assert MarketSale.objects.count() == 3
    assert StockRecord.objects.get(product=lamp).num_in_stock == 6


def test_the_last_item_sold_at_the_stand_and_online_shows_one_conflict(page, live_server, creator):
    lamp = ProductFactory(
        partner=creator.shop, kind="physical", title="Lampe en cuivre", num_in_stock=1
    )
    sign_in(page, live_server, creator)
    wait_for_the_app(page)

    page.context.set_offline(True)
    record_sale(page, "Lampe en cuivre", "1", "250")
    order = order_of([(lamp, 1)])  # meanwhile a client checks out the same lamp online
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#stand-local-sales .is-sent")).to_have_count(1, timeout=15000)

    assert Order.objects.count() == 1
    assert MarketSale.objects.count() == 1
    assert MarketSale.objects.filter(shortfall=1, conflict_orders=order).count() == 1
    expect(page.locator("#stand-local-sales .stand-sale-conflict")).to_contain_text(
        str(order.number)
    )
    page.reload()
    conflicts = page.locator("#stand-received .is-conflict")
    expect(conflicts).to_have_count(1)
    expect(conflicts).to_contain_text(str(order.number))


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_stand_screen_at_360px_is_accessible(page, live_server, creator, lang):
    ProductFactory(partner=creator.shop, kind="physical", title="Lampe en cuivre")
    ProductFactory(partner=creator.shop, kind="physical", title="Affiche du festival")
    page.set_viewport_size({"width": 360, "height": 760})
    sign_in(page, live_server, creator, lang)
    record_sale(page, "Lampe en cuivre", "1", "250")
    expect(page.locator("#stand-local-sales li")).to_have_count(1, timeout=15000)
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
    # Nothing wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.screenshot(path=f"/tmp/stand-{lang}.png", full_page=True)


def test_sign_out_warns_of_unsent_sales_keeps_them_and_forgets_the_page(page, live_server, creator):
    ProductFactory(partner=creator.shop, kind="physical", title="Lampe en cuivre")
    sign_in(page, live_server, creator)
    wait_for_the_app(page)
    # The hall's network: the page's and the service worker's requests fail.
    page.context.route("**/stand/sales/", lambda route: route.abort())
    record_sale(page, "Lampe en cuivre", "1", "250")
    expect(page.locator("#stand-local-sales .is-pending")).to_have_count(1)

    with page.expect_event("dialog") as asked:
        page.locator(".topbar-signout button").click(no_wait_after=True)
    assert "(1)" in asked.value.message
    asked.value.dismiss()  # stay signed in
    expect(page.locator("#stand-local-sales .is-pending")).to_have_count(1)
    with page.expect_event("dialog") as asked:
        page.locator(".topbar-signout button").click(no_wait_after=True)
    asked.value.accept()
    expect(page.locator(".topbar-signout")).to_have_count(0)

    # The page after sign-out has no TakafamapSales (nobody signed in): read IndexedDB itself.
    kept = page.evaluate(
        """async () => {
            const shells = (await caches.keys()).filter((n) => n.startsWith("takafamap-stand-"));
            const db = await new Promise((ok) => {
                const r = indexedDB.open("takafamap-stand", 1);
                r.onsuccess = () => ok(r.result);
            });
            const sales = await new Promise((ok) => {
                const r = db.transaction("sales").objectStore("sales").getAll();
                r.onsuccess = () => ok(r.result);
            });
            return { shells, pending: sales.filter((s) => s.state === "pending").length };
        }"""
    )
    assert kept == {"shells": [], "pending": 1}
    assert MarketSale.objects.count() == 0

    page.context.unroute("**/stand/sales/")
    sign_in(page, live_server, creator)
    expect(page.locator("#stand-local-sales .is-sent")).to_have_count(1, timeout=15000)
    assert MarketSale.objects.count() == 1
