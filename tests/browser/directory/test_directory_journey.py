"""A visitor filters the directory by province, sees the results on the map, opens a profile."""

import io
import re
from decimal import Decimal

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.factories import ProfileFactory, province

# tests/browser/conftest.py adds django_db(transaction=True) and the migrated-rows reload.
pytestmark = pytest.mark.browser


def _blank_tile():
    buffer = io.BytesIO()
    Image.new("RGBA", (1, 1)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def offline_tiles(page):
    """OpenStreetMap tiles, the page's only external resource, answered locally."""
    tile = _blank_tile()
    requested = []

    def answer(route):
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=tile)

    page.route(re.compile(r"^https://tile\.openstreetmap\.org/"), answer)
    return requested


def test_a_visitor_filters_by_province_and_opens_a_profile(
    page, live_server, console_errors, offline_tiles
):
    ProfileFactory(
        name="Rif Son Studio",
        headline="Sonorisation de concerts à Nador",
        province=province("nador"),
        city="Nador",
        latitude=Decimal("35.168100"),
        longitude=Decimal("-2.933500"),
    )
    ProfileFactory(name="Atelier Photo Oujda", latitude=Decimal("34.68"), longitude=Decimal("-1.9"))

    page.goto(f"{live_server.url}/fr/directory/")
    expect(page.get_by_role("link", name="Atelier Photo Oujda")).to_be_visible()
    page.get_by_role("button", name="Plus de filtres").click()
    page.get_by_label("Province").select_option(label="Nador")
    page.get_by_role("button", name="Afficher les résultats").click()

    expect(page).to_have_url(re.compile(r"/fr/directory/\?.*province=nador"))
    expect(page.get_by_role("link", name="Atelier Photo Oujda")).to_have_count(0)
    expect(page.locator("#directory-map .leaflet-marker-icon")).to_have_count(1)
    page.get_by_role("link", name="Rif Son Studio").click()

    expect(page).to_have_url(re.compile(r"/fr/directory/rif-son-studio/$"))
    expect(page.locator("h1")).to_have_text("Rif Son Studio")
    expect(page.locator("main")).to_contain_text("Sonorisation de concerts à Nador")
    assert offline_tiles, "the map asked for no tile"
    assert console_errors == []
