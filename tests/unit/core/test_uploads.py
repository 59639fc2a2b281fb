"""What a shared upload validator accepts and refuses, read from the content, not the name."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core import uploads


def _png(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def test_a_real_picture_passes_whatever_its_name():
    uploads.validate_image(SimpleUploadedFile("photo.txt", _png()))
    uploads.validate_document(SimpleUploadedFile("scan.bin", _png()))


@pytest.mark.parametrize("content", [SVG, b"<html><body>hi</body></html>", PDF])
def test_anything_else_named_jpg_is_not_a_picture(content):
    with pytest.raises(ValidationError) as error:
        uploads.validate_image(SimpleUploadedFile("photo.jpg", content))
    assert error.value.code == "not_an_image"


def test_a_pdf_is_a_document_and_html_is_not():
    uploads.validate_document(SimpleUploadedFile("receipt.jpg", PDF))
    with pytest.raises(ValidationError) as error:
        uploads.validate_document(SimpleUploadedFile("receipt.pdf", SVG))
    assert error.value.code == "document_format"


def test_size_and_pixel_limits(monkeypatch):
    with pytest.raises(ValidationError) as error:
        uploads.validate_document(SimpleUploadedFile("big.pdf", PDF), max_bytes=10)
    assert error.value.code == "too_large"
    monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 100)
    with pytest.raises(ValidationError) as error:
        uploads.validate_image(SimpleUploadedFile("wide.png", _png((20, 20))))
    assert error.value.code == "too_many_pixels"


def test_private_files_are_served_as_attachments_with_their_real_type(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    storage = uploads.PrivateStorage()
    name = storage.save("receipts/receipt.html", io.BytesIO(PDF))
    field_file = type("F", (), {})()  # a stand-in with the FieldFile API the helper uses
    field_file.name = name
    field_file.open = lambda mode="rb": storage.open(name, mode)
    response = uploads.private_file_response(field_file, "receipt.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    with pytest.raises(ValueError):
        storage.url(name)
