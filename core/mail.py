"""E-mails through the task queue: the web process only enqueues, a worker sends.

``EMAIL_BACKEND = "core.mail.TaskEmailBackend"`` turns every ``send_mail``/``EmailMessage.send``
into a django-tasks task (``send_emails``) holding the messages as JSON-able data; the task
rebuilds them and sends them through the real backend, ``settings.TASK_EMAIL_BACKEND`` (SMTP
in production). With the immediate task backend (dev, tests) the messages go out at once;
with the database backend they wait in the database for ``manage.py db_worker``.
"""

import base64
import email.message
import logging
from email.mime.base import MIMEBase
from email.parser import BytesParser

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

logger = logging.getLogger(__name__)


def _content(value):
    """Text stays text; bytes travel as base64."""
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return {"text": value}


def _restore(value):
    return base64.b64decode(value["base64"]) if "base64" in value else value["text"]


class _ParsedMIME(MIMEBase):
    """A MIME part read back from bytes (``EmailMessage.attach`` accepts MIMEBase parts)."""

    def __init__(self, policy=None):
        email.message.Message.__init__(self, **({"policy": policy} if policy else {}))


def serialize_message(message):
    """``message`` (EmailMessage or EmailMultiAlternatives) as JSON-able data."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachments.append({"mime": base64.b64encode(attachment.as_bytes()).decode("ascii")})
        else:
            filename, content, mimetype = attachment
            attachments.append(
                {"filename": filename, "content": _content(content), "mimetype": mimetype}
            )
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(key): str(value) for key, value in message.extra_headers.items()},
        "encoding": message.encoding if isinstance(message.encoding, str) else None,
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "alternative_subtype": getattr(message, "alternative_subtype", None),
        "alternatives": [
            {"content": _content(content), "mimetype": mimetype}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def deserialize_message(data):
    """The message ``serialize_message`` described, ready to send."""
    message_class = EmailMultiAlternatives if data["alternative_subtype"] else EmailMessage
    message = message_class(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    if data["encoding"]:
        message.encoding = data["encoding"]
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    if data["alternative_subtype"]:
        message.alternative_subtype = data["alternative_subtype"]
        for alternative in data["alternatives"]:
            message.attach_alternative(_restore(alternative["content"]), alternative["mimetype"])
    for attachment in data["attachments"]:
        if "mime" in attachment:
            raw = base64.b64decode(attachment["mime"])
            message.attach(BytesParser(_class=_ParsedMIME).parsebytes(raw))
        else:
            message.attach(
                attachment["filename"], _restore(attachment["content"]), attachment["mimetype"]
            )
    return message


@task()
def send_emails(messages):
    """Send the serialized ``messages`` through ``settings.TASK_EMAIL_BACKEND``.

    A failure raises, so the task backend records it (and the worker's log shows it).
    """
    connection = get_connection(settings.TASK_EMAIL_BACKEND, fail_silently=False)
    return connection.send_messages([deserialize_message(data) for data in messages]) or 0


class TaskEmailBackend(BaseEmailBackend):
    """Enqueue the messages as one ``send_emails`` task; a worker sends them."""

    def send_messages(self, email_messages):
        email_messages = list(email_messages or [])
        if not email_messages:
            return 0
        try:
            send_emails.enqueue([serialize_message(message) for message in email_messages])
        except Exception:
            if not self.fail_silently:
                raise
            logger.exception("Could not enqueue %d e-mail(s)", len(email_messages))
            return 0
        return len(email_messages)
