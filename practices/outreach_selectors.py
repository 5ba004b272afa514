"""Read-only queries for the office's events and publications (kept apart from the practice selectors, which
the library's search and listing read)."""

import datetime
from dataclasses import dataclass

from django.db.models import CharField, Exists, F, OuterRef, Prefetch, QuerySet
from django.db.models.expressions import ExpressionWrapper

from wagtail.models import PageViewRestriction

from portal.collation import TurkishOrder

from .models import EventPage, PracticePage, PublicationKind, PublicationPage, Theme


def _without_view_restrictions(queryset: QuerySet) -> QuerySet:
    """`.public()` in the same query: Wagtail's public() first loads every restriction (one more query);
    here a restriction on the page or an ancestor (its path a prefix of the page's) is a subquery."""
    restricted = PageViewRestriction.objects.annotate(
        target_path=ExpressionWrapper(OuterRef("path"), output_field=CharField())
    ).filter(target_path__startswith=F("page__path"))
    return queryset.exclude(Exists(restricted))


def events_published() -> QuerySet[EventPage]:
    return _without_view_restrictions(EventPage.objects.live())


def events_upcoming(*, now: datetime.datetime) -> list[EventPage]:
    """Events not yet ended, the soonest first (one that is under way still counts as upcoming)."""
    return list(events_published().filter(end__gt=now).order_by("start", "pk"))


def events_past(*, now: datetime.datetime, limit: int) -> list[EventPage]:
    return list(events_published().filter(end__lte=now).order_by("-start", "-pk")[:limit])


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


def publications_listed(*, kind: str = "", theme_slug: str = "") -> list[PublicationPage]:
    """Newest first, with their themes (two queries), narrowed to a kind and a theme when given."""
    queryset = publications_published().order_by("-publication_date", "-pk")
    if kind:
        queryset = queryset.filter(kind=kind)
    if theme_slug:
        queryset = queryset.filter(themes__slug=theme_slug)
    return list(queryset.prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("sort_order"))))


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: str


def publication_filter_options() -> dict[str, list[FilterOption]]:
    """The kinds, and the themes at least one published publication carries (one query)."""
    themes = (
        Theme.objects.filter(publications__in=publications_published())
        .distinct()
        .order_by("sort_order", "name")
    )
    return {
        "kinds": [FilterOption(value, str(label)) for value, label in PublicationKind.choices],
        "themes": [FilterOption(theme.slug, theme.name) for theme in themes],
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
