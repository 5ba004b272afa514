"""The search service's typed boundary: what a caller asks (SearchQuery) and gets back (SearchResult)."""

from dataclasses import dataclass, field, fields, replace

from django.utils.translation import get_language

from practices.filters import (
    DEFAULT_PAGE_SIZE,
    FACETS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_TEXT_LENGTH,
    SEARCH_LANGUAGES,
    SORTS,
    FacetValue,
    PracticeFilters,
    search_language,
)

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "FACETS",
    "MAX_PAGE",
    "MAX_PAGE_SIZE",
    "MAX_TEXT_LENGTH",
    "FacetValue",
    "SearchBackendUnavailable",
    "SearchHit",
    "SearchQuery",
    "SearchResult",
]


def active_search_language() -> str:
    """The active language as a search language ("tr" when none is active or it is not searchable)."""
    return search_language(get_language())


@dataclass(frozen=True, kw_only=True)
class SearchQuery(PracticeFilters):
    """One search: free text plus the library's filters (inherited from PracticeFilters, the vocabulary's
    one definition); empty tuples and None mean "no restriction"."""

    text: str = ""
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    with_facets: bool = True
    # The reader's language (practices.filters.SEARCH_LANGUAGES): its documents, plus the Turkish original
    # of every practice not translated into it. Defaults to the active language.
    language: str = field(default_factory=active_search_language)

    def __post_init__(self):
        if self.language not in SEARCH_LANGUAGES:
            raise ValueError(f"Unknown language {self.language!r}; use one of {', '.join(SEARCH_LANGUAGES)}.")
        if self.page > MAX_PAGE:
            raise ValueError(f"page must be {MAX_PAGE} or less.")
        if self.sort not in SORTS:
            raise ValueError(f"Unknown sort {self.sort!r}; use one of {', '.join(SORTS)}.")
        if self.page < 1:
            raise ValueError("page must be 1 or more.")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}.")

    @property
    def effective_sort(self) -> str:
        """Relevance needs text; without text the newest practices come first."""
        if self.sort == "relevance" and not self.text.strip():
            return "newest"
        return self.sort

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @classmethod
    def from_filters(cls, filters: PracticeFilters, **options) -> "SearchQuery":
        """A query restricted by the library's filters; `options` set text, sort, page and the rest."""
        restrictions = {f.name: getattr(filters, f.name) for f in fields(PracticeFilters)}
        return cls(**restrictions, **options)

    @property
    def filters(self) -> PracticeFilters:
        """The library's filters this query carries (the inverse of from_filters)."""
        return PracticeFilters(**{f.name: getattr(self, f.name) for f in fields(PracticeFilters)})

    def with_changes(self, **changes) -> "SearchQuery":
        return replace(self, **changes)


@dataclass(frozen=True)
class SearchHit:
    page_id: int
    title: str
    summary: str
    highlight: str  # escaped HTML; matched words wrapped in <mark>
    url: str
    theme: str
    theme_slug: str
    tags: tuple[str, ...]
    start_year: int | None
    province: str
    status: str
    first_published_at: str | None = None
    # The page object (with listing data prefetched) for templates; never serialised.
    page: object | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    total: int
    page: int
    page_size: int
    facets: dict[str, list[FacetValue]]
    suggestion: str | None
    backend: str
    took_ms: float
    degraded: bool = False
    fallback_reason: str | None = None
    # The ids of the page's practices, in order, when the hits were not built (``cards_only``).
    page_ids: tuple[int, ...] = ()

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


class SearchBackendUnavailable(Exception):
    """A backend could not answer (connection refused, timeout); the service falls back to the database."""
