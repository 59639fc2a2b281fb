"""Every public page lives under /fr/, /ar/ or /en/; Arabic pages read right to left."""

import pytest

from tests.helpers import html_lang_dir

pytestmark = pytest.mark.django_db


def test_root_redirects_to_french_by_default(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar", "/ar/"),
        ("ar-MA,ar;q=0.9,fr;q=0.8", "/ar/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR", "/fr/"),
        ("de", "/fr/"),
    ],
)
def test_root_redirects_to_the_browsers_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_root_follows_the_language_cookie_over_the_browser(client):
    client.cookies["django_language"] = "en"

    response = client.get("/", headers={"accept-language": "ar"})

    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("prefix", "lang", "direction"),
    [("/fr/", "fr", "ltr"), ("/ar/", "ar", "rtl"), ("/en/", "en", "ltr")],
)
def test_home_page_answers_in_each_language_with_its_direction(client, prefix, lang, direction):
    response = client.get(prefix)

    assert response.status_code == 200
    assert html_lang_dir(response.content) == (lang, direction)


def test_an_unknown_page_under_arabic_is_a_right_to_left_404(client):
    response = client.get("/ar/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert html_lang_dir(response.content) == ("ar", "rtl")


def test_an_unknown_page_under_french_is_the_french_404(client):
    response = client.get("/fr/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert html_lang_dir(response.content) == ("fr", "ltr")


def test_an_unknown_shop_page_is_a_404_too(client):
    response = client.get("/en/shop/catalogue/nothing-here_999999/")

    assert response.status_code == 404
    assert html_lang_dir(response.content) == ("en", "ltr")


@pytest.fixture
def broken_directory(client, monkeypatch):
    """The directory fails with an unexpected error; the client gets the 500 page."""
    from directory.views import ProfileListView

    def fail(self):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(ProfileListView, "get_queryset", fail)
    client.raise_request_exception = False
    return client


def test_a_server_error_under_arabic_is_a_right_to_left_500(broken_directory):
    response = broken_directory.get("/ar/directory/")

    assert response.status_code == 500
    assert html_lang_dir(response.content) == ("ar", "rtl")
    assert "simulated failure" not in response.content.decode()


def test_a_server_error_under_french_is_the_french_500(broken_directory):
    response = broken_directory.get("/fr/directory/")

    assert response.status_code == 500
    assert html_lang_dir(response.content) == ("fr", "ltr")
