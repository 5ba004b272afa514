"""The replication kit as files: a PDF rendered on the server by WeasyPrint from the kit page's own template,
and a ZIP of that PDF with the practice's documents.

Both are made once per published revision and language (on publish through the task queue, or on the first
download) and kept in the default storage under ``kits/<page id>/<revision>-<token>/<language>/``. The token
is an HMAC of the page, its live revision, the public address and the layout version, so a new publish gives
new files (an old revision's are never served, and are deleted) and the files of a practice that is later
unpublished or made private cannot be guessed; those are deleted too (practices.signals).
"""

import contextlib
import logging
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.text import slugify

from django_tasks import task

from portal.models import PortalSettings
from portal.site_address import page_public_url, site_base_url
from portal.text import fold

from . import selectors
from .models import PracticePage

logger = logging.getLogger(__name__)

KIT_ROOT = "kits"
# Bump when the kit's template or stylesheet changes, so stored files are made again with the new layout.
LAYOUT_VERSION = "1"
PDF_STYLESHEET = "css/kit-pdf.css"
KINDS = {"pdf": "application/pdf", "zip": "application/zip"}
# Documents are at most 20 MB each; bigger archives spill from memory to a temporary file.
ZIP_MEMORY_LIMIT = 8 * 1024 * 1024


@dataclass(frozen=True)
class KitFiles:
    """Where one revision's kit lives in the default storage, for one language."""

    folder: str
    pdf: str
    zip: str

    def name(self, kind: str) -> str:
        return self.pdf if kind == "pdf" else self.zip


def _revision_marker(practice: PracticePage) -> str:
    if practice.live_revision_id:
        return f"r{practice.live_revision_id}"
    # Pages made without a revision (bulk-generated libraries, test factories): their publication time.
    published = practice.last_published_at or practice.first_published_at
    return f"t{int(published.timestamp())}" if published else "t0"


def kit_files(practice: PracticePage, *, language: str) -> KitFiles:
    marker = _revision_marker(practice)
    message = f"{practice.pk}:{marker}:{site_base_url()}:{LAYOUT_VERSION}"
    token = salted_hmac("practices.kit", message).hexdigest()[:20]
    folder = f"{KIT_ROOT}/{practice.pk}/{marker}-{token}"
    return KitFiles(folder=folder, pdf=f"{folder}/{language}/kit.pdf", zip=f"{folder}/{language}/kit.zip")


def download_name(practice: PracticePage, kind: str) -> str:
    return f"{_safe_stem(practice.slug, fallback='practice')}-kit.{kind}"


def _safe_stem(text: str, *, fallback: str, limit: int = 60) -> str:
    """ASCII file-name stem: Turkish letters folded (ı -> i), anything else dropped, never a path."""
    return slugify(fold(text))[:limit].strip("-") or fallback


def kit_context(practice: PracticePage, *, office_name: str, language: str) -> dict[str, Any]:
    """Everything the kit shows besides the page's own fields: shared by the kit page and the PDF."""
    import segno

    practice_url = page_public_url(practice)
    return selectors.case_study_sections(practice) | {
        "kit": True,
        "language": language,
        "office_name": office_name,
        "kit_date": timezone.localdate(),
        "practice_url": practice_url,
        # A QR code back to the practice, as an SVG data URI: no file, no request, allowed by the CSP.
        "kit_qr": segno.make(practice_url, error="m").svg_data_uri(scale=4, border=2) if practice_url else "",
        "kit_pdf_url": practice_url + "kit.pdf" if practice_url else "",
        "kit_zip_url": practice_url + "kit.zip" if practice_url else "",
    }


def _office_name(practice: PracticePage) -> str:
    site = practice.get_site()
    return PortalSettings.for_site(site).office_name if site else ""


def render_pdf(html: str) -> bytes:
    """HTML to PDF with the kit stylesheet (DejaVu fonts for Turkish letters; a real text layer)."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    stylesheet = CSS(filename=finders.find(PDF_STYLESHEET))
    # data: URIs only (the QR code): rich text typed in the admin must never make the server fetch an
    # address, and nothing may be downloaded while rendering.
    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=html, base_url=site_base_url() + "/", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet])


def render_kit_pdf(practice: PracticePage, *, language: str) -> bytes:
    with translation.override(language):
        context = kit_context(practice, office_name=_office_name(practice), language=language)
        html = render_to_string("pages/practice_kit_pdf.html", context | {"page": practice})
    return render_pdf(html)


def _document_member_name(item, *, number: int) -> str:
    extension = re.sub(r"[^a-z0-9]", "", item.document.file_extension.lower())[:8] or "bin"
    return f"documents/{number:02d}-{_safe_stem(item.display_title, fallback='document')}.{extension}"


def build_kit_zip(practice: PracticePage, *, pdf: bytes) -> File:
    """The PDF and every document of the practice; member names are made here, never taken from uploads."""
    buffer = tempfile.SpooledTemporaryFile(max_size=ZIP_MEMORY_LIMIT)  # noqa: SIM115 - handed to storage
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(download_name(practice, "pdf"), pdf)
        documents = practice.documents.select_related("document")
        for number, item in enumerate(documents, start=1):
            name = _document_member_name(item, number=number)
            member = zipfile.ZipInfo(name, date_time=timezone.localtime().timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            try:
                with item.document.file.open("rb") as source, archive.open(member, "w") as target:
                    shutil.copyfileobj(source, target, 1024 * 1024)
            except (OSError, ValueError):
                # A file missing from storage leaves the kit without it rather than without a kit.
                logger.warning("Kit of practice %s: document %s is unreadable", practice.pk, item.document_id)
    buffer.seek(0)
    return File(buffer, name="kit.zip")


def _save(name: str, content: File) -> None:
    if not default_storage.exists(name):
        default_storage.save(name, content)


def _delete_tree(path: str) -> None:
    try:
        folders, files = default_storage.listdir(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    for folder in folders:
        _delete_tree(f"{path}/{folder}")
    for file in files:
        default_storage.delete(f"{path}/{file}")
    with contextlib.suppress(OSError):
        default_storage.delete(path)


def kit_delete(*, page_id: int, keep: str | None = None) -> None:
    """Remove a practice's stored kits, all of them or all but the folder ``keep``."""
    root = f"{KIT_ROOT}/{int(page_id)}"
    if keep is None:
        _delete_tree(root)
        return
    try:
        folders, _files = default_storage.listdir(root)
    except (FileNotFoundError, NotADirectoryError):
        return
    for folder in folders:
        if f"{root}/{folder}" != keep:
            _delete_tree(f"{root}/{folder}")


def kit_delete_all() -> None:
    """Forget every stored kit (e.g. the office's name changed); each is made again when next asked for."""
    _delete_tree(KIT_ROOT)


def kit_ensure(practice: PracticePage, *, language: str) -> KitFiles:
    """The stored kit of the practice's live revision in ``language``, made now if it is missing.

    Call it only with a live, public practice (selectors.published_practices()).
    """
    files = kit_files(practice, language=language)
    if default_storage.exists(files.pdf) and default_storage.exists(files.zip):
        return files
    started = time.monotonic()
    pdf = render_kit_pdf(practice, language=language)
    _save(files.pdf, ContentFile(pdf))
    archive = build_kit_zip(practice, pdf=pdf)
    try:
        _save(files.zip, archive)
    finally:
        archive.close()
    kit_delete(page_id=practice.pk, keep=files.folder)
    elapsed = time.monotonic() - started
    logger.info("Made the %s replication kit of practice %s in %.1f s", language, practice.pk, elapsed)
    return files


@task()
def build_kit_task(page_id: int) -> bool:
    """Make the kit of a just-published practice in the site's main language (others follow on demand)."""
    practice = selectors.published_practices().filter(pk=page_id).first()
    if practice is None:
        kit_delete(page_id=page_id)
        return False
    try:
        kit_ensure(practice, language=settings.LANGUAGE_CODE)
    except Exception:
        # The first download makes it instead; the editor's publish has already succeeded.
        logger.exception("Could not make the replication kit of practice %s", page_id)
        raise
    return True


def kit_enqueue(page_id: int) -> None:
    """Queue the kit of a published practice; never let it fail the request that published the page."""
    try:
        build_kit_task.enqueue(page_id)
    except Exception:
        logger.exception("Could not queue the replication kit of practice %s", page_id)
