"""Upload validation for the admin's image and document forms: the content must match the extension.

Wagtail already checks extensions, file size and pixel count; these forms add what an attacker would try
next: SVG (which can carry script), files renamed to an allowed extension, damaged images, and documents
whose bytes are not what their name says (an HTML page saved as .pdf). Wired in through
WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single and multiple upload views
and the choosers' upload tabs all use them.
"""

import io
import os
import struct
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image as PILImage

SNIFF_BYTES = 2048
# Markup that a browser would render as a page or run as script if the file were ever sniffed.
MARKUP_SIGNATURES = (
    b"<!doctype html",
    b"<html",
    b"<script",
    b"<svg",
    b"<?xml",
    b"<body",
    b"<iframe",
    b"<head",
)
# Unpacked size allowed for the archive-based formats (docx, xlsx, pptx, odt, zip): a zip bomb is refused.
MAX_UNPACKED_ARCHIVE_SIZE = 200 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 10_000

SVG_REFUSED = _(
    "SVG images are not accepted because they can contain scripts. "
    "Please upload a PNG, JPEG, GIF or WebP image."
)
MARKUP_NOT_IMAGE = _(
    "This file is a web page or XML document, not an image. Please upload a PNG, JPEG, GIF or WebP image."
)
DAMAGED_IMAGE = _("This image file is damaged or incomplete. Please export it again and upload the new file.")
CONTENT_MISMATCH = _(
    "The contents of this file do not match its .%(extension)s extension. "
    "Upload the original %(kind)s file, not a renamed one."
)
ARCHIVE_TOO_LARGE = _("This file unpacks to more than %(limit)s MB and cannot be accepted.")
TEXT_NOT_PLAIN = _(
    "This .%(extension)s file must be plain text (UTF-8); web pages and binary files are not accepted."
)


def _head(uploaded) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    return head


def _looks_like_markup(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return any(signature in text[:SNIFF_BYTES] for signature in MARKUP_SIGNATURES)


def _extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


class PortalImageField(WagtailImageField):
    """Wagtail's image field, plus a clear refusal of SVG and a full integrity check of the bitmap."""

    def to_python(self, data):
        if data is None or not hasattr(data, "read"):
            return super().to_python(data)
        head = _head(data)
        is_markup = _looks_like_markup(head)
        if _extension(getattr(data, "name", "")) == "svg" or (is_markup and b"<svg" in head.lower()):
            raise ValidationError(SVG_REFUSED, code="svg_refused")
        if is_markup:
            raise ValidationError(MARKUP_NOT_IMAGE, code="markup_not_image")
        try:
            f = super().to_python(data)
        except (OSError, ValueError, SyntaxError, struct.error, EOFError) as exc:
            # Wagtail reads the size and frame count without catching errors from a truncated file.
            raise ValidationError(DAMAGED_IMAGE, code="damaged_image") from exc
        if f is not None:
            self.check_integrity(data)
        return f

    def check_integrity(self, data) -> None:
        """Let Pillow walk the whole file (CRCs, chunk lengths); a truncated or doctored image fails here."""
        data.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(io.BytesIO(data.read())) as image:
                    image.verify()
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": _("unknown number"), "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            ) from None
        except Exception as exc:  # Pillow raises many exception types for broken files
            raise ValidationError(DAMAGED_IMAGE, code="damaged_image") from exc
        finally:
            data.seek(0)


class PortalImageForm(BaseImageForm):
    """Base of every image form in the admin (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            current = self.fields["file"]
            self.fields["file"] = PortalImageField(
                label=current.label, required=current.required, widget=current.widget
            )


def _check_pdf(head: bytes) -> bool:
    return head.startswith(b"%PDF-")


def _check_archive(uploaded, *, required_member: str | None) -> str | None:
    """Return an error message, or None when the archive is sound and (for office files) of the right kind."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            if len(members) > MAX_ARCHIVE_MEMBERS or unpacked > MAX_UNPACKED_ARCHIVE_SIZE:
                return ARCHIVE_TOO_LARGE % {"limit": MAX_UNPACKED_ARCHIVE_SIZE // (1024 * 1024)}
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, OSError, ValueError):
        return ""
    finally:
        uploaded.seek(0)
    if required_member and required_member not in names:
        return ""
    return None


# extension -> (what the user should upload, check); the check returns None when the file is fine,
# "" for a generic mismatch, or a specific message.
DOCUMENT_KINDS = {
    "pdf": _("PDF"),
    "docx": _("Word"),
    "xlsx": _("Excel"),
    "pptx": _("PowerPoint"),
    "odt": _("OpenDocument text"),
    "zip": _("ZIP"),
    "csv": _("CSV"),
    "txt": _("text"),
}
OFFICE_MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}


def document_content_error(uploaded, extension: str) -> str | None:
    """Why the bytes of ``uploaded`` do not fit ``extension`` (a translated message), or None if they do."""
    head = _head(uploaded)
    kind = DOCUMENT_KINDS.get(extension, extension.upper())
    mismatch = CONTENT_MISMATCH % {"extension": extension, "kind": kind}
    if extension == "pdf":
        return None if _check_pdf(head) else mismatch
    if extension in ("docx", "xlsx", "pptx", "odt", "zip"):
        if not head.startswith(b"PK\x03\x04"):
            return mismatch
        if extension == "odt":
            error = _check_archive(uploaded, required_member="content.xml")
            if error is None and b"application/vnd.oasis.opendocument.text" not in head:
                return mismatch
        else:
            error = _check_archive(uploaded, required_member=OFFICE_MEMBERS.get(extension))
        if error == "":
            return mismatch
        return error
    if extension in ("csv", "txt"):
        uploaded.seek(0)
        content = uploaded.read()
        uploaded.seek(0)
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return TEXT_NOT_PLAIN % {"extension": extension}
        if b"\x00" in content or _looks_like_markup(head):
            return TEXT_NOT_PLAIN % {"extension": extension}
        return None
    # An extension added to WAGTAILDOCS_EXTENSIONS without a check here: refuse markup at least.
    return mismatch if _looks_like_markup(head) else None


class PortalDocumentForm(BaseDocumentForm):
    """Base of every document form in the admin (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Unchanged on edit, or already refused by Wagtail's size check.
        if not uploaded or "file" not in self.changed_data or not hasattr(uploaded, "read"):
            return uploaded
        extension = _extension(uploaded.name)
        if extension not in getattr(settings, "WAGTAILDOCS_EXTENSIONS", ()):
            return uploaded  # the model's extension check explains which extensions are allowed
        error = document_content_error(uploaded, extension)
        if error:
            raise ValidationError(error, code="content_mismatch")
        return uploaded
