"""The jury in Wagtail's admin: one score per juror, averages and ranking; staff decide."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from hackathon.models import Application, Score
from tests.factories import UserFactory
from tests.factories.hackathon import ApplicationFactory, CallFactory, ScoreFactory, juror

pytestmark = pytest.mark.django_db

SCORE = {"innovation": "4", "feasibility": "3", "impact": "5", "team": "4", "comment": "Solide"}


@pytest.fixture
def call():
    return CallFactory()


@pytest.fixture
def staff():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="hackathon",
            codename__in=["view_application", "decide_application", "view_indicators"],
        ),
    )
    return user


def test_a_juror_scores_once_and_can_change_the_score(client, call):
    application = ApplicationFactory(call=call)
    member = juror()
    client.force_login(member)
    url = reverse("hackathon_admin:score", args=[application.pk])
    assert client.post(url, SCORE).status_code == 302
    assert client.post(url, {**SCORE, "innovation": "2"}).status_code == 302
    score = Score.objects.get()
    assert (score.juror, score.innovation, score.impact) == (member, 2, 5)


def test_a_score_outside_1_to_5_is_refused(client, call):
    application = ApplicationFactory(call=call)
    client.force_login(juror())
    response = client.post(
        reverse("hackathon_admin:score", args=[application.pk]), {**SCORE, "team": "6"}
    )
    assert response.status_code == 400
    assert not Score.objects.exists()


def test_the_ranking_orders_by_average_and_leaves_unscored_last(client, call, staff):
    first, second, unscored = (ApplicationFactory(call=call) for _ in range(3))
    jurors = [juror(), juror()]
    # first: (5,5,4,4)=4.5 and (4,4,4,4)=4 → 4.25; second: (3,3,3,3) and (2,2,2,2) → 2.5
    ScoreFactory(application=first, juror=jurors[0], innovation=5, feasibility=5, impact=4, team=4)
    ScoreFactory(application=first, juror=jurors[1], innovation=4, feasibility=4, impact=4, team=4)
    ScoreFactory(application=second, juror=jurors[0])
    ScoreFactory(application=second, juror=jurors[1], innovation=2, feasibility=2, impact=2, team=2)

    from hackathon.admin_views import ranked_applications

    ranked = list(ranked_applications(call))
    assert [a.pk for a in ranked] == [first.pk, second.pk, unscored.pk]
    assert ranked[0].average == pytest.approx(4.25)
    assert ranked[0].avg_innovation == pytest.approx(4.5)
    assert ranked[1].average == pytest.approx(2.5)
    assert ranked[2].average is None and ranked[2].score_count == 0

    client.force_login(staff)
    response = client.get(reverse("hackathon_admin:list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.index(first.project_name) < content.index(second.project_name)
    assert content.index(second.project_name) < content.index(unscored.project_name)


def test_jurors_see_and_score_but_cannot_decide(client, call):
    application = ApplicationFactory(call=call)
    client.force_login(juror())
    assert client.get(reverse("hackathon_admin:list")).status_code == 200
    assert client.get(reverse("hackathon_admin:detail", args=[application.pk])).status_code == 200
    response = client.post(
        reverse("hackathon_admin:decision", args=[application.pk]), {"action": "select"}
    )
    # Wagtail answers a refused admin view with a redirect to the admin home and a message.
    assert response.status_code in (302, 403)
    assert response.get("Location", "/admin/") == "/admin/"
    assert client.get(reverse("hackathon_admin:indicators")).status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.profile is None


def test_a_juror_with_the_decision_permission_may_decide(
    client, call, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(call=call)
    member = juror(is_staff=True)
    member.user_permissions.add(Permission.objects.get(codename="decide_application"))
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("hackathon_admin:decision", args=[application.pk]), {"action": "shortlist"}
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.SHORTLISTED
    assert application.decided_by == member


def test_people_without_admin_access_never_reach_the_admin_views(client, call):
    application = ApplicationFactory(call=call)
    client.force_login(UserFactory())
    for url in (
        reverse("hackathon_admin:list"),
        reverse("hackathon_admin:detail", args=[application.pk]),
        reverse("hackathon_admin:indicators"),
        reverse("hackathon_admin:indicators-csv"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert application.project_name not in response.content.decode()
    response = client.post(
        reverse("hackathon_admin:decision", args=[application.pk]), {"action": "select"}
    )
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_staff_without_the_jury_permission_cannot_score(client, call, staff):
    application = ApplicationFactory(call=call)
    client.force_login(staff)
    response = client.post(reverse("hackathon_admin:score", args=[application.pk]), SCORE)
    assert response.status_code in (302, 403)
    assert not Score.objects.exists()


@pytest.mark.parametrize("action,status", [("shortlist", "shortlisted"), ("reject", "rejected")])
def test_each_decision_emails_the_applicant_once_committed(
    client, call, staff, action, status, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(call=call, applicant__preferred_language="en")
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(reverse("hackathon_admin:decision", args=[application.pk]), {"action": action})
    assert len(callbacks) == 1
    application.refresh_from_db()
    assert application.status == status
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [application.email]
    assert application.project_name in message.body
    # In the applicant's language (English here): the subject is the English source.
    expected = {
        "shortlisted": "Takafaship hackathon: your application is shortlisted",
        "rejected": "Takafaship hackathon: the jury's decision",
    }[status]
    assert message.subject == expected


def test_the_same_decision_twice_sends_one_email(
    client, call, staff, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(call=call)
    client.force_login(staff)
    url = reverse("hackathon_admin:decision", args=[application.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "reject"})
        client.post(url, {"action": "reject"})
    assert len(mail.outbox) == 1


def test_jury_attachments_are_served_to_jurors_only(client, call):
    from django.core.files.uploadedfile import SimpleUploadedFile

    application = ApplicationFactory(call=call)
    attachment = application.attachments.create(
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    )
    url = reverse("hackathon_admin:attachment", args=[application.pk, attachment.pk])
    client.force_login(juror())
    assert client.get(url).status_code == 200
    client.force_login(UserFactory())
    assert client.get(url).status_code in (302, 403)


def test_staff_apply_one_decision_to_ticked_applications(
    client, call, staff, django_capture_on_commit_callbacks
):
    first, second, untouched = (ApplicationFactory(call=call) for _ in range(3))
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("hackathon_admin:bulk-decision"),
            {"action": "select", "applications": [first.pk, second.pk]},
        )
    assert response.status_code == 302
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "selected", second.pk: "selected", untouched.pk: "submitted"}
    assert Application.objects.filter(profile__isnull=False).count() == 2
    assert len(mail.outbox) == 2


def test_jurors_cannot_apply_bulk_decisions(client, call):
    application = ApplicationFactory(call=call)
    client.force_login(juror())
    response = client.post(
        reverse("hackathon_admin:bulk-decision"),
        {"action": "reject", "applications": [application.pk]},
    )
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_staff_without_the_hackathon_permissions_see_no_application(client, call):
    """Communication staff and moderators are ``is_staff`` with admin access, but applicants'
    personal data are for the jury and the programme staff only."""
    application = ApplicationFactory(call=call)
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(editor)
    for url in (
        reverse("hackathon_admin:list"),
        reverse("hackathon_admin:detail", args=[application.pk]),
        reverse("hackathon_admin:indicators"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert application.project_name not in response.content.decode()
    client.post(reverse("hackathon_admin:decision", args=[application.pk]), {"action": "select"})
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
