from django import forms
from django.utils.translation import gettext as _

from .models import NotificationPreference
from .preferences import CLIENT_KINDS, PUSH_ONLY_KINDS


class PreferencesForm(forms.Form):
    """Two boxes per kind the person can receive: push, and email where one exists."""

    def __init__(self, *args, kinds=(), initial=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = list(kinds)
        labels = dict(NotificationPreference.Kind.choices)
        initial = initial or {}
        for kind in self.kinds:
            chosen = initial.get(kind, {"push": True, "email": True})
            self.fields[f"{kind}-push"] = forms.BooleanField(
                label=_("Push: %(kind)s") % {"kind": labels[kind]},
                required=False,
                initial=chosen["push"],
            )
            if kind not in PUSH_ONLY_KINDS:
                self.fields[f"{kind}-email"] = forms.BooleanField(
                    label=_("Email: %(kind)s") % {"kind": labels[kind]},
                    required=False,
                    initial=chosen["email"],
                )

    def creator_rows(self):
        return [row for row in self.rows() if row[0] not in CLIENT_KINDS]

    def client_rows(self):
        return [row for row in self.rows() if row[0] in CLIENT_KINDS]

    def rows(self):
        """``(kind, label, push field, email field or None)`` for the template's table."""
        labels = dict(NotificationPreference.Kind.choices)
        return [
            (
                kind,
                labels[kind],
                self[f"{kind}-push"],
                self[f"{kind}-email"] if f"{kind}-email" in self.fields else None,
            )
            for kind in self.kinds
        ]

    def choices(self):
        return {
            kind: {
                "push": self.cleaned_data[f"{kind}-push"],
                "email": self.cleaned_data.get(f"{kind}-email", False),
            }
            for kind in self.kinds
        }
