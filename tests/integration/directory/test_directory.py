"""The public directory of culture professionals: approved profiles only."""

import pytest

from accounts import roles
from directory.models import Profile
from tests.factories import ProfileFactory, UserFactory, province
from tests.helpers import count_queries, text_of

pytestmark = pytest.mark.django_db

DIRECTORY = "/fr/directory/"


def test_the_directory_lists_approved_profiles_only(client):
    ProfileFactory(name="Studio Lumière Oujda")
    for status in ("draft", "pending", "rejected", "suspended"):
        ProfileFactory(name=f"Profil {status}", status=status)

    response = client.get(DIRECTORY)

    assert response.status_code == 200
    page = text_of(response)
    assert "Studio Lumière Oujda" in page
    for status in ("draft", "pending", "rejected", "suspended"):
        assert f"Profil {status}" not in page


def test_the_directory_filters_by_sector(client):
    ProfileFactory(name="Photographe Amine", disciplines=["photographie"])
    ProfileFactory(name="Ingénieure son Hajar", disciplines=["mixage"])

    page = text_of(client.get(DIRECTORY, {"sector": "son"}))

    assert "Ingénieure son Hajar" in page
    assert "Photographe Amine" not in page


def test_the_directory_filters_by_discipline(client):
    ProfileFactory(name="Éclairagiste Youssef", disciplines=["eclairage"])
    ProfileFactory(name="Vidéaste Nora", disciplines=["projection-mapping"])

    page = text_of(client.get(DIRECTORY, {"discipline": "projection-mapping"}))

    assert "Vidéaste Nora" in page
    assert "Éclairagiste Youssef" not in page


def test_the_directory_filters_by_province(client):
    ProfileFactory(name="Collectif de Figuig", province=province("figuig"))
    ProfileFactory(name="Collectif de Berkane", province=province("berkane"))

    page = text_of(client.get(DIRECTORY, {"province": "figuig"}))

    assert "Collectif de Figuig" in page
    assert "Collectif de Berkane" not in page


def test_the_directory_filters_by_kind(client):
    ProfileFactory(name="Espace Coworking Nador", kind=Profile.Kind.HUB)
    ProfileFactory(name="Photographe indépendant", kind=Profile.Kind.INDIVIDUAL)

    page = text_of(client.get(DIRECTORY, {"kind": "hub"}))

    assert "Espace Coworking Nador" in page
    assert "Photographe indépendant" not in page


def test_the_directory_can_show_accompanied_creators_only(client):
    ProfileFactory(name="Bénéficiaire Takafaship", is_accompanied=True)
    ProfileFactory(name="Professionnel de la région", is_accompanied=False)

    page = text_of(client.get(DIRECTORY, {"accompanied": "on"}))

    assert "Bénéficiaire Takafaship" in page
    assert "Professionnel de la région" not in page


def test_a_profile_with_two_disciplines_of_a_sector_is_listed_once(client):
    ProfileFactory(name="Studio Polyvalent", disciplines=["mixage", "enregistrement"])

    page = text_of(client.get(DIRECTORY, {"sector": "son"}))

    assert page.count("Studio Polyvalent") == text_of(client.get(DIRECTORY)).count(
        "Studio Polyvalent"
    )


def test_a_page_number_past_the_end_does_not_fail(client):
    ProfileFactory(name="Unique profil")

    response = client.get(DIRECTORY, {"page": "42"})

    assert response.status_code == 200
    assert "Unique profil" in text_of(response)


def test_an_approved_profile_has_a_public_page(client):
    profile = ProfileFactory(name="Studio Nour", headline="Photographie de mariage à Oujda")

    response = client.get(f"/fr/directory/{profile.slug}/")

    assert response.status_code == 200
    page = text_of(response)
    assert "Studio Nour" in page
    assert "Photographie de mariage à Oujda" in page


def test_a_pending_profile_is_not_public(client):
    profile = ProfileFactory(status=Profile.Status.PENDING)

    assert client.get(f"/fr/directory/{profile.slug}/").status_code == 404


def test_a_pending_profile_is_not_shown_to_another_signed_in_user(client):
    profile = ProfileFactory(status=Profile.Status.PENDING)
    client.force_login(UserFactory())

    assert client.get(f"/fr/directory/{profile.slug}/").status_code == 404


def test_a_pending_profile_is_visible_to_its_owner(client):
    profile = ProfileFactory(name="Mon profil en attente", status=Profile.Status.PENDING)
    client.force_login(profile.user)

    response = client.get(f"/fr/directory/{profile.slug}/")

    assert response.status_code == 200
    assert "Mon profil en attente" in text_of(response)


def test_a_pending_profile_is_visible_to_programme_staff_only(client):
    profile = ProfileFactory(name="Profil à valider", status=Profile.Status.PENDING)
    client.force_login(UserFactory(is_staff=True))  # the flag alone is not a role
    assert client.get(f"/fr/directory/{profile.slug}/").status_code == 404
    staff = UserFactory()
    staff.groups.add(roles.group(roles.PROGRAMME_STAFF))
    client.force_login(staff)

    response = client.get(f"/fr/directory/{profile.slug}/")

    assert response.status_code == 200
    assert "Profil à valider" in text_of(response)


def test_an_unknown_profile_is_a_404(client):
    assert client.get("/fr/directory/personne-de-ce-nom/").status_code == 404


def test_the_directory_runs_as_many_queries_for_20_profiles_as_for_3(client):
    for _ in range(3):
        ProfileFactory(disciplines=["photographie", "mixage"])
    client.get(DIRECTORY)  # warm the per-process caches
    with_3 = count_queries(client, DIRECTORY)

    for index in range(17):
        ProfileFactory(
            disciplines=["eclairage"], province=province("nador" if index % 2 else "jerada")
        )
    with_20 = count_queries(client, DIRECTORY)

    assert with_20 == with_3


def test_a_profile_slug_is_made_from_its_name_and_kept_unique():
    first = ProfileFactory(name="Studio Atlas")
    second = ProfileFactory(name="Studio Atlas")

    assert first.slug == "studio-atlas"
    assert second.slug == "studio-atlas-2"
