"""The demo practices' sample documents as real text (searchable, copyable, read aloud by screen readers),
never pictures of text: a one-page PDF summary made by WeasyPrint with DejaVu fonts for Turkish letters."""

from collections.abc import Sequence
from html import escape


def summary_pdf(*, title: str, summary: str, steps: Sequence[str], footer: str) -> bytes:
    """A one-page A4 PDF with the title, summary and numbered replication steps, as a text layer."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    items = "".join(f"<li>{escape(step)}</li>" for step in steps)
    html = f"""<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="author" content="{escape(footer)}"><style>
@page {{ size: A4; margin: 20mm; @bottom-left {{ content: element(footer); }} }}
footer {{ position: running(footer); font-size: 8pt; color: #555; }}
html {{ font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.5; color: #222; }}
h1 {{ color: #0f5c6e; font-size: 18pt; border-top: 4mm solid #0f5c6e; padding-top: 6mm; }}
h2 {{ color: #0f5c6e; font-size: 13pt; }} li {{ margin-bottom: 2mm; }}
</style></head><body><h1>{escape(title)}</h1><p>{escape(summary)}</p>
<footer>{escape(footer)}</footer><h2>Uyarlama adımları</h2><ol>{items}</ol></body></html>"""
    # Nothing outside the string is loaded: no network, no files.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
