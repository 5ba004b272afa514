"""Site-wide views: health check, robots.txt, the language switch and error pages."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .errors import NotFoundForVisitors
from .site_address import absolute_url

FAVICON_MAX_AGE = 24 * 60 * 60


def database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


@never_cache
@require_GET
def healthz(request):
    """JSON for load balancers: 200 when the database answers, 503 otherwise."""
    db_ok = database_reachable()
    checks = {"database": "ok" if db_ok else "unreachable"}
    for check in HEALTH_CHECKS:
        checks.update(check())
    body = {"status": "ok" if db_ok else "error", "version": settings.PORTAL_VERSION, "checks": checks}
    return JsonResponse(body, status=200 if db_ok else 503)


# Other apps append callables returning {name: state} (e.g. the search backend) from AppConfig.ready().
HEALTH_CHECKS: list = []


@require_GET
def robots_txt(request):
    sitemap_url = absolute_url("/sitemap.xml")
    # The search page and the visit request form exist at the root (Turkish) and under each other language.
    prefixes = ["/"] + [f"/{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {prefix}ara/" for prefix in prefixes),
        "Disallow: /api/",
        *(f"Disallow: {prefix}ziyaret-talebi/" for prefix in prefixes),
        # A practice's readiness self-check, in every language: one page per set of answers.
        "Disallow: /*/hazirlik/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
@require_GET
def switch_language(request):
    """Set the language cookie and go back: a GET form, so public pages carry no CSRF token and can be
    cached for every visitor (portal/cache.py). Changing someone's language from another site is harmless."""
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    language = request.GET.get("language", "")
    if check_for_language(language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


@require_GET
def favicon(request):
    """/favicon.ico, which browsers and crawlers request on their own: the SVG icon base.html links to.

    A temporary redirect, because the static file's name carries a content hash in production."""
    response = HttpResponseRedirect(static("img/favicon.svg"))
    patch_cache_control(response, public=True, max_age=FAVICON_MAX_AGE)
    return response


def page_not_found(request, exception=None):
    reason = str(exception) if isinstance(exception, NotFoundForVisitors) else ""
    return render(request, "errors/404.html", {"reason": reason}, status=404)


def server_error(request):
    # Rendered without a database-backed context: the error may be the database itself.
    return render(request, "errors/500.html", status=500)
