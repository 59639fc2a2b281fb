"""The contact form's submissions list in Wagtail's admin, with a formula-safe export."""

from wagtail.contrib.forms.views import SubmissionsListView

from core.spreadsheets import SafeSpreadsheetExportMixin


class SafeSubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """Wagtail's submissions list; its CSV/XLSX export never holds a live formula."""
