"""``manage.py setup_site``: a migrated database becomes a complete site, and a second run
changes nothing."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from wagtail.models import GroupPagePermission, Page, Revision, Site

from cms.models import SiteSettings

pytestmark = pytest.mark.django_db

PASSWORD = "Takafa-install-2026!"


def _setup(*args):
    out = io.StringIO()
    call_command("setup_site", "--no-input", *args, stdout=out)
    return out.getvalue()


def _snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "locale__language_code", "url_path")),
        "revisions": Revision.objects.count(),
        "groups": sorted(
            (g.name, sorted(g.permissions.values_list("codename", flat=True)))
            for g in Group.objects.all()
        ),
        "page_permissions": GroupPagePermission.objects.count(),
        "sites": list(Site.objects.values_list("hostname", "port", "root_page_id")),
        "users": list(get_user_model().objects.values_list("email", "is_superuser")),
    }


@override_settings(BASE_URL="https://takafamap.ma", SITE_NAME="Takafamap")
def test_setup_site_builds_every_page_a_visitor_reaches_in_three_languages():
    out = _setup(
        "--admin-email",
        "admin@takafamap.ma",
        "--admin-password",
        PASSWORD,
    )
    assert "Administrator admin@takafamap.ma created" in out
    assert "Next steps" in out
    admin = get_user_model().objects.get(email="admin@takafamap.ma")
    assert admin.is_superuser and admin.check_password(PASSWORD)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("takafamap.ma", 443, "Takafamap")
    assert "https://takafamap.ma/admin/" in out

    client = Client(HTTP_HOST="takafamap.ma")
    for language in ("fr", "ar", "en"):
        home = client.get(f"/{language}/")
        assert home.status_code == 200, language
        html = home.content.decode()
        # Every editorial link of the header and footer answers 200 in that language.
        links = set(re.findall(rf'href="(/{language}/[^"#?]*)"', html))
        editorial = [
            url
            for url in links
            if not url.startswith((f"/{language}/shop", f"/{language}/directory"))
        ]
        assert len(editorial) >= 6, editorial
        for url in sorted(editorial):
            response = client.get(url)
            assert response.status_code == 200, (language, url, response.status_code)
    for language, expected in (
        ("fr", "Mentions légales"),
        ("ar", "إشعار قانوني"),
        ("en", "Legal notice"),
    ):
        assert expected in client.get(f"/{language}/").content.decode(), language

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.privacy_page is not None and settings.footer_text


def test_setup_site_run_twice_changes_nothing():
    _setup("--admin-email", "admin@takafamap.ma", "--admin-password", PASSWORD)
    before = _snapshot()
    out = _setup("--admin-email", "admin@takafamap.ma")
    assert "nothing changed" in out
    assert "already exists" in out
    assert _snapshot() == before


def test_setup_site_refuses_a_weak_password_and_creates_nothing_for_the_admin():
    with pytest.raises(CommandError, match="Password refused"):
        _setup("--admin-email", "admin@takafamap.ma", "--admin-password", "1234")
    assert not get_user_model().objects.filter(email="admin@takafamap.ma").exists()


def test_setup_site_creates_no_demo_content():
    from cms.models import EventPage, HubPage, NewsPage
    from directory.models import Profile
    from shop.catalogue.models import Product

    _setup()
    assert not NewsPage.objects.exists()
    assert not EventPage.objects.exists()
    assert not HubPage.objects.exists()
    assert not Profile.objects.exists()
    assert not Product.objects.exists()
    assert not get_user_model().objects.exists()


@override_settings(BASE_URL="https://takafamap.ma")
def test_setup_site_asks_for_the_first_administrator_and_takes_the_host_from_base_url(
    monkeypatch,
):
    answers = iter(["admin@takafamap.ma"])
    passwords = iter([PASSWORD, "different", PASSWORD, PASSWORD])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(passwords))
    out, err = io.StringIO(), io.StringIO()

    call_command("setup_site", stdout=out, stderr=err)

    assert "The two passwords differ." in err.getvalue()
    assert Site.objects.get(is_default_site=True).hostname == "takafamap.ma"
    admin = get_user_model().objects.get(email="admin@takafamap.ma")
    assert admin.is_superuser and admin.check_password(PASSWORD)
