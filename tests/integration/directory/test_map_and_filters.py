"""The directory's "available now" filter, its combinations, the GeoJSON feed of the map,
and the fixed number of SQL queries of both whatever the number of profiles."""

import json
from decimal import Decimal

import pytest

from directory.models import Profile
from tests.factories import ProfileFactory, province
from tests.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db

DIRECTORY = "/fr/directory/"
GEOJSON = "/fr/directory/map.geojson"


def placed(**kwargs):
    """An approved profile with coordinates in Oujda."""
    kwargs.setdefault("latitude", Decimal("34.681400"))
    kwargs.setdefault("longitude", Decimal("-1.908600"))
    return ProfileFactory(**kwargs)


def geojson(client, params=None):
    response = client.get(GEOJSON, params or {})
    assert response.status_code == 200
    return response, json.loads(response.content)


def names(collection):
    return {feature["properties"]["name"] for feature in collection["features"]}


def test_the_directory_can_show_available_professionals_only(client):
    ProfileFactory(name="Disponible Amal", availability=Profile.Availability.AVAILABLE)
    ProfileFactory(name="Occupé Bilal", availability=Profile.Availability.BUSY)
    ProfileFactory(name="Absente Chaima", availability=Profile.Availability.AWAY)

    page = text_of(client.get(DIRECTORY, {"available": "on"}))

    assert "Disponible Amal" in page
    assert "Occupé Bilal" not in page
    assert "Absente Chaima" not in page


def test_filters_and_search_combine(client):
    ProfileFactory(
        name="Studio Son Nador",
        disciplines=["mixage"],
        province=province("nador"),
        skills="Mastering vinyle",
    )
    ProfileFactory(name="Studio Photo Nador", province=province("nador"), skills="Mastering")
    ProfileFactory(name="Studio Son Oujda", disciplines=["mixage"], skills="Mastering vinyle")

    page = text_of(client.get(DIRECTORY, {"q": "vinyle", "sector": "son", "province": "nador"}))

    assert "Studio Son Nador" in page
    assert "Studio Photo Nador" not in page
    assert "Studio Son Oujda" not in page


def test_search_finds_a_skill_or_a_piece_of_equipment(client):
    ProfileFactory(name="Régie Lumière Berkane", equipment="Console DMX\nLyres")
    ProfileFactory(name="Photographe de mariage")

    page = text_of(client.get(DIRECTORY, {"q": "dmx"}))

    assert "Régie Lumière Berkane" in page
    assert "Photographe de mariage" not in page


def test_the_directory_page_offers_the_map_of_its_results(client):
    page = client.get(DIRECTORY, {"province": "nador"}).content.decode()

    assert 'data-geojson="/fr/directory/map.geojson?province=nador"' in page
    assert "/static/vendor/leaflet/leaflet.js" in page
    assert "/static/vendor/leaflet-markercluster/leaflet.markercluster.js" in page
    assert "OpenStreetMap" in page


def test_the_map_scripts_are_served_by_the_site(client):
    from django.contrib.staticfiles import finders

    assert finders.find("vendor/leaflet/leaflet.js")
    assert finders.find("vendor/leaflet-markercluster/leaflet.markercluster.js")
    assert finders.find("js/directory-map.js")


def test_the_geojson_is_a_feature_collection_of_points(client):
    profile = placed(name="Studio Nour", kind=Profile.Kind.INDIVIDUAL)

    response, collection = geojson(client)

    assert response["Content-Type"] == "application/geo+json"
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [-1.9086, 34.6814]}
    assert feature["properties"]["name"] == "Studio Nour"
    assert feature["properties"]["url"].endswith(f"/fr/directory/{profile.slug}/")
    assert feature["properties"]["province"] == "Oujda-Angad"


def test_the_geojson_holds_approved_profiles_with_coordinates_only(client):
    placed(name="Approuvé placé")
    ProfileFactory(name="Itinérant")  # no coordinates
    for status in ("draft", "pending", "rejected", "suspended"):
        placed(name=f"Profil {status}", status=status)

    _, collection = geojson(client)

    assert names(collection) == {"Approuvé placé"}


def test_the_geojson_honours_the_directory_filters(client):
    placed(name="Hub de Nador", kind=Profile.Kind.HUB, province=province("nador"))
    placed(name="Hub d'Oujda", kind=Profile.Kind.HUB)
    placed(name="Photographe de Nador", province=province("nador"))
    placed(name="Hub occupé", kind=Profile.Kind.HUB, availability=Profile.Availability.BUSY)

    _, hubs_in_nador = geojson(client, {"kind": "hub", "province": "nador"})
    _, available_hubs = geojson(client, {"kind": "hub", "available": "on"})

    assert names(hubs_in_nador) == {"Hub de Nador"}
    assert names(available_hubs) == {"Hub de Nador", "Hub d'Oujda"}


def test_the_geojson_may_be_cached_for_a_few_minutes(client):
    response, _ = geojson(client)

    assert "max-age=300" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def _profiles(n, start=0):
    provinces = ["oujda-angad", "nador", "berkane", "figuig"]
    disciplines = [["photographie"], ["mixage", "eclairage"], ["audiovisuel"]]
    for i in range(start, start + n):
        placed(
            name=f"Pro {i:03d}",
            province=province(provinces[i % len(provinces)]),
            disciplines=disciplines[i % len(disciplines)],
            is_accompanied=bool(i % 2),
        )


@pytest.mark.parametrize(
    "url",
    [
        DIRECTORY,
        f"{DIRECTORY}?sector=son&province=nador&available=on&q=Pro",
        GEOJSON,
        f"{GEOJSON}?sector=son&province=nador&available=on&q=Pro",
    ],
)
def test_directory_and_geojson_run_the_same_queries_for_10_and_200_profiles(client, url):
    _profiles(10)
    client.get(url)  # warm the per-process caches
    with_10 = count_queries(client, url)

    _profiles(190, start=10)
    with_200 = count_queries(client, url)

    assert with_200 == with_10
    assert with_10 <= 15


def test_the_geojson_names_provinces_and_kinds_in_the_visitors_language(client):
    placed(name="Hub de Nador", kind=Profile.Kind.HUB, province=province("nador"))

    [feature] = json.loads(client.get("/ar/directory/map.geojson").content)["features"]

    assert feature["properties"]["province"] == province("nador").name_ar
    assert feature["properties"]["url"].endswith("/ar/directory/hub-de-nador/")


def test_a_profile_named_like_a_directory_page_gets_another_slug(client):
    profile = ProfileFactory(name="Account")

    assert profile.slug == "account-profile"
    assert client.get(profile.get_absolute_url()).status_code == 200
