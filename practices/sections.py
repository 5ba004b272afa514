"""The addresses of the site's sections (the library, the trainings, the publications) in each language.

The header, the footer and a few pages link to the index pages of the page tree: in the address's language
when that language has one (Turkish at the root, English under ``/en/``), otherwise the Turkish one. All of
them, in every language, come from one query, kept per process and per public cache version
(portal.cache): publishing, unpublishing, moving or deleting a page bumps that version, so a renamed or
translated index page shows up on the next request, and a warm process answers without any query.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from portal.cache import per_version
from portal.languages import active_language, language_of_locale, locale_id

from .models import EventIndexPage, PracticeIndexPage, PublicationIndexPage

SECTIONS = {"practices": PracticeIndexPage, "events": EventIndexPage, "publications": PublicationIndexPage}
REQUEST_ATTRIBUTE = "_section_addresses"


def _compute(request) -> dict[str, dict[str, str]]:
    """One query: every live index page of each section, the first in tree order per language."""
    kinds = {ContentType.objects.get_for_model(model).pk: name for name, model in SECTIONS.items()}
    found: dict[str, dict[str, str]] = {}
    pages = Page.objects.live().filter(content_type_id__in=kinds).order_by("path")
    for page in pages.only("url_path", "locale_id", "content_type_id", "path", "depth"):
        language = language_of_locale(page.locale_id)
        by_section = found.setdefault(language or "", {})
        if kinds[page.content_type_id] in by_section:
            continue
        if url := page.get_url(request=request):
            by_section[kinds[page.content_type_id]] = url
    default = found.get(settings.LANGUAGE_CODE, {})
    return {language: {**default, **found.get(language, {})} for language, _name in settings.LANGUAGES}


def section_addresses(request=None) -> dict[str, str]:
    """``{"practices": ..., "events": ..., "publications": ...}`` in the active language; a section without
    any live index page is left out."""
    cached = getattr(request, REQUEST_ATTRIBUTE, None) if request is not None else None
    if cached is not None:
        return cached
    host = request.get_host() if request is not None else ""
    table = per_version("section-addresses", host, lambda: _compute(request))
    addresses = table.get(active_language(), table.get(settings.LANGUAGE_CODE, {}))
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, addresses)
    return addresses


def reader_link(request, page: Page, section: str) -> dict:
    """Where a link to ``page`` (a child of ``section``'s index page) goes for a reader of the address's
    language, and the page's language when it is not theirs: ``{"url": ..., "language": "" or "tr"}``. A
    page with no translation in that language is served under that language's index (``/en/<index>/<slug>/``,
    practices.models.untranslated), marked as Turkish. No query (the index addresses are kept per process)."""
    if page.locale_id == locale_id(active_language()):
        return {"url": page.get_url(request=request), "language": ""}
    index = section_addresses(request).get(section)
    language = language_of_locale(page.locale_id) or ""
    url = page.get_url(request=request)
    if index and url and not url.startswith(index):
        return {"url": f"{index}{page.slug}/", "language": language}
    return {"url": url, "language": language}
