"""Uploads: what a file may be (read from its content, never its name); where private files live.

Public pictures (profile photos, product images, banners) go to the default storage and are
served as media. Private files (quote attachments, bank-transfer receipts, application
attachments, digital products) go to ``private_storage``, outside ``MEDIA_ROOT``: nothing
serves them but a view that has checked who is asking, through ``private_file_response``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MEGABYTE = 1024 * 1024
MAX_IMAGE_BYTES = 5 * MEGABYTE
MAX_DOCUMENT_BYTES = 10 * MEGABYTE
MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel photo; decompression bombs are bigger
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
PDF_MAGIC = b"%PDF-"
# A checked file is stored, and served, under the extension of what it really is.
EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
}


def with_extension(name, content_type):
    """``name`` ending with the extension of ``content_type`` (``x.pdf`` → ``x.png``)."""
    extension = EXTENSIONS.get(content_type)
    if not extension or not name:
        return name
    directory, slash, base = name.rpartition("/")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{directory}{slash}{stem or 'file'}{extension}"


def _store_as(upload, content_type):
    """Rename a checked upload (or the model's file wrapping it) after its real type."""
    name = getattr(upload, "name", None)
    if name:
        upload.name = with_extension(name, content_type)


def _check_size(upload, limit):
    size = getattr(upload, "size", 0) or 0
    if size > limit:
        raise ValidationError(
            _("This file is too large (%(size)s MB); the limit is %(limit)s MB."),
            params={"size": f"{size / MEGABYTE:.1f}", "limit": limit // MEGABYTE},
            code="too_large",
        )


def _is_new_upload(upload):
    # Files already stored (a model instance re-saved) are not re-read.
    return bool(upload) and not getattr(upload, "_committed", False)


def sniff_image(upload):
    """The Pillow format name of ``upload`` (``"JPEG"``, ``"PNG"``…) or ``None``."""
    file = getattr(upload, "file", upload)
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        file.seek(0)
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("This picture is too large (%(pixels)s megapixels); the limit is %(limit)s."),
            params={"pixels": width * height // 10**6, "limit": MAX_IMAGE_PIXELS // 10**6},
            code="too_many_pixels",
        )
    return image_format


def read_head(upload, size):
    """The first ``size`` bytes of an upload, leaving it at its start."""
    file = getattr(upload, "file", upload)
    try:
        file.seek(0)
        return file.read(size)
    finally:
        file.seek(0)


def is_pdf(upload):
    head = read_head(upload, 1024)
    return PDF_MAGIC in head[:1024] and head.lstrip().startswith(PDF_MAGIC)


def validate_image(upload, max_bytes=None):
    """Refuse anything but a real JPEG, PNG or WebP picture under the size and pixel limits.

    An SVG, HTML or any file renamed ``.jpg`` is refused: the content is read, not the name.
    """
    if not _is_new_upload(upload):
        return
    _check_size(upload, max_bytes or MAX_IMAGE_BYTES)
    image_format = sniff_image(upload)
    if image_format is None:
        raise ValidationError(
            _("This file is not a picture we can read: send a JPEG, PNG or WebP image."),
            code="not_an_image",
        )
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(_("Send a JPEG, PNG or WebP image."), code="image_format")
    _store_as(upload, IMAGE_FORMATS[image_format])


def validate_document(upload, max_bytes=None):
    """Accept a PDF, or a JPEG, PNG or WebP picture (receipts, briefs); refuse the rest."""
    if not _is_new_upload(upload):
        return
    _check_size(upload, max_bytes or MAX_DOCUMENT_BYTES)
    if is_pdf(upload):
        _store_as(upload, "application/pdf")
        return
    image_format = sniff_image(upload)
    if image_format in IMAGE_FORMATS:
        _store_as(upload, IMAGE_FORMATS[image_format])
        return
    raise ValidationError(
        _("Send a PDF document or a JPEG, PNG or WebP picture."), code="document_format"
    )


def content_type_of(field_file):
    """The MIME type read from the stored file's content (never trusted from the upload)."""
    with field_file.open("rb") as handle:
        if is_pdf(handle):
            return "application/pdf"
        image_format = sniff_image(handle)
    return IMAGE_FORMATS.get(image_format, "application/octet-stream")


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files kept outside MEDIA_ROOT, with no URL: served only by permission-checked views."""

    def __init__(self, **kwargs):
        kwargs.setdefault("location", getattr(settings, "PRIVATE_MEDIA_ROOT", None))
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    def url(self, name):  # pragma: no cover - guard against accidental public links
        raise ValueError("Private files have no public URL; serve them through a view.")


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"] if "private" in settings.STORAGES else PrivateStorage()


def private_storage():
    """The storage for private files; a callable so models' migrations do not freeze a path."""
    return _private


_private = _PrivateStorage()


def private_file_response(field_file, download_name=None):
    """Serve a private file as an attachment, with the type read from its content.

    Call it only after the view has decided the requester may have the file.
    """
    if not field_file:
        raise Http404
    try:
        content_type = content_type_of(field_file)
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        # Never under a name a computer would open as something else (poly.html).
        filename=with_extension(download_name or field_file.name.rsplit("/", 1)[-1], content_type),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
