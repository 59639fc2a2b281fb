"""Personal data held by the hackathon, for the youth app's data-rights registry.

``export`` returns every application sent with the email or phone (with the names of its
attachments) and, as records of their own, the team members listed in those applications.
``erase`` anonymises those applications: names, contact details, texts, team members and
attachments go; the row stays with its call, province, sector and status, so that the
indicators keep counting it anonymously.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Application

ERASED = "—"


def _matching(email, phone):
    query = Q()
    if email:
        query |= Q(email__iexact=email) | Q(applicant__email__iexact=email)
    if phone:
        query |= Q(phone=str(phone))
    if not query:
        return Application.objects.none()
    return Application.objects.filter(query).exclude(holder_name=ERASED)


class HackathonDataProvider:
    label = _("Hackathon applications")

    def export(self, email, phone):
        rows = []
        applications = (
            _matching(email, phone)
            .select_related("call", "sector", "discipline", "province")
            .prefetch_related("members", "attachments")
        )
        for application in applications:
            rows.append(
                {
                    "type": "hackathon_application",
                    "application": application.pk,
                    "call": application.call.title,
                    "submitted": application.created_at.isoformat(),
                    "holder_name": application.holder_name,
                    "email": application.email,
                    "phone": str(application.phone or ""),
                    "project_name": application.project_name,
                    "sector": application.sector.name,
                    "discipline": application.discipline.name,
                    "description": application.description,
                    "stage": application.stage,
                    "needs": application.needs,
                    "province": application.province.name,
                    "city": application.city,
                    "status": application.status,
                    "attachments": ", ".join(a.filename for a in application.attachments.all()),
                }
            )
            rows.extend(
                {
                    "type": "hackathon_team_member",
                    "application": application.pk,
                    "name": member.name,
                    "birth_year": member.birth_year,
                    "role": member.role,
                }
                for member in application.members.all()
            )
        return rows

    @transaction.atomic
    def erase(self, email, phone):
        count = 0
        # of=self: the match joins the (optional) applicant, which PostgreSQL cannot lock.
        for application in _matching(email, phone).select_for_update(of=("self",)):
            for attachment in application.attachments.all():
                attachment.file.delete(save=False)
            application.attachments.all().delete()
            application.members.all().delete()
            application.holder_name = ERASED
            application.email = "erased@invalid"
            application.phone = ""
            application.project_name = ERASED
            application.description = ""
            application.needs = ""
            application.city = ""
            application.applicant = None
            application.save()
            count += 1
        return count


provider = HackathonDataProvider()
