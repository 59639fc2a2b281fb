"""Checks on a digital product's file: size-limited, and never a page a browser would run."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.uploads import MEGABYTE, _check_size, _is_new_upload, read_head

MAX_DIGITAL_BYTES = 200 * MEGABYTE

# Markup a browser could render as a page (and run scripts from): refused whatever the name.
_MARKUP_SIGNS = (b"<!doctype html", b"<html", b"<svg", b"<script", b"<?xml", b"<head", b"<body")


def looks_like_markup(head):
    """Whether the first bytes of a file are HTML, SVG or XML (after a BOM and spaces)."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith(b"\xff\xfe") or text.startswith(b"\xfe\xff"):  # UTF-16 text
        text = text.decode("utf-16", "ignore").encode("ascii", "ignore").lstrip().lower()
    return any(sign in text[:1024] for sign in _MARKUP_SIGNS) and text.startswith(b"<")


def validate_digital_file(upload):
    """Any file a buyer downloads (archive, PDF, audio, video, LUT…) but not HTML or SVG."""
    if not _is_new_upload(upload):
        return
    _check_size(upload, MAX_DIGITAL_BYTES)
    head = read_head(upload, 2048)
    if not head:
        raise ValidationError(_("This file is empty."), code="empty")
    if looks_like_markup(head):
        raise ValidationError(
            _("Web pages and SVG drawings cannot be sold as files: send an archive (ZIP) instead."),
            code="markup",
        )
