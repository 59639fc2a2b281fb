"""Uploads on S3-compatible object storage, against moto's local S3 server.

The settings block in config/settings/base.py builds ``STORAGES`` from the AWS_* variables;
here the same ``S3Storage`` options point at a throw-away moto server, so what the tests
observe (objects in buckets, URLs, downloads) is what production does on real object storage.
"""

import io

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.functional import empty
from moto.server import ThreadedMotoServer
from PIL import Image

from core import uploads
from shop.catalogue.models import Product, ProductClass
from tests.factories import PartnerFactory, discipline
from tests.factories.partner import creator_with_shop

pytestmark = pytest.mark.django_db

PUBLIC = "takafamap-media"
PRIVATE = "takafamap-private"
ADD = "/fr/shop/my-shop/products/add/"
ZIP = b"PK\x03\x04" + b"\x00" * 60


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, settings, monkeypatch):
    """Empty buckets on the local server, and STORAGES pointing at them (as base.py does)."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",  # noqa: S105 - moto accepts any key
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    for bucket in (PUBLIC, PRIVATE):
        client.create_bucket(Bucket=bucket)
    common = {"endpoint_url": s3_server, "region_name": "us-east-1", "file_overwrite": False}
    # Changing STORAGES resets Django's storage handler and default_storage (setting_changed).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "bucket_name": PUBLIC, "querystring_auth": False},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": PRIVATE,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
    }
    # core.uploads resolves the private storage lazily, once: make it look again (and after).
    monkeypatch.setattr(uploads._private, "_wrapped", empty)
    yield client
    uploads._private._wrapped = empty
    for bucket in (PUBLIC, PRIVATE):
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
        client.delete_bucket(Bucket=bucket)


@pytest.fixture
def creator():
    return creator_with_shop()


def keys(client, bucket):
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def picture():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def product_data(product_class, **overrides):
    data = {
        "title": "Tirage sur S3",
        "product_class": ProductClass.objects.get(slug=product_class).pk,
        "discipline": discipline("photographie").pk,
        "description": "Un tirage.",
        "price": "150",
        "price_kind": "fixed",
        "num_in_stock": "3" if product_class == "physical" else "",
        "is_public": "on",
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "8",
    }
    data.update(overrides)
    return data


def test_a_product_picture_lands_in_the_public_bucket_with_a_plain_url(
    s3, s3_server, client, creator
):
    client.force_login(creator)
    data = product_data("physical", **{"images-0-original": picture(), "images-0-caption": "Vue"})

    response = client.post(ADD, data)

    assert response.status_code == 302
    image = Product.objects.get(title="Tirage sur S3").images.get()
    assert keys(s3, PUBLIC) == [image.original.name]
    assert keys(s3, PRIVATE) == []
    url = image.original.url
    assert url.startswith(f"{s3_server}/{PUBLIC}/") and "Signature" not in url
    body = s3.get_object(Bucket=PUBLIC, Key=image.original.name)["Body"].read()
    assert body.startswith(b"\x89PNG")


def test_same_name_uploads_do_not_overwrite_each_other(s3, client, creator):
    client.force_login(creator)
    for title in ("Premier", "Second"):
        data = product_data(
            "physical", title=title, **{"images-0-original": picture(), "images-0-caption": "V"}
        )
        assert client.post(ADD, data).status_code == 302

    assert len(set(keys(s3, PUBLIC))) == 2


def test_a_digital_file_lands_in_the_private_bucket_and_only_its_creator_downloads_it(
    s3, client, creator
):
    client.force_login(creator)
    upload = SimpleUploadedFile("luts.zip", ZIP, "application/zip")
    data = product_data("digital", title="Pack de LUTs", digital_file=upload)
    data["images-TOTAL_FORMS"] = "0"

    assert client.post(ADD, data).status_code == 302

    product = Product.objects.get(title="Pack de LUTs")
    assert keys(s3, PRIVATE) == [product.digital_file.name]
    assert keys(s3, PUBLIC) == []
    acl = s3.get_object_acl(Bucket=PRIVATE, Key=product.digital_file.name)
    assert not [g for g in acl["Grants"] if g["Grantee"].get("URI", "").endswith("AllUsers")]
    file_url = f"/fr/shop/my-shop/products/{product.pk}/file/"
    response = client.get(file_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == ZIP
    other = PartnerFactory().profile.user
    stranger = Client()
    stranger.force_login(other)
    assert stranger.get(file_url).status_code == 404


def test_the_health_check_still_answers(s3, client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] in {"ok", "degraded"}
