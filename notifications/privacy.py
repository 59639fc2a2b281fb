"""The devices and choices this app holds about a person, for the personal-data rights
(``youth.privacy``: a copy, or erasure, asked for at /<lang>/privacy/my-data/)."""

from django.utils.translation import gettext_lazy as _

from .models import NotificationPreference, PushSubscription


class PushProvider:
    label = _("Devices receiving notifications, and notification choices")

    def export(self, email, phone):
        if not email:
            return []
        records = [
            {
                "type": "push subscription",
                "device": device.user_agent,
                "language": device.language,
                "created_at": device.created_at.isoformat(),
                "last_used_at": device.last_used_at.isoformat() if device.last_used_at else "",
            }
            for device in PushSubscription.objects.filter(user__email__iexact=email)
        ]
        records += [
            {"type": "notification choice", "kind": row.kind, "push": row.push, "email": row.email}
            for row in NotificationPreference.objects.filter(user__email__iexact=email)
        ]
        return records

    def erase(self, email, phone):
        if not email:
            return 0
        devices, _rows = PushSubscription.objects.filter(user__email__iexact=email).delete()
        choices, _rows = NotificationPreference.objects.filter(user__email__iexact=email).delete()
        return devices + choices
