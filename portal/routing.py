"""Wagtail's page serving, with the route started at the home page of the address's language for fewer
queries.

``wagtail.views.serve`` routes from ``site.root_page.localized.specific``: a query for the active Locale, one
for the home page's translation and one for its specific row. Here the locale comes from the portal's
per-process ids (portal.languages.locale_id) and the translation is read as its specific model at once: one
query instead of three (two for Turkish). The rest is Wagtail's own: ``Page.route()`` down the tree, then
``wagtail.views.serve`` with its hooks (view restrictions, previews, ``before_serve_page``).
"""

from django.http import Http404

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .adapters import set_page_route
from .languages import active_language, locale_id


def localized_root(root: Page) -> Page:
    """``root.localized.specific``: its live translation in the active language, else itself."""
    pk = locale_id(active_language())
    model = root.specific_class
    if pk is None or pk == root.locale_id or model is None:
        return root.specific
    translation = model.objects.live().filter(translation_key=root.translation_key, locale_id=pk).first()
    return translation or root.specific


def serve(request, path: str):
    site = Site.find_for_request(request)
    if site is not None:
        try:
            route = localized_root(site.root_page).route(request, [part for part in path.split("/") if part])
        except Http404:
            route = None
        set_page_route(request, route)
    return wagtail_views.serve(request, path)
