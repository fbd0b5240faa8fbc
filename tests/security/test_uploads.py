"""Uploads: oversized and bomb images, SVG, fake images and HTML documents get a clear form error, never
a 500; uploaded originals are not reachable under /media/."""

import io
import os
import struct
import zlib

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def png(width=8, height=8) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes whose header claims width × height pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<html><body><script>alert(1)</script></body></html>"


def upload_image(client, name: str, content: bytes, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {"title": "Test", "file": SimpleUploadedFile(name, content, content_type=content_type), "collection": 1},
    )


def form_errors(response) -> str:
    assert response.status_code == 200, response.status_code  # the form again, not a 500 or a redirect
    form = response.context["form"]
    assert form.errors, "the upload was accepted"
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def test_limits_are_configured():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert not {"html", "htm", "svg", "xml", "js"} & set(settings.WAGTAILDOCS_EXTENSIONS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bombe.png", png_claiming(30000, 30000), "Pixel"),
        ("grafik.svg", SVG, "Bildformat"),
        ("kein-bild.png", b"Das ist Text, kein Bild.", "Bild"),
        ("seite.png", HTML, "Bild"),
    ],
)
def test_bad_images_get_a_form_error(superuser_client, root_collection, name, content, expected):
    images = get_image_model().objects.count()
    errors = form_errors(upload_image(superuser_client, name, content))
    assert expected.lower() in errors.lower(), errors
    assert get_image_model().objects.count() == images


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=4 * 1024)
def test_oversized_image_gets_a_form_error(superuser_client, root_collection):
    noisy = io.BytesIO()  # random pixels do not compress: well over the 4 KB limit
    Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3)).save(noisy, "PNG")
    errors = form_errors(upload_image(superuser_client, "gross.png", noisy.getvalue()))
    assert "groß" in errors.lower() or "size" in errors.lower() or "MB" in errors, errors


@pytest.mark.django_db
def test_a_real_image_is_accepted_and_its_original_is_not_public(superuser_client, client, root_collection):
    response = upload_image(superuser_client, "foto.png", png())
    assert response.status_code == 302
    image = get_image_model().objects.latest("pk")
    original = f"/media/{image.file.name}"
    for path in (original, "/media/", "/media/original_images/", "/media/images/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert png()[:8] not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), [("seite.html", HTML), ("grafik.svg", SVG), ("skript.js", b"alert(1)")])
def test_html_svg_and_script_documents_are_refused(superuser_client, root_collection, name, content):
    documents = get_document_model().objects.count()
    response = superuser_client.post(
        "/admin/documents/add/",
        {"title": "Test", "file": SimpleUploadedFile(name, content, content_type="text/html"), "collection": 1},
    )
    errors = form_errors(response)
    assert errors
    assert get_document_model().objects.count() == documents


@pytest.mark.django_db
def test_documents_are_served_only_as_attachments_not_from_media(superuser_client, client, root_collection):
    response = superuser_client.post(
        "/admin/documents/add/",
        {"title": "Notiz", "file": SimpleUploadedFile("notiz.txt", HTML, content_type="text/plain"), "collection": 1},
    )
    assert response.status_code == 302
    document = get_document_model().objects.latest("pk")
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert "sandbox" in served["Content-Security-Policy"]
    assert client.get(f"/media/{document.file.name}").status_code == 404
