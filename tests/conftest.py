"""Fixtures shared by the whole suite.

Database: the test database is migrated once and reused (``--reuse-db``); the taxonomy,
shop categories, product classes, the French home page and the Wagtail Site come from data
migrations, so tests fetch those rows instead of creating them. Browser tests, which need
committed data, put those rows back after each flush (tests/browser/conftest.py).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# same browser tests would otherwise raise SynchronousOnlyOperation.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")


def pytest_configure(config):
    # WhiteNoise warns on every request when ``collectstatic`` has not run; tests serve
    # static files through the finders (live_server) and do not need STATIC_ROOT.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
    # pytest-base-url (pulled in by pytest-playwright) still declares an instance-method
    # session fixture; nothing to act on here.
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods"
        ":pytest.PytestRemovedIn10Warning",
    )


# --------------------------------------------------------------------------------------
# Database
# --------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Stop early, with the remedy, if a reused test database lost its migrated rows."""
    from wagtail.models import Site

    with django_db_blocker.unblock():
        if not Site.objects.exists():
            pytest.exit(
                "The reused test database has lost the rows its data migrations create "
                "(a browser test killed before its teardown). Run again with --create-db.",
                returncode=3,
            )


# --------------------------------------------------------------------------------------
# Browser (pytest-playwright)
# --------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium; ``playwright install`` cannot download browsers here.

    Without /usr/bin/chromium the browser tests are skipped, except in CI (``CI=true``)
    where a missing browser is a failure.
    """
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A test that renders an Arabic page (or calls ``translation.activate``) must not leave
    Arabic active for the next one: URL reversing and ``i18n_patterns`` routes follow the
    active language."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
