"""Rules a profile's data must follow, checked without the database."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from directory.models import PortfolioItem, validate_in_oriental, video_embed_url


def test_coordinates_in_oujda_are_accepted():
    validate_in_oriental(Decimal("34.681400"), Decimal("-1.908600"))


def test_a_profile_without_coordinates_is_allowed():
    validate_in_oriental(None, None)


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        ("33.573100", "-7.589800"),  # Casablanca
        ("48.856600", "2.352200"),  # Paris
        ("34.681400", "1.908600"),  # Oujda's latitude, longitude with the wrong sign
    ],
)
def test_coordinates_outside_the_oriental_are_refused(latitude, longitude):
    with pytest.raises(ValidationError) as error:
        validate_in_oriental(Decimal(latitude), Decimal(longitude))

    assert "en dehors de la région de l'Oriental" in str(error.value)


def test_half_a_pair_of_coordinates_is_refused():
    with pytest.raises(ValidationError):
        validate_in_oriental(Decimal("34.68"), None)


@pytest.mark.parametrize(
    ("link", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        ),
        ("https://youtu.be/aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
    ],
)
def test_youtube_and_vimeo_links_get_a_privacy_friendly_embed(link, embed):
    assert video_embed_url(link) == embed


def test_a_link_to_another_site_is_not_a_video():
    item = PortfolioItem(video_url="https://example.org/film.mp4", title="Film")

    with pytest.raises(ValidationError) as error:
        item.full_clean(exclude=["profile"])

    assert "YouTube ou Vimeo" in str(error.value)


def test_a_portfolio_image_needs_its_description():
    item = PortfolioItem(image="portfolio/a.jpg", title="Concert")

    with pytest.raises(ValidationError) as error:
        item.full_clean(exclude=["profile"])

    assert "image_alt" in error.value.message_dict
