"""Availability messages in the visitor's language, with plural forms.

Oscar's own catalogues leave "In stock (%d available)" untranslated in Arabic and render
"disponible(s)" in French. Oscar loads ``StockRequired`` through ``get_class`` from this
forked module, so these messages come from our catalogues (``ngettext``).
"""

from django.utils.translation import gettext, ngettext
from oscar.apps.partner.availability import *  # noqa: F403
from oscar.apps.partner.availability import StockRequired as OscarStockRequired


class StockRequired(OscarStockRequired):
    def is_purchase_permitted(self, quantity):
        if self.num_available <= 0:
            return False, gettext("No stock available.")
        if quantity > self.num_available:
            return False, ngettext(
                "Only %(count)d can be bought.",
                "A maximum of %(count)d can be bought.",
                self.num_available,
            ) % {"count": self.num_available}
        return True, ""

    @property
    def short_message(self):
        if self.num_available > 0:
            return gettext("In stock")
        return gettext("Unavailable")

    @property
    def message(self):
        if self.num_available > 0:
            return ngettext(
                "In stock (%(count)d available)",
                "In stock (%(count)d available)",
                self.num_available,
            ) % {"count": self.num_available}
        return gettext("Unavailable")
