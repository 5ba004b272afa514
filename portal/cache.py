"""Whole-response cache for anonymous visitors of public pages, invalidated by a versioned key namespace.

Every Wagtail page served by ``wagtail.views.serve`` (and any view wrapped in ``cache_public_response``) is
stored for ``PUBLIC_PAGE_CACHE_TIMEOUT`` seconds, keyed on the namespace version, scheme, host, language,
path and the query parameters public pages read: apps declare those through the
``register_public_cache_parameters`` Wagtail hook (practices registers the library's filter vocabulary, sort
and page), and any other parameter (tracking tags, junk) is left out of the key, so it cannot fill the cache
with copies of the same page. A page that reads a parameter must declare it, or its variants would share one
entry. Anything that changes what a public page shows calls
``bump_public_cache_version()`` (portal.signals wires Wagtail's publish/unpublish/move/delete signals and the
snippets pages display; other apps call it from their services), which makes every stored response
unreachable at once. A response is only stored when nothing in it can belong to one visitor:

- the request is an anonymous GET (HEAD is answered from GET's entry), not a preview (Wagtail's dummy
  requests), without an Authorization header;
- the response is a 200 without cookies, without ``Cache-Control: private/no-cache/no-store`` (Wagtail
  adds those to pages with view restrictions), and rendering it neither used a CSRF token nor touched the
  session or the messages.

Local memory is per process, so with several workers only a shared cache (Redis) lets one worker's
invalidation reach the others; production settings therefore turn the page cache off without REDIS_URL.
"""

import functools
import hashlib
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import get_language

from wagtail import hooks

from .adapters import messages_touched

VERSION_KEY = "public-page-cache:version"
CACHE_HEADER = "X-Cache"
SAFE_METHODS = ("GET", "HEAD")
UNCACHEABLE_CACHE_CONTROL = ("private", "no-cache", "no-store")
# Headers the outer middleware adds again on every response; stored copies would only go stale.
PER_REQUEST_HEADERS = {"set-cookie", "vary", "content-language", CACHE_HEADER.lower()}
WAGTAIL_SERVE_URL_NAME = "wagtail_serve"
ALLOW_ATTRIBUTE = "public_cache_allowed"
PARAMETERS_HOOK = "register_public_cache_parameters"

logger = logging.getLogger(__name__)

T = TypeVar("T")


def cache_timeout() -> int:
    return int(getattr(settings, "PUBLIC_PAGE_CACHE_TIMEOUT", 0))


def public_cache_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A fresh clock value rather than 1: if the version key is evicted, entries stored under an
        # older version can never become reachable again.
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def _bump() -> None:
    try:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    except Exception:
        # A publish must not fail because the cache is down; entries expire after PUBLIC_PAGE_CACHE_TIMEOUT.
        logger.exception("Could not invalidate the public page cache")


def bump_public_cache_version() -> None:
    """Make every cached public response stale; call it whenever public content changes.

    Bumps now and again after the surrounding transaction commits: a request that read the new version
    before the commit may have rendered the old rows and stored them under it; the second bump drops that.
    """
    _bump()
    transaction.on_commit(_bump)


# {name: (public cache version, when it was first seen, {key: value})}: values of the current version only.
_per_version: dict[str, tuple[int, float, dict[str, object]]] = {}
# Without a shared cache (local memory, no REDIS_URL) another process's bump is never seen here, so values
# are also recomputed after this many seconds; with Redis the version alone decides.
PER_VERSION_MAX_AGE_S = 60
# Keys are hosts and the like, which a request names: past this many per name, values are computed and not
# kept, so made-up Host headers cannot grow a process's memory.
PER_VERSION_MAX_KEYS = 64


def per_version(name: str, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept in this process per ``key`` (e.g. the host) until the public cache version changes
    (a publish, unpublish, move or deletion, a settings save: whatever invalidates cached pages).

    For what every page shows and only editors change (the section addresses, the office's details): a warm
    process answers without a query. When the cache is unreachable, computed on every call.
    """
    try:
        version = public_cache_version()
    except Exception:
        logger.warning("Cache unavailable; %s is computed per request", name, exc_info=True)
        return compute()
    known_version, since, values = _per_version.get(name, (None, 0.0, {}))
    now = time.monotonic()
    if known_version != version or now - since > PER_VERSION_MAX_AGE_S:
        values = {}
        _per_version[name] = (version, now, values)
    if key not in values:
        if len(values) >= PER_VERSION_MAX_KEYS:
            return compute()
        values[key] = compute()
    return values[key]  # type: ignore[return-value]


def kept_under_token(name: str, token: str, parts: object, compute: Callable[[], T], *, timeout: int) -> T:
    """``compute()``, kept in the default cache under ``token`` (replaced by whoever changes what it depends
    on) and ``parts`` with the interface language (labels are translated when computed). An unreachable
    cache (Redis down) must not take the page down: the value is computed instead."""
    asked = hashlib.sha256(repr((parts, get_language())).encode()).hexdigest()
    key = f"{name}:{token}:{asked}"
    try:
        found = cache.get(key)
    except Exception:
        logger.warning("Cache unavailable; %s is computed per request", name, exc_info=True)
        return compute()
    if found is None:
        found = compute()
        try:
            cache.set(key, found, timeout)
        except Exception:
            logger.warning("Cache unavailable; %s was not kept", name, exc_info=True)
    return found


def cache_public_response(view):
    """Opt a non-page view (e.g. an impact page) into the public response cache."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        setattr(request, ALLOW_ATTRIBUTE, True)
        return view(request, *args, **kwargs)

    return wrapped


def _is_anonymous(request) -> bool:
    # Without a session cookie nobody can be logged in, and the session need not be loaded at all.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def request_is_cacheable(request) -> bool:
    return (
        request.method in SAFE_METHODS
        and "HTTP_AUTHORIZATION" not in request.META
        # Wagtail's previews run the middleware on a dummy request and only then set is_preview.
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
        and _is_anonymous(request)
    )


def cached_parameters() -> frozenset[str]:
    """The query parameters that can change a public page: what the apps' hooks declare."""
    return frozenset(name for function in hooks.get_hooks(PARAMETERS_HOOK) for name in function())


def cache_key(request, version: int) -> str:
    known = cached_parameters()
    # The declared parameters in the order given (a repeated filter's order can show in the page).
    query = urlencode([(name, value) for name, value in _query_items(request) if name in known])
    path_hash = hashlib.md5(f"{request.path}?{query}".encode(), usedforsecurity=False).hexdigest()
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"public-page:{version}:{request.scheme}:{request.get_host()}:{language}:{path_hash}"


def _query_items(request) -> list[tuple[str, str]]:
    return [(name, value) for name, values in request.GET.lists() for value in values]


def _view_opted_in(request) -> bool:
    if getattr(request, ALLOW_ATTRIBUTE, False):
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == WAGTAIL_SERVE_URL_NAME


def _rendered_per_visitor(request) -> bool:
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True  # a CSRF token is in the HTML: it must not reach another visitor
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    return messages_touched(request)


def response_is_cacheable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or not _view_opted_in(request) or _rendered_per_visitor(request):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in UNCACHEABLE_CACHE_CONTROL)


def _storable_copy(response) -> HttpResponse:
    headers = {k: v for k, v in response.headers.items() if k.lower() not in PER_REQUEST_HEADERS}
    return HttpResponse(response.content, status=response.status_code, headers=headers)


class PublicPageCacheMiddleware:
    """Serve and store whole responses of public pages for anonymous visitors (see the module docstring).

    Sits after the authentication, locale and header middleware in MIDDLEWARE: it needs the user and the
    language, and security headers are added by the outer middleware to cached responses as well.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = cache_timeout()
        if timeout <= 0 or not request_is_cacheable(request):
            return self.get_response(request)

        try:
            key = cache_key(request, public_cache_version())
            cached = cache.get(key)
        except Exception:
            # An unreachable cache (Redis down) degrades to rendering every page, never to an error page.
            logger.warning("Public page cache unavailable; serving uncached", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            cached[CACHE_HEADER] = "HIT"
            patch_vary_headers(cached, ("Cookie",))
            return cached

        response = self.get_response(request)
        if response_is_cacheable(request, response):
            try:
                cache.set(key, _storable_copy(response), timeout)
            except Exception:
                logger.warning("Could not store a page in the public page cache", exc_info=True)
                return response
            response[CACHE_HEADER] = "MISS"
        return response
