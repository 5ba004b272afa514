"""Untranslated pages under a translated section (issue 15): the English library, trainings and publications
(/en/practices/, /en/trainings/, /en/publications/) list the Turkish pages that have no English translation
yet, and serve each of them at an address below themselves (/en/trainings/<slug>/), in the English
interface with the page's text marked as Turkish, instead of sending the reader to the Turkish site.

The page served is the Turkish original itself (its ``served_url`` says where), so Wagtail's rules apply to
it as at its own address: an unpublished original is not found, a private one stays behind its login or
password. Its canonical address and its one hreflang are the original's (portal.languages.page_address).
"""

from collections.abc import Sequence

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from wagtail.models import Page

from portal.adapters import set_cached_parent
from portal.languages import active_language, language_of_locale, locale_id


def untranslated_child(index: Page, request, *, slug: str, children: QuerySet) -> Page | None:
    """The page ``slug`` below the default language's original of ``index`` (a translated index page),
    taken from ``children`` (the specific child model, with what its page shows first selected): its live
    translation into ``index``'s language if there is one, else the original, served under ``index``
    (``served_url``). None for an index in the default language, or when there is no such live page.
    Three queries: the original index, the child, its translation."""
    default = locale_id(settings.LANGUAGE_CODE)
    if default is None or index.locale_id == default:
        return None
    original = index.get_translation_or_none(default)
    if original is None:
        return None
    child = children.child_of(original).live().filter(slug=slug).first()
    if child is None:
        return None
    translated = children.model.objects.filter(
        translation_key=child.translation_key, locale_id=index.locale_id
    )
    found = translated.live().first()
    if found is not None:
        return found
    set_cached_parent(child, index)  # the breadcrumb and the language switch go through the index here
    child.served_url = f"{index.get_url(request)}{child.slug}/"
    return child


def served_language_context(request, page: Page, *, text_fields: Sequence[str] = ()) -> dict:
    """Where ``page`` is served (``served_url``: under the index of the reader's language for an
    untranslated page) and, when its text is not in the address's language, that text's language
    (``content_language``, which the page marks with lang and the notice); the canonical address is the
    page's own (the original's). ``text_languages`` maps each of ``text_fields`` shown in another language
    to that language: all of them on an untranslated page, and on a translation those still holding the
    original's text (segments left untranslated; one query)."""
    language = language_of_locale(page.locale_id) or ""
    content_language = language if language and language != active_language() else ""
    if content_language:
        text_languages = dict.fromkeys(text_fields, content_language)
    else:
        text_languages = dict.fromkeys(fields_left_untranslated(page, text_fields), settings.LANGUAGE_CODE)
    return {
        "served_url": getattr(page, "served_url", None) or page.get_url(request),
        "content_language": content_language,
        "canonical_url": page.get_full_url(request) or "",
        "text_languages": text_languages,
    }


def fields_left_untranslated(page: Page, fields: Sequence[str]) -> list[str]:
    """The text ``fields`` of a translation still equal to its original's (one query; none for an original
    or no fields)."""
    default = locale_id(settings.LANGUAGE_CODE)
    if not fields or default is None or page.locale_id == default:
        return []
    original = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale_id=default)
        .values(*fields)
        .first()
    )
    if original is None:
        return []
    return [
        name
        for name in fields
        if str(getattr(page, name) or "").strip() and getattr(page, name) == original[name]
    ]


class ServesUntranslatedChildren:
    """For an index page (Page subclass): a slug that is none of its children is looked up among the
    children of the default language's original (``untranslated_child``), which is then served here."""

    untranslated_child_model: type[Page]

    def untranslated_children(self) -> QuerySet:
        """The child pages the original index may have, as specific pages (override to select more)."""
        return self.untranslated_child_model.objects.all()

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            child = untranslated_child(
                self, request, slug=path_components[0], children=self.untranslated_children()
            )
            if child is None:
                raise
            return child.route(request, path_components[1:])


def event_as_served(request, event: Page) -> Page:
    """``event`` as its page is served at the reader's address: a Turkish-only event read under /en/ comes
    back through the English events list (its links, breadcrumb and calendar stay English); else itself."""
    from .events import EventIndexPage

    reader_locale = locale_id(active_language())
    if reader_locale is None or event.locale_id == reader_locale:
        return event
    index = EventIndexPage.objects.filter(locale_id=reader_locale).first()
    if index is None:
        return event
    served = untranslated_child(index, request, slug=event.slug, children=index.untranslated_children())
    return served or event
