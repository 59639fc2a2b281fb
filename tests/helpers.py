"""Small assertions helpers shared by the tests."""

import html
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u200f\u200e\u061c]+")


def normalise_spaces(text):
    """Collapse every kind of space Babel puts in numbers (and bidi marks) into one space."""
    return _SPACES.sub(" ", text).strip()


def html_lang_dir(content):
    """``(lang, dir)`` of a page's ``<html>`` element."""
    if isinstance(content, bytes):
        content = content.decode()
    match = re.search(r"<html\b[^>]*>", content)
    assert match, "no <html> element in the page"
    tag = match.group(0)
    lang = re.search(r'\blang="([^"]*)"', tag)
    direction = re.search(r'\bdir="([^"]*)"', tag)
    return (lang.group(1) if lang else None, direction.group(1) if direction else None)


def count_queries(client, url):
    """Number of SQL queries one GET of ``url`` runs (the response must be a 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries)


def text_of(response):
    """A response body as text, HTML entities decoded and spaces normalised."""
    return normalise_spaces(html.unescape(response.content.decode()))
