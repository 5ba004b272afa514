"""Crafted uploads to the admin's add views: only real images and documents of the allowed kinds are kept."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PILImage

import portal.uploads

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 80, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (20, 80, 140)).save(buffer, "JPEG")
    return buffer.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    checksum = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return struct.pack(">I", len(data)) + kind + data + checksum


def png_bomb(width: int, height: int) -> bytes:
    """A few hundred bytes that claim a huge 1-bit image: rows of zeros compress to almost nothing."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(min(height, 2000))) + compressor.flush()
    chunks = png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def post_image(client, name: str, content: bytes, content_type: str = "image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Yüklenen görsel",
            "description": "Bir görselin açıklaması",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def post_document(client, name: str, content: bytes, content_type: str = "application/octet-stream"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Yüklenen belge",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


@pytest.fixture
def editor_client(client, editor, english):
    client.force_login(editor)
    return client


def assert_image_refused(response, message: str):
    assert response.status_code == 200, "the form is shown again"
    html = response.content.decode()
    assert message in html, html[html.find("error") - 200 : html.find("error") + 400]
    assert get_image_model().objects.count() == 0


def assert_document_refused(response, message: str):
    assert response.status_code == 200, "the form is shown again"
    html = response.content.decode()
    assert message in html
    assert get_document_model().objects.count() == 0


def test_a_real_png_is_accepted(editor_client):
    response = post_image(editor_client, "afis.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.get().description == "Bir görselin açıklaması"


def test_a_real_jpeg_is_accepted(editor_client):
    assert post_image(editor_client, "foto.jpg", jpeg_bytes(), "image/jpeg").status_code == 302


def test_a_text_file_renamed_to_png_is_refused(editor_client):
    response = post_image(editor_client, "not-an-image.png", b"just some words, not pixels")
    assert_image_refused(response, "Upload a valid image")


def test_html_renamed_to_jpg_is_refused(editor_client):
    response = post_image(editor_client, "page.jpg", HTML, "image/jpeg")
    assert_image_refused(response, "This file is a web page or XML document, not an image")


def test_a_jpeg_renamed_to_png_is_refused_because_the_format_does_not_match(editor_client):
    response = post_image(editor_client, "foto.png", jpeg_bytes())
    assert_image_refused(response, "The extension does not match the file format")


def test_svg_is_refused_with_a_clear_message(editor_client):
    response = post_image(editor_client, "logo.svg", SVG, "image/svg+xml")
    assert_image_refused(response, "SVG images are not accepted because they can contain scripts")


def test_svg_renamed_to_png_is_refused(editor_client):
    response = post_image(editor_client, "logo.png", SVG)
    assert_image_refused(response, "SVG images are not accepted because they can contain scripts")


def test_an_image_over_the_pixel_limit_is_refused(editor_client, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    response = post_image(editor_client, "huge.png", png_bomb(8000, 8000))  # 64 million pixels
    assert_image_refused(response, "This file has too many pixels")


def test_a_decompression_bomb_is_refused_without_being_decoded(editor_client):
    bomb = png_bomb(60_000, 60_000)  # 3.6 billion pixels in a few kilobytes
    assert len(bomb) < 100_000
    response = post_image(editor_client, "bomb.png", bomb)
    assert_image_refused(response, "This file has too many pixels")


def test_a_truncated_image_is_refused(editor_client):
    data = png_bytes((300, 200))
    response = post_image(editor_client, "cut.png", data[: len(data) // 2])
    html = response.content.decode()
    assert response.status_code == 200
    assert "This image file is damaged or incomplete" in html
    assert get_image_model().objects.count() == 0


def test_an_image_over_the_size_limit_is_refused(editor_client, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = post_image(editor_client, "big.png", png_bytes((400, 400)))
    assert_image_refused(response, "This file is too big")


def test_an_image_without_alt_text_is_refused(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Görsel",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("afis.png", png_bytes(), content_type="image/png"),
        },
    )
    assert response.status_code == 200
    assert get_image_model().objects.count() == 0


def docx_bytes(member: str = "word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<w:document/>")
    return buffer.getvalue()


def test_a_real_pdf_is_accepted(editor_client):
    response = post_document(editor_client, "rapor.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1


def test_a_real_docx_and_a_utf8_csv_are_accepted(editor_client):
    assert post_document(editor_client, "plan.docx", docx_bytes()).status_code == 302
    assert post_document(editor_client, "veri.csv", "il,sayı\nMersin,12\n".encode()).status_code == 302
    assert get_document_model().objects.count() == 2


def test_html_renamed_to_pdf_is_refused(editor_client):
    response = post_document(editor_client, "rapor.pdf", HTML, "application/pdf")
    assert_document_refused(response, "do not match its .pdf extension")


def test_html_is_refused_by_extension(editor_client):
    response = post_document(editor_client, "sayfa.html", HTML, "text/html")
    assert_document_refused(response, "html")
    assert "not allowed" in response.content.decode()


def test_svg_is_refused_as_a_document(editor_client):
    response = post_document(editor_client, "logo.svg", SVG, "image/svg+xml")
    assert_document_refused(response, "not allowed")


def test_a_text_file_renamed_to_docx_is_refused(editor_client):
    response = post_document(editor_client, "plan.docx", b"plain words")
    assert_document_refused(response, "do not match its .docx extension")


def test_a_zip_renamed_to_xlsx_is_refused(editor_client):
    response = post_document(editor_client, "tablo.xlsx", docx_bytes())
    assert_document_refused(response, "do not match its .xlsx extension")


def test_html_saved_as_txt_is_refused(editor_client):
    response = post_document(editor_client, "notlar.txt", HTML, "text/plain")
    assert_document_refused(response, "must be plain text")


def test_a_zip_bomb_is_refused(editor_client, monkeypatch):
    monkeypatch.setattr(portal.uploads, "MAX_UNPACKED_ARCHIVE_SIZE", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.bin", b"\x00" * (5 * 1024 * 1024))
    assert len(buffer.getvalue()) < 50_000
    response = post_document(editor_client, "arsiv.zip", buffer.getvalue())
    assert_document_refused(response, "unpacks to more than 1 MB")


def test_a_document_over_the_size_limit_is_refused(editor_client, settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    response = post_document(editor_client, "rapor.pdf", b"%PDF-1.7\n" + b"0" * 500)
    assert_document_refused(response, "This file is too big")


def test_the_multiple_upload_view_applies_the_same_checks(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("logo.png", SVG, content_type="image/png")},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert "SVG images are not accepted" in payload["error_message"]
    assert get_image_model().objects.count() == 0
