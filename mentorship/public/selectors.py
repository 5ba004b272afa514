"""The practices the study-visit request form offers: the chosen ones first, the others grouped by theme.

Bounded whatever the library's size: up to PRACTICE_LIST_LIMIT practices are listed (all of them in a
library that small); a larger library lists only those matching the visitor's search (title or theme,
with or without ç ğ ı İ ö ş ü), plus the chosen ones.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q, QuerySet

from portal.collation import TurkishOrder
from portal.text import fold, words
from practices.models import PracticePage
from practices.selectors import published_practices

# 60 checkboxes grouped under about ten themes is still a page one scrolls through on a phone.
PRACTICE_LIST_LIMIT = 60
QUERY_MAX_LENGTH = 100
QUERY_MAX_WORDS = 5

# Each folded letter stands for its Turkish spellings, so "cocuk" and "ÇOCUK" both find "Çocuk".
_LETTER_VARIANTS = {
    "a": "aâAÂ",
    "c": "cçCÇ",
    "g": "gğGĞ",
    "i": "iıİIîÎ",
    "o": "oöOÖ",
    "s": "sşSŞ",
    "u": "uüUÜûÛ",
}


@dataclass(frozen=True)
class PracticeGroup:
    theme: str
    practices: tuple[PracticePage, ...]


@dataclass(frozen=True)
class PracticeOptions:
    """What the form shows: `chosen` (ticked, first), `groups` (the others by theme), why the list ends."""

    query: str
    chosen: tuple[PracticePage, ...]
    groups: tuple[PracticeGroup, ...]
    limit: int
    # More live practices than the limit and no search typed: only the chosen ones and a search box.
    needs_search: bool = False
    # The search matched more than the limit: the first `limit` are listed.
    truncated: bool = False
    total: int | None = None  # live practices, counted only when they are too many to list

    @property
    def shown(self) -> int:
        return sum(len(group.practices) for group in self.groups)

    @property
    def chosen_query(self) -> str:
        """ "?practice=1&practice=2" for the chosen practices (empty without), to link to the form again."""
        return f"?{urlencode([('practice', practice.pk) for practice in self.chosen])}" if self.chosen else ""


def clean_query(value: object) -> str:
    """The visitor's search text, one line, at most QUERY_MAX_LENGTH characters."""
    return " ".join(str(value or "").split())[:QUERY_MAX_LENGTH]


def folded_pattern(word: str) -> str:
    """A regular expression (same syntax on PostgreSQL and SQLite) matching `word` in any Turkish spelling.

    Only word characters reach the pattern (see portal.text.words), so nothing in it needs escaping.
    """
    return "".join(f"[{_LETTER_VARIANTS[char]}]" if char in _LETTER_VARIANTS else char for char in fold(word))


def matching(queryset: QuerySet[PracticePage], query: str) -> QuerySet[PracticePage]:
    """Practices whose title or theme contains every word of the query (none for a query without words)."""
    query_words = words(query)[:QUERY_MAX_WORDS]
    if not query_words:
        return queryset.none()
    for word in query_words:
        pattern = folded_pattern(word)
        queryset = queryset.filter(Q(title__iregex=pattern) | Q(theme__name__iregex=pattern))
    return queryset


def practice_options(
    *, query: str = "", chosen_ids: Sequence[int] = (), limit: int | None = None
) -> PracticeOptions:
    """Two queries at most (chosen practices, then the listed ones), a third to count a large library."""
    limit = PRACTICE_LIST_LIMIT if limit is None else limit
    query = clean_query(query)
    # The theme's English name too: the chosen practices and the groups show Theme.display_name (under /en/
    # a deferred name_en would cost a query per chosen practice).
    practices = (
        published_practices().select_related("theme").only("pk", "title", "theme__name", "theme__name_en")
    )
    chosen: tuple[PracticePage, ...] = ()
    if chosen_ids:
        # The visitor's own order (the link's or the ticked boxes'), live and public ones only.
        found = {practice.pk: practice for practice in practices.filter(pk__in=chosen_ids)}
        chosen = tuple(found[pk] for pk in dict.fromkeys(chosen_ids) if pk in found)
    others = practices.exclude(pk__in=[practice.pk for practice in chosen])
    if query:
        others = matching(others, query)
    # Turkish alphabetical order (ç after c, ı before i) in the database, so the cut at the limit agrees.
    ordering = ("theme__sort_order", TurkishOrder("theme__name"), TurkishOrder("title"), "pk")
    rows = list(others.order_by(*ordering)[: limit + 1])
    needs_search = truncated = False
    total = None
    if len(rows) > limit:
        if query:
            truncated = True
            rows = rows[:limit]
        else:
            needs_search = True
            total = practices.count()
            rows = []
    groups: dict[str, list[PracticePage]] = {}
    for practice in rows:
        groups.setdefault(practice.theme.display_name, []).append(practice)
    return PracticeOptions(
        query=query,
        chosen=chosen,
        groups=tuple(PracticeGroup(theme=theme, practices=tuple(items)) for theme, items in groups.items()),
        limit=limit,
        needs_search=needs_search,
        truncated=truncated,
        total=total,
    )
