"""The replication kit: its printable page (a PracticePage route) and its PDF and ZIP downloads.

The downloads are plain Django views (Wagtail's page URLs allow no dots): ``<practice path>kit.pdf`` and
``kit.zip`` serve the stored files of the practice's live revision (practices.kit), made on publish or, when
missing, by this request. Only live practices without view restrictions have kits; anything else is a 404.
"""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from wagtail.models import Site

from portal.languages import active_language
from portal.office import office_details

from . import kit, selectors
from .models import PracticePage


def kit_view(request, *, practice: PracticePage):
    # The footer reads the same details, kept per process (portal.office): no query on a warm process.
    context = kit.kit_context(
        practice, office_name=office_details(request)["name"], language=translation.get_language() or "tr"
    )
    # A practice shown under another language's library (/en/practices/<slug>/) keeps that address.
    practice_path = getattr(practice, "served_url", None) or practice.get_url(request)
    context |= {
        "practice_path": practice_path,
        "kit_pdf_url": practice_path + "kit.pdf",
        "kit_zip_url": practice_path + "kit.zip",
    }
    return practice.render(request, template="pages/practice_kit.html", context_overrides=context)


def published_practice_at(request, page_path: str) -> PracticePage | None:
    """The live, public practice at ``page_path`` (relative to the request's site root), or None."""
    site = Site.find_for_request(request)
    if site is None or not page_path.endswith("/") or "\x00" in page_path:
        return None
    if active_language() == settings.LANGUAGE_CODE:
        url_path = site.root_page.url_path + page_path
        return selectors.published_practices().filter(url_path=url_path).first()
    # Under another language's prefix (/en/practices/<slug>/kit.pdf): that language's tree, where an
    # untranslated practice is served under the translated library's address (PracticeIndexPage.route).
    try:
        route = site.root_page.localized.specific.route(
            request, [part for part in page_path.split("/") if part]
        )
    except Http404:
        return None
    page = route[0]
    return (
        selectors.published_practices().filter(pk=page.pk).first() if isinstance(page, PracticePage) else None
    )


@require_safe
def kit_download(request, page_path: str, kind: str):
    practice = published_practice_at(request, page_path) if kind in kit.KINDS else None
    if practice is None:
        raise Http404("No published practice here.")
    language = translation.get_language() or "tr"
    files = kit.kit_ensure(practice, language=language)
    response = FileResponse(
        default_storage.open(files.name(kind), "rb"),
        as_attachment=True,
        filename=kit.download_name(practice, kind),
        content_type=kit.KINDS[kind],
    )
    response["X-Robots-Tag"] = "noindex"
    # The kit is written in the visitor's language (cookie or Accept-Language).
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
