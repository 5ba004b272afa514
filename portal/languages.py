"""The public site's languages by address: Turkish at the root, English under ``/en/`` (portal.urls).

The same page in the other language is its Wagtail translation when one is live, otherwise the same address
under the other prefix (the portal's own views, and pages that exist in one language only, which are shown
in their language with a notice). Used by the header's language switch, the ``hreflang`` alternates and
the sitemap. LanguageByAddressMiddleware makes the address decide on public pages; the language cookie the
switch sets is only a preference, used where an address has no language (the admin, APIs).
"""

import functools
from importlib import import_module

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import LocalePrefixPattern, Resolver404, URLResolver
from django.urls.resolvers import RegexPattern
from django.utils import translation

from wagtail.models import Locale, Page

_locale_ids: dict[str, int] = {}


def locale_id(language: str) -> int | None:
    """The Locale row of ``language`` (kept per process: locales are created once, by a migration)."""
    if language not in _locale_ids:
        pk = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
        if pk is None:
            return None
        _locale_ids[language] = pk
    return _locale_ids[language]


def language_of_locale(pk: int) -> str | None:
    for code in language_codes():
        if locale_id(code) == pk:
            return code
    return None


def forget_locales(**kwargs) -> None:
    _locale_ids.clear()


def active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def unprefixed(path: str) -> str:
    """``/en/etki/`` -> ``/etki/``; a Turkish (root) address is returned unchanged."""
    language = translation.get_language_from_path(path)
    if language and language != settings.LANGUAGE_CODE:
        return path[len(language) + 1 :] or "/"
    return path


def with_prefix(path: str, language: str) -> str:
    """The address ``path`` has under ``language``'s prefix (none for the default language)."""
    path = unprefixed(path)
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def page_address(page: Page, request, path: str, language: str) -> tuple[str, bool]:
    """``path`` (an address served by ``page``, possibly a sub-route such as its kit) in ``language``, and
    whether the page really exists in that language (False: the same content under the other prefix)."""
    # A page served under another language's address (portal.languages callers set served_url) keeps it.
    served = getattr(page, "served_url", None) or page.get_url(request) or ""
    if not served or not path.startswith(served):
        return with_prefix(path, language), False
    suffix = path[len(served) :]
    pk = locale_id(language)
    if pk is None:
        return with_prefix(path, language), False
    if page.locale_id == pk:
        return page.get_url(request) + suffix, True
    # One query for the page's translation and, for a page below the home page, its parent's: an
    # untranslated page is served by its parent's translation (a library shows its untranslated practices
    # in their language), else it is the same address under the other prefix.
    parent = page.get_parent() if page.depth > 2 else None
    keys = [page.translation_key] + ([parent.translation_key] if parent is not None else [])
    found = {
        candidate.translation_key: candidate
        for candidate in Page.objects.filter(locale_id=pk, translation_key__in=keys).live()
    }
    counterpart = found.get(page.translation_key)
    if counterpart is not None and (url := counterpart.get_url(request)):
        return url + suffix, True
    parent_counterpart = found.get(parent.translation_key) if parent is not None else None
    if parent_counterpart is not None and (url := parent_counterpart.get_url(request)):
        return f"{url}{page.slug}/{suffix}", False
    return with_prefix(path, language), False


def alternates(request, page: Page | None = None) -> list[tuple[str, str, bool]]:
    """What ``request`` shows, in every language: ``(language, address, exists in that language)``; the
    address keeps the query (filters are one vocabulary in both languages)."""
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    result = []
    for language in language_codes():
        if page is not None and getattr(page, "pk", None):
            address, exists = page_address(page, request, path, language)
        else:
            address, exists = _view_address(path, language), True
        result.append((language, address + (f"?{query}" if query else ""), exists))
    return result


def _view_address(path: str, language: str) -> str:
    # The portal's own views have the same path in every language, under each language's prefix.
    return with_prefix(path, language)


@functools.cache
def _unprefixed_resolver(urlconf_name: str) -> URLResolver:
    """The routes outside i18n_patterns (admin, APIs, feeds, health check, the switch itself)."""
    urlconf = import_module(urlconf_name)
    patterns = [
        pattern
        for pattern in urlconf.urlpatterns
        if not isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern)
    ]
    return URLResolver(RegexPattern(r"^/"), patterns)


def is_public_address(path: str, urlconf: str | None = None) -> bool:
    """Whether ``path`` is a public page, whose address decides its language (portal.urls)."""
    try:
        _unprefixed_resolver(urlconf or settings.ROOT_URLCONF).resolve(path)
    except Resolver404:
        return True
    return False


class LanguageByAddressMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware for public pages: the address decides (no prefix: Turkish, /en/: English),
    never the cookie or Accept-Language. Everything else (the admin, APIs, feeds) keeps the visitor's
    preference, the language cookie the switch sets, or the browser's language."""

    def process_request(self, request):
        path = request.path_info
        urlconf = getattr(request, "urlconf", None)
        if translation.get_language_from_path(path) or is_public_address(path, urlconf):
            return super().process_request(request)
        translation.activate(translation.get_language_from_request(request, check_path=False))
        request.LANGUAGE_CODE = translation.get_language()
        return None
