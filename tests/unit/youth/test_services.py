"""Deduplication of contacts, consent records and age bands."""

import pytest
from django.test import override_settings
from django.utils import timezone

from directory.models import Province, Sector
from tests.factories import event_page
from tests.factories.youth import ContactFactory
from youth import services
from youth.forms import RegistrationForm
from youth.models import Contact, Registration, age_band, birth_years_for_band

pytestmark = pytest.mark.django_db


def cleaned(**overrides):
    data = {
        "first_name": "Hajar",
        "last_name": "Bouzidi",
        "birth_year": str(timezone.localdate().year - 21),
        "province": str(Province.objects.get(slug="nador").pk),
        "city": "Nador",
        "phone": "0661234567",
        "email": "",
        "interests": [str(Sector.objects.get(slug="image").pk)],
        "consent": "on",
    }
    data.update(overrides)
    form = RegistrationForm({k: v for k, v in data.items() if v is not None})
    assert form.is_valid(), form.errors
    return form.cleaned_data


@pytest.mark.parametrize(
    "typed", ["06 61 23 45 67", "+212661234567", "00212661234567", "+212 6-61-23-45-67"]
)
def test_phone_formats_of_one_number_find_the_same_contact(typed):
    first = services.register(event_page(registration_open=True), cleaned(phone="0661234567"))

    second = services.register(event_page(registration_open=True), cleaned(phone=typed))

    assert second.contact.pk == first.contact.pk
    assert not second.created_contact
    assert Contact.objects.count() == 1
    assert str(Contact.objects.get().phone) == "+212661234567"
    assert second.contact.registrations.count() == 2


def test_email_case_and_spaces_do_not_make_a_second_contact():
    services.register(
        event_page(registration_open=True), cleaned(phone="", email="Hajar.B@Example.MA")
    )

    result = services.register(
        event_page(registration_open=True), cleaned(phone="", email="  hajar.b@example.ma ")
    )

    assert Contact.objects.count() == 1
    assert result.contact.email == "hajar.b@example.ma"


def test_a_new_registration_updates_the_contact_and_adds_interests():
    services.register(event_page(registration_open=True), cleaned(city="Nador"))
    sound = Sector.objects.get(slug="son")

    result = services.register(
        event_page(registration_open=True),
        cleaned(city="Zaïo", email="hajar@example.ma", interests=[str(sound.pk)]),
    )

    contact = Contact.objects.get(pk=result.contact.pk)
    assert contact.city == "Zaïo"
    assert contact.email == "hajar@example.ma"
    assert set(contact.interests.values_list("slug", flat=True)) == {"image", "son"}


def test_phone_of_one_contact_and_email_of_another_with_the_same_name_merge_them():
    by_phone = ContactFactory(
        first_name="Hajar", last_name="Bouzidi", phone="+212661234567", email=""
    )
    by_email = ContactFactory(
        first_name="hajar ", last_name="BOUZIDI", phone="", email="hajar@example.ma"
    )
    old_event = event_page(registration_open=True)
    Registration.objects.create(
        contact=by_email, event=old_event, consent_version="x", consent_at=timezone.now()
    )

    result = services.register(
        event_page(registration_open=True), cleaned(phone="0661234567", email="hajar@example.ma")
    )

    assert Contact.objects.count() == 1
    assert result.contact.pk == by_phone.pk
    assert result.contact.registrations.count() == 2


def test_a_stranger_typing_someone_elses_email_changes_nothing_of_theirs():
    owner = ContactFactory(
        first_name="Hajar", last_name="Bouzidi", phone="", email="hajar@example.ma", city="Nador"
    )
    owner_before = Contact.objects.filter(pk=owner.pk).values().get()
    other = ContactFactory(first_name="Karim", last_name="Alaoui", phone="+212661234567")

    result = services.register(
        event_page(registration_open=True),
        cleaned(
            first_name="Yassine",
            last_name="Tahiri",
            city="Berkane",
            phone="0661234567",
            email="hajar@example.ma",
        ),
    )

    # Neither person on file is rewritten, nor are the two merged.
    assert Contact.objects.filter(pk=owner.pk).values().get() == owner_before
    assert Contact.objects.get(pk=other.pk).first_name == "Karim"
    assert Contact.objects.count() == 2
    assert not result.created_contact
    assert result.registration.contact_id in {owner.pk, other.pk}
    assert result.registration.province.slug == "nador"


def test_the_same_person_adds_a_phone_to_their_contact():
    services.register(
        event_page(registration_open=True), cleaned(phone="", email="hajar@example.ma")
    )

    result = services.register(
        event_page(registration_open=True),
        cleaned(phone="0661234567", email="hajar@example.ma", city="Zaïo"),
    )

    contact = Contact.objects.get()
    assert result.contact.pk == contact.pk
    assert str(contact.phone) == "+212661234567"
    assert contact.city == "Zaïo"


def test_a_registration_records_the_consent_version_and_time():
    before = timezone.now()

    result = services.register(event_page(registration_open=True), cleaned())

    registration = result.registration
    assert registration.consent_version == services.consent_version()
    assert before <= registration.consent_at <= timezone.now()
    assert result.contact.consent_version == registration.consent_version


def test_the_consent_version_changes_with_the_text_shown():
    version = services.consent_version()
    changed = {**services.personal_data_settings(), "cndp_declaration": "D-999/2027"}

    with override_settings(PERSONAL_DATA=changed):
        assert services.consent_version() != version


def test_age_bands_and_their_birth_years_agree():
    year = timezone.localdate().year
    for age, band in [
        (16, "under-18"),
        (18, "18-24"),
        (24, "18-24"),
        (25, "25-30"),
        (31, "over-30"),
    ]:
        assert age_band(year - age) == band
        low, high = birth_years_for_band(band)
        assert (low is None or year - age >= low) and (high is None or year - age <= high)


def test_registering_twice_raises_and_saves_nothing_new():
    event = event_page(registration_open=True)
    services.register(event, cleaned())

    with pytest.raises(services.DuplicateRegistration):
        services.register(event, cleaned(phone="+212 661 23 45 67", city="Oujda"))

    assert Registration.objects.count() == 1
    assert Contact.objects.get().city == "Nador"
