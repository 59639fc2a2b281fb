"""A young person registers for an event from its Arabic page (right to left)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from directory.models import Province, Sector
from tests.factories import event_page, translate
from youth.models import Contact, Registration
from youth.services import consent_version

pytestmark = pytest.mark.browser


def test_registering_for_an_event_in_arabic(page, live_server, console_errors):
    event = event_page(registration_open=True, capacity=40, title="Café-débat à Taourirt")
    arabic = translate(event, "ar", title="مقهى-نقاش في تاوريرت")
    nador = Province.objects.get(slug="nador")
    sound = Sector.objects.get(slug="son")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{arabic.url}")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    form = page.locator("form.registration-form")
    expect(form).to_be_visible()
    # The labels are in Arabic script (whatever their translation), tied to their inputs.
    for name in ("first_name", "birth_year", "phone", "consent"):
        label = form.locator(f"label[for=id_{name}]")
        expect(label).to_have_count(1)
    expect(form.locator("#id_consent")).not_to_be_checked()
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('form.registration-form')).direction"
        )
        == "rtl"
    )

    form.locator("#id_first_name").fill("هاجر")
    form.locator("#id_last_name").fill("بوزيدي")
    form.locator("#id_birth_year").fill(str(timezone.localdate().year - 20))
    form.locator("#id_province").select_option(str(nador.pk))
    form.locator("#id_city").fill("الناظور")
    form.locator("#id_phone").fill("06 61 23 45 67")
    form.locator(f"input[name=interests][value='{sound.pk}']").check()
    # Submitting without the consent box ticked is refused, and what was typed stays.
    form.locator("button[type=submit]").click()
    expect(page.locator("#id_consent.is-invalid")).to_have_count(1)
    expect(page.locator("#id_first_name")).to_have_value("هاجر")
    assert not Contact.objects.exists()

    page.locator("#id_consent").check()
    page.locator("form.registration-form button[type=submit]").click()

    expect(page.locator(".site-messages .alert-success")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    contact = Contact.objects.get()
    assert (contact.first_name, str(contact.phone), contact.language) == (
        "هاجر",
        "+212661234567",
        "ar",
    )
    registration = Registration.objects.get()
    assert registration.event_id == arabic.pk
    assert registration.consent_version == consent_version()
    assert registration.status == Registration.Status.CONFIRMED
    page.screenshot(path="/tmp/h5/register-ar-390.png", full_page=True)
    # The refused submission answered 400 (form errors); nothing else went wrong.
    assert [e for e in console_errors if "status of 400" not in e] == []
