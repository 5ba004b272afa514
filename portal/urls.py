"""Root URL configuration: admin, documents, APIs and site-wide views unprefixed; the public pages (app
routes, then Wagtail's pages) per language: Turkish at the root, English under /en/ (i18n_patterns)."""

from importlib import import_module

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import set_language

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import routing, views
from portal.api import api_router
from portal.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("dil/", views.switch_language, name="switch_language"),
    path("", include("mentorship.urls")),
    # The search API stays unprefixed (it takes the language as a parameter); its page is public, below.
    path("", include(import_module("search.urls").api_urlpatterns)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # As nginx in production (deploy/nginx/atlas.conf): images from disk; documents only through Wagtail's
    # view above (private collections), kits through theirs; nothing else under media/.
    for folder in ("images/", "original_images/"):
        urlpatterns += static(settings.MEDIA_URL + folder, document_root=settings.MEDIA_ROOT / folder)

# Public pages: the address decides the language (the cookie is only a preference, portal.views).
urlpatterns += i18n_patterns(
    path("", include("mentorship.public_urls")),
    path("", include("search.urls")),
    path("", include("practices.urls")),
    # Wagtail's pages, routed from the home page of the address's language (portal.routing).
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
