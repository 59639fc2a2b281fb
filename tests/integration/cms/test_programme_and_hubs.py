"""The programme page (timeline, figures, eligibility, partners) and the hub pages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import ngettext

from cms.models import HubIndexPage, HubPage, ProgrammePage
from tests.factories import ProfileFactory, province
from tests.factories.pages import add_page, home_page
from tests.helpers import text_of

pytestmark = pytest.mark.django_db


def _programme():
    return add_page(
        home_page(),
        ProgrammePage(
            title="Le programme",
            slug="le-programme",
            timeline=[
                ("phase", {"name": "Information", "duration_months": 1, "description": ""}),
                ("phase", {"name": "Hackathon", "duration_months": 1, "description": ""}),
                ("phase", {"name": "Accompagnement", "duration_months": 5, "description": ""}),
                ("phase", {"name": "Clôture", "duration_months": 1, "description": ""}),
            ],
            eligibility="<p>Avoir entre 18 et 30 ans.</p>",
            figures=[("figure", {"value": "30", "label": "jeunes accompagnés"})],
            partners=[("partner", {"name": "Centre culturel", "url": "", "role": "Hôte"})],
        ),
    )


def test_the_programme_page_shows_its_phases_in_order_and_its_total_length(client):
    page = text_of(client.get(_programme().url))

    positions = [page.index(name) for name in ("Information", "Hackathon", "Accompagnement")]
    assert positions == sorted(positions)
    with translation.override("fr"):
        total = ngettext(
            "The programme lasts %(shown)s month in all.",
            "The programme lasts %(shown)s months in all.",
            8,
        ) % {"shown": "8"}
    assert total in page
    assert "Avoir entre 18 et 30 ans." in page
    assert "jeunes accompagnés" in page
    assert "Centre culturel" in page


def test_a_hub_page_shows_its_address_hours_and_directory_profile(client):
    index = add_page(home_page(), HubIndexPage(title="Hubs", slug="hubs"))
    profile = ProfileFactory(name="Riff Creations", kind="hub")
    hub = add_page(
        index,
        HubPage(
            title="Hub de Nador",
            slug="nador",
            province=province("nador"),
            profile=profile,
            address="Boulevard des FAR, Nador",
            latitude=Decimal("35.168"),
            longitude=Decimal("-2.933"),
            opening_hours="Lundi–vendredi : 9 h–18 h\nSamedi : 10 h–14 h",
            equipment=[("item", "Studio son"), ("item", "Fond vert")],
        ),
    )

    html = client.get(hub.url).content.decode()
    listing = text_of(client.get(index.url))

    assert "Boulevard des FAR, Nador" in html
    assert "Samedi : 10 h–14 h" in html
    assert "Fond vert" in html
    assert "mlat=35.168000" in html
    assert f'href="{profile.get_absolute_url()}"' in html
    assert "Hub de Nador" in listing


def test_a_hub_with_a_latitude_but_no_longitude_is_refused():
    hub = HubPage(title="Hub", slug="hub", province=province("nador"), address="Nador")
    hub.latitude = Decimal("35.1")

    with pytest.raises(ValidationError) as error:
        hub.clean()

    assert "longitude" in error.value.message_dict
