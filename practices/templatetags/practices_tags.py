"""Template tags that put library content on pages owned by other apps (e.g. the home page)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from wagtail.models import Page

from practices import selectors
from practices.sections import reader_link, section_addresses

register = template.Library()


@register.inclusion_tag("components/_featured_practices.html")
def featured_practices(limit: int = 3):
    return {"practices": selectors.featured_practices(limit=limit)}


def _library_address(request) -> str | None:
    """The library in the address's language (the original one if it has no translation)."""
    return section_addresses(request).get("practices")


@register.simple_tag(takes_context=True)
def library_url(context) -> str:
    """The library's address (practices.sections: no query on a warm process); the search page if there is
    no library."""
    return _library_address(context.get("request")) or reverse("search")


@register.simple_tag(takes_context=True)
def section_url(context, section: str) -> str:
    """The address of a section's index page (``"practices"``, ``"events"``, ``"publications"``) in the
    address's language, or the Turkish one; empty when the site has no such page."""
    return section_addresses(context.get("request")).get(section, "")


@register.simple_tag(takes_context=True)
def practice_link(context, practice: Page) -> dict:
    """Where a practice card links (``practices.sections.reader_link``): ``/en/practices/<slug>/`` for a
    practice with no translation in the address's language."""
    return reader_link(context.get("request"), practice, "practices")


@register.simple_tag(takes_context=True)
def event_link(context, event: Page) -> dict:
    """Where an event card or search result links: ``/en/trainings/<slug>/`` for an untranslated event."""
    return reader_link(context.get("request"), event, "events")


@register.simple_tag(takes_context=True)
def publication_link(context, publication: Page) -> dict:
    """Where a publication card links: ``/en/publications/<slug>/`` for an untranslated publication."""
    return reader_link(context.get("request"), publication, "publications")


@register.inclusion_tag("components/_theme_list.html")
def theme_list(library: str):
    """Themes that have published practices, each with its count, as shortcuts into the library."""
    themes = [theme for theme in selectors.themes_with_counts() if theme.practice_count]
    return {"themes": themes, "library_url": library}


@register.filter
def lang_attribute(text_languages: dict, field: str) -> str:
    """` lang="tr"` for a field shown in another language than the page's (``text_languages`` from
    practices.models.untranslated.served_language_context), else nothing."""
    language = (text_languages or {}).get(field)
    return format_html(' lang="{}"', language) if language else ""
