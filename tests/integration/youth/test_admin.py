"""The youth database in Wagtail's admin: who reaches it, filters, exports, access log."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from directory.models import Province, Sector
from tests.factories import PartnerFactory, ProfileFactory, UserFactory, event_page
from tests.factories.youth import ContactFactory, RegistrationFactory
from youth.models import AccessLog

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_youth_contact:list"
LOG_LIST = "wagtailsnippets_youth_accesslog:list"


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _admin_user(*codenames, **fields):
    user = UserFactory(is_staff=True, **fields)
    group = Group.objects.create(name=f"group-{user.pk}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="youth", codename__in=codenames),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def staff():
    return _admin_user("view_contact", "change_contact")


@pytest.fixture
def contacts():
    year = timezone.localdate().year
    nador = Province.objects.get(slug="nador")
    image = Sector.objects.get(slug="image")
    event = event_page(title="Café-débat de Nador")
    young = ContactFactory(province=nador, birth_year=year - 20, email="young@example.ma")
    young.interests.add(image)
    RegistrationFactory(contact=young, event=event)
    older = ContactFactory(birth_year=year - 28, email="older@example.ma")
    return {"young": young, "older": older, "event": event, "nador": nador, "image": image}


def test_staff_with_the_youth_permission_see_the_list_and_the_view_is_logged(
    client, staff, contacts
):
    client.force_login(staff)

    response = client.get(reverse(LIST))

    assert response.status_code == 200
    assert "young@example.ma" in response.content.decode()
    log = AccessLog.objects.get()
    assert log.user == staff
    assert log.action == AccessLog.Action.VIEW
    assert log.row_count == 2


def test_the_arabic_list_names_its_columns_and_writes_phones_left_to_right(client, staff, contacts):
    contacts["young"].phone = "+212661234567"
    contacts["young"].save()
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(staff)

    page = client.get(reverse(LIST)).content.decode()

    assert "الاسم الكامل" in page
    assert "Full name" not in page
    assert '<span dir="ltr">+212661234567</span>' in page


@pytest.mark.parametrize(
    "who",
    [
        "creator",
        "directory_user",
        "editor",
    ],
)
def test_creators_directory_users_and_editors_never_reach_the_contacts(client, contacts, who):
    if who == "creator":
        user = UserFactory()
        PartnerFactory().users.add(user)
    elif who == "directory_user":
        user = ProfileFactory().user
    else:
        user = _admin_user()  # admin access, no youth permission
    client.force_login(user)

    for url in (
        reverse(LIST),
        reverse(LIST) + "?export=csv",
        reverse("wagtailsnippets_youth_contact:inspect", args=[contacts["young"].pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"young@example.ma" not in body(response)
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("province={nador}", {"young"}),
        ("age_band=18-24", {"young"}),
        ("age_band=25-30", {"older"}),
        ("interests={image}", {"young"}),
        ("event={event}", {"young"}),
    ],
)
def test_filters(client, staff, contacts, query, expected):
    client.force_login(staff)
    query = query.format(
        nador=contacts["nador"].pk, image=contacts["image"].pk, event=contacts["event"].pk
    )

    response = client.get(reverse(LIST) + "?" + query + "&export=csv")

    rows = list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))
    emails = {value for row in rows for value in row.values() if value.endswith("@example.ma")}
    assert emails == {contacts[name].email for name in expected}
    log = AccessLog.objects.get()
    key = query.split("=")[0]
    assert log.filters[key] == query.split("=")[1]


def test_csv_export_holds_the_contacts_and_is_logged_with_its_filters(client, staff, contacts):
    client.force_login(staff)

    response = client.get(reverse(LIST) + f"?province={contacts['nador'].pk}&export=csv")

    assert response.status_code == 200
    text = body(response).decode("utf-8-sig")
    assert "young@example.ma" in text
    assert "older@example.ma" not in text
    assert "Café-débat de Nador" in text
    assert str(contacts["young"].phone) in text
    log = AccessLog.objects.get()
    assert log.action == AccessLog.Action.EXPORT_CSV
    assert log.filters == {"province": str(contacts["nador"].pk)}
    assert log.row_count == 1
    assert log.user_label == staff.email


def test_xlsx_export(client, staff, contacts):
    client.force_login(staff)

    response = client.get(reverse(LIST) + "?export=xlsx")

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    values = {cell for row in sheet.iter_rows(values_only=True) for cell in row}
    assert {"young@example.ma", "older@example.ma"} <= values
    assert AccessLog.objects.get().action == AccessLog.Action.EXPORT_XLSX


def test_the_access_log_is_visible_to_superusers_only(client, staff, contacts):
    client.force_login(staff)
    client.get(reverse(LIST))

    assert client.get(reverse(LOG_LIST)).status_code in (302, 403)

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse(LOG_LIST))
    assert response.status_code == 200
    assert staff.email in response.content.decode()


def test_nobody_can_edit_the_access_log(client, contacts):
    AccessLog.objects.create(user_label="x", action=AccessLog.Action.VIEW)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(reverse("wagtailsnippets_youth_accesslog:add"))

    assert response.status_code in (302, 403)


def test_registrations_list_shows_the_waiting_list_and_is_logged(client, contacts):
    staff = _admin_user("view_registration", "change_registration")
    event = contacts["event"]
    RegistrationFactory(event=event, status="waitlisted")
    client.force_login(staff)

    response = client.get(
        reverse("wagtailsnippets_youth_registration:list") + f"?event={event.pk}&status=waitlisted"
    )

    assert response.status_code == 200
    assert len(response.context["object_list"]) == 1
    log = AccessLog.objects.get()
    assert (log.subject, log.filters) == (
        "registrations",
        {"event": str(event.pk), "status": "waitlisted"},
    )
    # Registrations staff do not see the contacts list itself.
    assert client.get(reverse(LIST)).status_code in (302, 403)


def test_staff_closing_a_phone_deletion_request_erases_that_persons_data(client, contacts):
    from youth.models import Contact, DataRequest

    phone = str(contacts["young"].phone)
    request = DataRequest.objects.create(kind="delete", status="call_back", phone=phone)
    client.force_login(_admin_user("view_datarequest", "change_datarequest"))

    response = client.post(
        reverse("wagtailsnippets_youth_datarequest:edit", args=[request.pk]),
        {"status": "done", "staff_note": "Rappelée le 3/12, identité vérifiée."},
    )

    assert response.status_code == 302
    assert not Contact.objects.filter(pk=contacts["young"].pk).exists()
    assert Contact.objects.filter(pk=contacts["older"].pk).exists()
    request.refresh_from_db()
    assert (request.status, str(request.phone)) == ("done", "")
    assert request.items == 2  # the contact and their registration


@pytest.mark.parametrize(
    ("url_name", "codenames"),
    [
        (LIST, ("view_contact",)),
        ("wagtailsnippets_youth_registration:list", ("view_registration",)),
    ],
)
def test_the_lists_cost_the_same_number_of_queries_with_few_or_many_rows(
    client, url_name, codenames
):
    from tests.helpers import count_queries

    client.force_login(_admin_user(*codenames))
    event = event_page()
    for _ in range(2):
        RegistrationFactory(event=event)
    few = count_queries(client, reverse(url_name))
    for _ in range(12):
        RegistrationFactory(event=event_page())

    many = count_queries(client, reverse(url_name))

    assert many == few


# ---- every admin page showing one person's data is logged (issue 20, item 9) ------------
def test_opening_a_contacts_edit_page_is_logged(client, staff, contacts):
    client.force_login(staff)
    young = contacts["young"]

    response = client.get(reverse("wagtailsnippets_youth_contact:edit", args=[young.pk]))

    assert response.status_code == 200
    assert "young@example.ma" in response.content.decode()
    log = AccessLog.objects.get()
    assert (log.user, log.action, log.subject, log.row_count) == (
        staff,
        AccessLog.Action.INSPECT,
        "contacts",
        1,
    )


def test_opening_a_registration_and_the_data_requests_is_logged(client, contacts):
    from youth.models import DataRequest, Registration

    user = _admin_user(
        "view_registration", "change_registration", "view_datarequest", "change_datarequest"
    )
    client.force_login(user)
    registration = Registration.objects.get()
    request = DataRequest.objects.create(kind=DataRequest.Kind.COPY, phone="+212661000001")

    client.get(reverse("wagtailsnippets_youth_registration:edit", args=[registration.pk]))
    client.get(reverse("wagtailsnippets_youth_datarequest:list"))
    client.get(reverse("wagtailsnippets_youth_datarequest:edit", args=[request.pk]))

    assert list(AccessLog.objects.order_by("pk").values_list("action", "subject")) == [
        (AccessLog.Action.INSPECT, "registrations"),
        (AccessLog.Action.VIEW, "data_requests"),
        (AccessLog.Action.INSPECT, "data_requests"),
    ]
