"""E-mails through the task queue (core.mail.TaskEmailBackend): nothing lost on the way."""

from email.mime.text import MIMEText

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.mail import TaskEmailBackend

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Takafamap//FR\r\nBEGIN:VEVENT\r\n"
    "UID:atelier-1@takafamap.ma\r\nSUMMARY:Atelier céramique\r\n"
    "DTSTART:20261205T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
PDF = b"%PDF-1.4\n\x00\xff\xfe binary \x80 bytes\n%%EOF"
HTML = "<p>Bonjour <strong>Salma</strong>, voici l’invitation.</p>"


@pytest.fixture
def run_worker(monkeypatch):
    """``manage.py db_worker --batch``: runs what is queued, then returns.

    The worker closes stale connections between tasks; inside a test's transaction that
    would close the test's own connection, so that one call is made a no-op here.
    """
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


@pytest.fixture
def queued_email(settings):
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"
    settings.TASK_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def invitation():
    message = mail.EmailMultiAlternatives(
        subject="Invitation : atelier céramique",
        body="Bonjour Salma, voici l’invitation.",
        from_email="Takafamap <contact@takafamap.ma>",
        to=["salma@example.org"],
        cc=["equipe@example.org"],
        bcc=["archives@example.org"],
        reply_to=["atelier@example.org"],
        headers={"X-Takafamap-Event": "42"},
    )
    message.attach_alternative(HTML, "text/html")
    message.attach("atelier.ics", ICS, "text/calendar")
    message.attach("programme.pdf", PDF, "application/pdf")
    return message


def test_with_the_immediate_backend_the_message_arrives_intact(queued_email):
    sent = invitation().send()

    assert sent == 1
    [received] = mail.outbox
    assert isinstance(received, mail.EmailMultiAlternatives)
    assert received.subject == "Invitation : atelier céramique"
    assert received.body == "Bonjour Salma, voici l’invitation."
    assert received.from_email == "Takafamap <contact@takafamap.ma>"
    assert received.to == ["salma@example.org"]
    assert received.cc == ["equipe@example.org"]
    assert received.bcc == ["archives@example.org"]
    assert received.reply_to == ["atelier@example.org"]
    assert received.extra_headers["X-Takafamap-Event"] == "42"
    assert [tuple(a) for a in received.alternatives] == [(HTML, "text/html")]
    assert [tuple(a) for a in received.attachments] == [
        ("atelier.ics", ICS, "text/calendar"),
        ("programme.pdf", PDF, "application/pdf"),
    ]
    # The rebuilt message still renders as a whole MIME message with every part.
    raw = received.message().as_bytes()
    assert b"text/calendar" in raw and b"application/pdf" in raw and b"text/html" in raw


def test_send_mail_and_plain_messages_go_through_too(queued_email):
    assert mail.send_mail("Sujet", "Texte", None, ["a@example.org"]) == 1
    html_only = mail.EmailMessage("Sujet HTML", HTML, None, ["b@example.org"])
    html_only.content_subtype = "html"
    part = MIMEText("note jointe", "plain", "utf-8")
    part.add_header("Content-Disposition", "attachment", filename="note.txt")
    html_only.attach(part)
    assert html_only.send() == 1

    first, second = mail.outbox
    assert (first.subject, first.body, first.to) == ("Sujet", "Texte", ["a@example.org"])
    assert not isinstance(second, mail.EmailMultiAlternatives)
    assert second.content_subtype == "html" and second.body == HTML
    [attached] = second.attachments
    assert attached.get_filename() == "note.txt"
    assert attached.get_payload(decode=True) == b"note jointe"


def test_with_the_database_backend_the_message_waits_for_the_worker(
    queued_email, settings, run_worker
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    assert invitation().send() == 1

    assert mail.outbox == []
    [row] = DBTaskResult.objects.all()
    assert row.task_path == "core.mail.send_emails"
    assert row.status == TaskResultStatus.READY

    run_worker()

    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    [received] = mail.outbox
    assert [a.filename for a in received.attachments] == ["atelier.ics", "programme.pdf"]
    assert received.attachments[1].content == PDF


def test_a_failing_real_backend_marks_the_task_failed(queued_email, settings, run_worker):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_EMAIL_BACKEND = "tests.integration.core.test_task_email.BrokenBackend"

    invitation().send()
    run_worker()

    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
    assert mail.outbox == []


def test_nothing_to_send_enqueues_nothing(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    assert TaskEmailBackend().send_messages([]) == 0
    assert not DBTaskResult.objects.exists()


class BrokenBackend(mail.backends.base.BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server unreachable")


pytestmark = pytest.mark.django_db
