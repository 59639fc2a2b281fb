"""No contact's email address or phone number reaches the logs (issue 10)."""

import logging

import pytest
from django.conf import settings

from core.security import PersonalDataFilter, mask_personal_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("contact from salma.benali@example.ma", "contact from [email]"),
        ("to: A.B+tag@sub.example.org, ok", "to: [email], ok"),
        ("call +212 6 12 34 56 78 today", "call [phone] today"),
        ("call 0612345678", "call [phone]"),
        ("call 06.12.34.56.78 or 05-36-12-34-56", "call [phone] or [phone]"),
        ("00212612345678", "[phone]"),
    ],
)
def test_emails_and_phones_are_masked(text, expected):
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "GET /fr/shop/catalogue/reportage_12/ 200 5123",
        "order 100023 paid 1250.00 MAD",
        "2026-11-29 23:59:01 started",
        "client 127.0.0.1 port 8000",
        "/fr/directory/atelier-0612/",
    ],
)
def test_ordinary_numbers_are_left_alone(text):
    assert mask_personal_data(text) == text


def test_the_filter_masks_arguments_and_keeps_the_record():
    record = logging.LogRecord(
        "youth",
        logging.INFO,
        __file__,
        1,
        "registered %s (%s)",
        ("leila@ex.ma", "0661234567"),
        None,
    )

    assert PersonalDataFilter().filter(record) is True
    assert record.getMessage() == "registered [email] ([phone])"


def test_the_console_handler_uses_the_filter(caplog):
    handler = settings.LOGGING["handlers"]["console"]
    assert "personal_data" in handler["filters"]
    assert settings.LOGGING["filters"]["personal_data"]["()"] == "core.security.PersonalDataFilter"

    configured = [
        f
        for h in logging.getLogger().handlers
        for f in h.filters
        if isinstance(f, PersonalDataFilter)
    ]
    assert configured, "the root logger's handler has no PersonalDataFilter"


# ---- tracebacks too (issue 20, item 14) -------------------------------------------------------
def _formatted(record):
    PersonalDataFilter().filter(record)
    return logging.Formatter("%(message)s").format(record)


def test_the_filter_masks_the_traceback_of_an_exception():
    try:
        raise ValueError("refused recipient: leila@ex.ma, phone 0661234567")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "mail", logging.ERROR, __file__, 1, "sending failed", (), sys.exc_info()
        )

    text = _formatted(record)

    assert "Traceback" in text and "ValueError" in text
    assert "leila@ex.ma" not in text
    assert "0661234567" not in text
    assert "[email]" in text and "[phone]" in text


def test_the_filter_masks_a_stack_and_a_traceback_already_formatted():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", (), None)
    record.exc_text = "Traceback...\nSMTPRecipientsRefused: {'a@b.ma': (550, b'no')}"
    record.stack_info = "Stack (most recent call last):\n  send to c@d.ma"

    text = _formatted(record)

    assert "a@b.ma" not in text and "c@d.ma" not in text
