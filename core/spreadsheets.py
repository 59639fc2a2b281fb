"""One writer for every CSV and XLSX export: no cell is ever run as a formula.

A spreadsheet runs a cell starting with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab or
a carriage return) as a formula: a registrant named ``=HYPERLINK(...)`` would become a live
link in the staff's spreadsheet. ``safe_cell`` prefixes such text with an apostrophe, the
usual neutraliser; numbers, dates and
other values stay as they are.

* ``csv_response(filename, header, rows)``: a downloadable CSV (UTF-8 with BOM).
* ``csv_text(header, rows)``: the same CSV as a string.
* ``SafeSpreadsheetExportMixin``: for Wagtail's list views with CSV/XLSX export buttons
  (``SpreadsheetExportMixin``): every exported value goes through ``safe_cell``.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a spreadsheet cell that cannot be a formula (numbers are left as they are)."""
    if value is None:
        return ""
    if isinstance(value, Promise):  # a lazy translation
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row):
    return [safe_cell(value) for value in row]


def write_rows(handle, header, rows):
    writer = csv.writer(handle)
    if header is not None:
        writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row(row))


def csv_text(header, rows):
    out = io.StringIO()
    write_rows(out, header, rows)
    return out.getvalue()


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # spreadsheets open UTF-8 (Arabic names) correctly with a BOM
    write_rows(response, header, rows)
    return response


class SafeSpreadsheetExportMixin:
    """Mix into a Wagtail view using ``SpreadsheetExportMixin`` (before it)."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))
