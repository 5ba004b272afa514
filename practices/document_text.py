"""The text of a practice's attached documents, extracted once when a document is linked (not per query),
so search finds words that only appear in a PDF or TXT file."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

MAX_PAGES = 50
MAX_CHARACTERS = 100_000


def extract_document_text(document) -> str:
    """Plain text of a Wagtail document (PDF or TXT; other formats give ""), never raising."""
    extension = document.file_extension.lower()
    if extension not in ("pdf", "txt"):
        return ""
    try:
        with document.open_file() as handle:
            if extension == "txt":
                text = handle.read(MAX_CHARACTERS * 4).decode("utf-8", errors="replace")
            else:
                reader = PdfReader(handle)
                pages = reader.pages[:MAX_PAGES]
                text = "\n".join(page.extract_text() or "" for page in pages)
    except (OSError, ValueError, PyPdfError) as error:
        logger.warning("Could not read the text of document %s: %s", document.pk, error)
        return ""
    return " ".join(text.split())[:MAX_CHARACTERS]
