"""Wagtail's page serving, with the pages above the one served kept per process, for fewer queries.

``wagtail.views.serve`` finds the Site (a query), starts at ``site.root_page.localized.specific`` (up to
three), then reads a child and its specific row per level (two each) before the page served. Here:

- the Site of the request's host, the home page in the address's language and the home page's children (the
  sections: the library, the trainings, the publications, ...) are kept per process, per public cache version
  (``portal.cache.per_version``: a publish, unpublish, move or deletion, or a Site save, replaces them);
- a kept page is only passed through: routing goes on below it with its ``route()``, so the page served is
  always read from the database. When the route ends at a kept page itself (the home page, the library, one
  of its sub-routes such as a tag page), that page is read again (one query, its specific row), and only if
  it is still at the same address.

The rest is Wagtail's own: ``wagtail.views.serve`` with the route, which runs the hooks (view restrictions,
``before_serve_page``). The view restrictions are read in one query (``portal.models.BasePage``).
"""

from dataclasses import dataclass

from django.http import Http404

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .adapters import set_cached_parent, set_page_route, set_request_site
from .cache import per_version
from .languages import active_language, locale_id


def localized_root(root: Page) -> Page:
    """``root.localized.specific``: its live translation in the active language, else itself."""
    pk = locale_id(active_language())
    model = root.specific_class
    if pk is None or pk == root.locale_id or model is None:
        return root.specific
    translation = model.objects.live().filter(translation_key=root.translation_key, locale_id=pk).first()
    return translation or root.specific


@dataclass(frozen=True)
class KeptRoot:
    """The home page of one site in one language and its children by slug (specific pages)."""

    home: Page
    sections: dict[str, Page]


def kept_site(request) -> Site | None:
    """``Site.find_for_request``, kept per process by host and port."""
    key = f"{request.get_host()}|{request.get_port()}"
    site = per_version("routing-site", key, lambda: Site.find_for_request(request))
    set_request_site(request, site)
    return site


def home_now(site: Site) -> Page:
    """The site's home page in the address's language, as the database has it now."""
    return localized_root(Page.objects.get(pk=site.root_page_id))


def kept_root(site: Site) -> KeptRoot:
    def compute() -> KeptRoot:
        home = home_now(site)
        return KeptRoot(home, {child.slug: child for child in home.get_children().specific()})

    return per_version("routing-root", f"{site.pk}|{active_language()}", compute)


def read_again(kept: Page) -> Page | None:
    """The kept page as it is now in the database, if it is still at the address it was kept for."""
    found = type(kept).objects.filter(pk=kept.pk, path=kept.path, url_path=kept.url_path).order_by()[:1]
    return next(iter(found), None)


def route(request, site: Site, components: list[str]):
    root = kept_root(site)
    section = root.sections.get(components[0]) if components else None
    if components and section is None:
        return root.home.route(request, components)  # a page below the home page that is not a section
    kept = section or root.home
    below = components[1:]
    if below:
        result = kept.route(request, below)
        if result[0] is not kept:
            return result
    page = read_again(kept)  # the kept page itself is served (or one of its sub-routes)
    if page is None:  # renamed or moved since it was kept (another process's publish): Wagtail's routing
        return home_now(site).route(request, components)
    if section is not None:
        set_cached_parent(page, root.home)
    return page.route(request, below)


def serve(request, path: str):
    site = kept_site(request)
    if site is not None:
        try:
            result = route(request, site, [part for part in path.split("/") if part])
        except Http404:
            result = None
        set_page_route(request, result)
    return wagtail_views.serve(request, path)
