"""User-written HTML keeps its formatting and loses anything executable."""

from core.html import sanitize_html


def test_formatting_survives_sanitising():
    html = "<p>Tirage <strong>signé</strong></p><ul><li>A3</li></ul>"

    assert sanitize_html(html) == html


def test_scripts_and_event_handlers_are_removed():
    cleaned = sanitize_html('<p onclick="steal()">Prix<script>alert(1)</script></p>')

    assert cleaned == "<p>Prix</p>"


def test_javascript_links_lose_their_address_and_others_get_a_safe_rel():
    cleaned = sanitize_html('<a href="javascript:alert(1)">x</a><a href="https://oujda.ma">y</a>')

    assert "javascript" not in cleaned
    assert 'href="https://oujda.ma"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned


def test_nothing_gives_an_empty_string():
    assert sanitize_html(None) == ""
