"""A professional creates and edits their own profile; staff approve it before it is public."""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from directory.models import Profile, VerifiedEmail
from tests.factories import ProfileFactory, UserFactory, discipline, province
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

CREATE = "/en/directory/account/new/"


def jpeg(name="photo.jpg", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#b4472b").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def form_data(**overrides):
    data = {
        "name": "Studio Amazigh Son",
        "kind": "individual",
        "headline": "Prise de son et mixage à Nador",
        "bio": "Dix ans de concerts dans le Rif.",
        "disciplines": [discipline("mixage").pk],
        "province": province("nador").pk,
        "city": "Nador",
        "latitude": "35.168100",
        "longitude": "-2.933500",
        "photo_alt": "",
        "skills": "Mixage\nMastering",
        "equipment": "",
        "languages": "Arabe, Tamazight",
        "availability": "available",
        "phone": "0536681234",
        "whatsapp": "0612345678",
        "email": "studio@example.org",
        "website": "",
        "instagram": "",
        "facebook": "",
        "youtube": "",
        "linkedin": "",
        "accepts_messages": "on",
        "portfolio-TOTAL_FORMS": "0",
        "portfolio-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


@pytest.fixture
def owner(client):
    user = UserFactory(email="pro@example.org")
    client.force_login(user)
    return user


def test_a_visitor_must_sign_in_to_create_a_profile(client):
    response = client.get(CREATE)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_from_sign_up_to_approval(client, owner):
    response = client.post(CREATE, form_data())

    assert response.status_code == 302
    profile = Profile.objects.get(user=owner)
    assert profile.status == Profile.Status.DRAFT  # the email is not confirmed yet
    assert str(profile.phone) == "+212536681234"  # stored in E.164
    assert [s.slug for s in profile.sectors.all()] == ["son"]
    [verification] = mail.outbox
    assert verification.to == ["pro@example.org"]
    link = re.search(r"https?://\S+/directory/account/verify/\S+/", verification.body).group(0)

    response = client.get(link)

    profile.refresh_from_db()
    assert profile.status == Profile.Status.PENDING
    assert profile.submitted_at is not None
    assert "now waits for approval" in text_of(client.get(response["Location"]))

    client.logout()
    assert client.get(profile.get_absolute_url()).status_code == 404
    assert "Studio Amazigh Son" not in text_of(client.get("/fr/directory/"))

    profile.status = Profile.Status.APPROVED  # what staff do in the Wagtail admin
    profile.save()

    assert client.get(profile.get_absolute_url()).status_code == 200
    assert "Studio Amazigh Son" in text_of(client.get("/fr/directory/"))
    assert [email.to for email in mail.outbox] == [["pro@example.org"], ["pro@example.org"]]
    with translation.override("fr"):  # emails are written in the site's default language
        assert profile.get_absolute_url() in mail.outbox[-1].body


def test_a_verified_user_sends_a_new_profile_straight_for_approval(client, owner):
    VerifiedEmail.objects.create(user=owner, email=owner.email)

    client.post(CREATE, form_data())

    assert Profile.objects.get(user=owner).status == Profile.Status.PENDING
    assert mail.outbox == []


def test_an_altered_verification_link_verifies_nothing(client, owner):
    client.post(CREATE, form_data())
    link = re.search(r"/en/directory/account/verify/\S+/", mail.outbox[0].body).group(0)

    response = client.get(link[:-3] + "xx/")

    assert response.status_code == 400
    assert Profile.objects.get(user=owner).status == Profile.Status.DRAFT
    assert not VerifiedEmail.objects.filter(user=owner).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12345", "valid phone number"),
        ("email", "not-an-email", "valid email"),
        ("latitude", "33.573100", "outside the Oriental"),
    ],
)
def test_bad_input_is_refused_and_what_was_typed_is_kept(client, owner, field, value, message):
    data = form_data(**{field: value})
    if field == "latitude":
        data["longitude"] = "-7.589800"  # Casablanca

    response = client.post(CREATE, data)

    assert response.status_code == 400
    page = text_of(response)
    assert message in page
    assert "Dix ans de concerts dans le Rif." in page
    assert "Studio Amazigh Son" in page
    assert not Profile.objects.filter(user=owner).exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("photo.jpg", b"<html><body><script>alert(1)</script></body></html>"),
        ("photo.png", b"not an image at all"),
    ],
)
def test_a_file_that_is_not_a_picture_is_refused(client, owner, name, content):
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")

    response = client.post(CREATE, {**form_data(photo_alt="Moi"), "photo": upload})

    assert response.status_code == 400
    assert "image" in text_of(response).lower()
    assert not Profile.objects.filter(user=owner).exists()


def test_an_oversized_picture_is_refused(client, owner, monkeypatch):
    monkeypatch.setattr("core.uploads.MAX_IMAGE_BYTES", 100)

    response = client.post(CREATE, {**form_data(photo_alt="Moi"), "photo": jpeg()})

    assert response.status_code == 400
    assert "too large" in text_of(response)


def test_a_real_picture_is_accepted(client, owner, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    response = client.post(CREATE, {**form_data(photo_alt="Portrait en studio"), "photo": jpeg()})

    assert response.status_code == 302
    assert Profile.objects.get(user=owner).photo


def test_changing_an_approved_profile_sends_it_back_for_approval(client, owner):
    profile = ProfileFactory(user=owner, name="Studio Publié")

    client.post(
        f"/en/directory/account/{profile.slug}/edit/",
        form_data(name="Studio Publié", headline="Nouveau titre"),
    )

    profile.refresh_from_db()
    assert profile.headline == "Nouveau titre"
    assert profile.status == Profile.Status.PENDING
    client.logout()
    assert client.get(profile.get_absolute_url()).status_code == 404


def test_editing_a_suspended_profile_does_not_lift_the_suspension(client, owner):
    profile = ProfileFactory(user=owner, name="Studio Suspendu", status=Profile.Status.SUSPENDED)

    client.post(
        f"/en/directory/account/{profile.slug}/edit/",
        form_data(name="Studio Suspendu", headline="Je corrige mon profil"),
    )

    profile.refresh_from_db()
    assert profile.headline == "Je corrige mon profil"
    assert profile.status == Profile.Status.SUSPENDED


def test_changing_only_the_availability_keeps_the_profile_public(client, owner):
    profile = ProfileFactory(user=owner)
    edit = f"/en/directory/account/{profile.slug}/edit/"
    form = client.get(edit).context["form"]
    skip = {"photo"}
    data = {
        n: form[n].value() for n in form.fields if n not in skip and form[n].value() is not None
    }
    data.update({"portfolio-TOTAL_FORMS": "0", "portfolio-INITIAL_FORMS": "0"})
    data["availability"] = "busy"
    data["accepts_messages"] = "on"

    client.post(edit, data)

    profile.refresh_from_db()
    assert profile.availability == "busy"
    assert profile.status == Profile.Status.APPROVED


def test_nobody_edits_another_users_profile(client, owner):
    other = ProfileFactory(user=UserFactory(), name="Le profil d'un autre")

    assert client.get(f"/en/directory/account/{other.slug}/edit/").status_code == 404
    response = client.post(f"/en/directory/account/{other.slug}/edit/", form_data())

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.name == "Le profil d'un autre"


def test_the_account_lists_ones_own_profiles_only(client, owner):
    ProfileFactory(user=owner, name="Mon studio")
    ProfileFactory(user=UserFactory(), name="Studio voisin")

    page = text_of(client.get("/en/directory/account/"))

    assert "Mon studio" in page
    assert "Studio voisin" not in page


def _portfolio(*items):
    data = {"portfolio-TOTAL_FORMS": str(len(items)), "portfolio-INITIAL_FORMS": "0"}
    for n, item in enumerate(items):
        data.update({f"portfolio-{n}-{key}": value for key, value in item.items()})
    return data


def test_a_portfolio_of_a_picture_and_a_video_link_is_saved_and_shown(
    client, owner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    VerifiedEmail.objects.create(user=owner, email=owner.email)
    data = {
        **form_data(),
        **_portfolio(
            {"title": "Concert", "image": jpeg("concert.jpg"), "image_alt": "Scène éclairée"},
            {"title": "Bande démo", "video_url": "https://vimeo.com/76979871"},
        ),
    }

    assert client.post(CREATE, data).status_code == 302

    profile = Profile.objects.get(user=owner)
    assert profile.portfolio.count() == 2
    profile.status = Profile.Status.APPROVED
    profile.save()
    page = client.get(profile.get_absolute_url()).content.decode()
    assert 'alt="Scène éclairée"' in page
    assert "https://player.vimeo.com/video/76979871?dnt=1" in page


def test_a_renamed_svg_in_the_portfolio_is_refused_and_nothing_is_saved(client, owner):
    svg = SimpleUploadedFile(
        "oeuvre.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "image/jpeg"
    )
    data = {**form_data(), **_portfolio({"image": svg, "image_alt": "Une œuvre"})}

    response = client.post(CREATE, data)

    assert response.status_code == 400
    assert "image" in text_of(response).lower()
    assert not Profile.objects.filter(user=owner).exists()


def test_a_video_link_from_another_site_is_refused(client, owner):
    data = {**form_data(), **_portfolio({"video_url": "https://example.org/film.mp4"})}

    response = client.post(CREATE, data)

    assert response.status_code == 400
    assert "YouTube or Vimeo" in text_of(response)
