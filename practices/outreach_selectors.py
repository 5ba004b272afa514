"""Read-only queries for the office's events and publications (kept apart from the practice selectors, which
the library's search and listing read)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import CharField, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.expressions import ExpressionWrapper

from wagtail.models import PageViewRestriction

from portal.collation import TurkishOrder
from portal.languages import language_of_locale, locale_id

from .models import EventPage, PracticePage, PublicationKind, PublicationPage, Theme


def _without_view_restrictions(queryset: QuerySet) -> QuerySet:
    """`.public()` in the same query: Wagtail's public() first loads every restriction (one more query);
    here a restriction on the page or an ancestor (its path a prefix of the page's) is a subquery."""
    restricted = PageViewRestriction.objects.annotate(
        target_path=ExpressionWrapper(OuterRef("path"), output_field=CharField())
    ).filter(target_path__startswith=F("page__path"))
    return queryset.exclude(Exists(restricted))


def in_reader_locale(queryset: QuerySet, reader_locale: int | None) -> QuerySet:
    """The pages a list in ``reader_locale`` shows: those written in it, and the originals (the default
    language's) with no live translation in it. None: every locale (callers that list across languages)."""
    default = locale_id(settings.LANGUAGE_CODE)
    if reader_locale is None or default is None:
        return queryset
    if reader_locale == default:
        return queryset.filter(locale_id=default)
    translated = queryset.model.objects.live().filter(locale_id=reader_locale).values("translation_key")
    return queryset.filter(
        Q(locale_id=reader_locale) | (Q(locale_id=default) & ~Q(translation_key__in=translated))
    )


def mark_original_language(pages: Iterable, reader_locale: int | None) -> None:
    """Pages shown in a list of another language get ``original_language`` (their language code), which
    cards use to say "In Turkish" and mark their text with lang; the others get ""."""
    for page in pages:
        other = reader_locale is not None and page.locale_id != reader_locale
        page.original_language = (language_of_locale(page.locale_id) or "") if other else ""


def events_published() -> QuerySet[EventPage]:
    return _without_view_restrictions(EventPage.objects.live())


def events_upcoming(*, now: datetime.datetime, reader_locale: int | None = None) -> list[EventPage]:
    """Events not yet ended, the soonest first (one that is under way still counts as upcoming)."""
    events = list(
        in_reader_locale(events_published(), reader_locale).filter(end__gt=now).order_by("start", "pk")
    )
    mark_original_language(events, reader_locale)
    return events


def events_past(*, now: datetime.datetime, limit: int, reader_locale: int | None = None) -> list[EventPage]:
    queryset = in_reader_locale(events_published(), reader_locale).filter(end__lte=now)
    events = list(queryset.order_by("-start", "-pk")[:limit])
    mark_original_language(events, reader_locale)
    return events


def event_links(event: EventPage) -> dict:
    """The published practices and the themes an event page links to (two queries)."""
    return {
        "linked_practices": list(
            _without_view_restrictions(PracticePage.objects.live())
            .filter(events=event)
            .order_by(TurkishOrder("title"))
        ),
        "linked_themes": list(event.themes.order_by("sort_order", "name")),
    }


def publications_published() -> QuerySet[PublicationPage]:
    return _without_view_restrictions(PublicationPage.objects.live())


def publications_listed(
    *, kind: str = "", theme_slug: str = "", reader_locale: int | None = None
) -> list[PublicationPage]:
    """Newest first, with their themes (two queries), narrowed to a kind and a theme when given, in the
    reader's locale (see in_reader_locale)."""
    queryset = in_reader_locale(publications_published(), reader_locale).order_by("-publication_date", "-pk")
    if kind:
        queryset = queryset.filter(kind=kind)
    if theme_slug:
        queryset = queryset.filter(themes__slug=theme_slug)
    publications = list(
        queryset.prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("sort_order")))
    )
    mark_original_language(publications, reader_locale)
    return publications


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: str


def publication_filter_options(*, reader_locale: int | None = None) -> dict[str, list[FilterOption]]:
    """The kinds, and the themes at least one listed publication carries (one query), named in the
    reader's language."""
    themes = (
        Theme.objects.filter(publications__in=in_reader_locale(publications_published(), reader_locale))
        .distinct()
        .order_by("sort_order", "name")
    )
    return {
        "kinds": [FilterOption(value, str(label)) for value, label in PublicationKind.choices],
        "themes": [FilterOption(theme.slug, theme.display_name) for theme in themes],
    }


def publication_links(publication: PublicationPage) -> dict:
    """The published practices a publication covers, its themes and documents (three queries)."""
    return {
        "linked_practices": list(
            _without_view_restrictions(PracticePage.objects.live())
            .filter(publications=publication)
            .order_by(TurkishOrder("title"))
        ),
        "linked_themes": list(publication.themes.order_by("sort_order", "name")),
        "documents": list(publication.documents.select_related("document")),
    }


def publications_citing(practice: PracticePage) -> list[PublicationPage]:
    """The published, public publications that cover a practice, newest first: one query."""
    return list(publications_published().filter(practices=practice).order_by("-publication_date", "-pk"))


def publications_matching(*, text: str, limit: int = 5) -> list[PublicationPage]:
    """Publications for the site search, best first: Wagtail's own search over PublicationPage's
    search_fields (the practice search engine in search/ indexes practices only)."""
    text = (text or "").strip()
    if not text:
        return []
    return list(PublicationPage.objects.live().public().search(text)[:limit])
