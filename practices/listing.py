"""Where the library's listings come from: a provider hook (the search app registers one), ORM by default.

practices never imports search; search's AppConfig.ready() calls set_listing_provider().

The provider also names a version (the search documents' token, replaced by every publish, unpublish,
privacy change and taxonomy rename or deletion): what the library derives from its vocabulary and its
results (the filters' choices, the filter panel's options) is kept in the default cache under it with
keep(), so the next view after any change computes it afresh. The ORM default has no version: nothing kept.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from django.conf import settings

from portal.cache import kept_under_token

from . import selectors
from .filters import MAX_PAGE, FacetValue, PracticeFilters
from .models import PracticePage


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing: the practices to show (card data loaded) or only their ids (practices.cards
    renders or reads the cards), how many match in all and, when asked for, the facet counts of every filter
    (empty from the ORM default, which does not count)."""

    items: list[PracticePage] | list[int]
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # The version the facets are a function of (None: not keepable, e.g. Elasticsearch's or the ORM's).
    version: str | None = None


ListingProvider = Callable[..., ListingPage]
VersionProvider = Callable[[], str | None]
T = TypeVar("T")


def orm_listing(
    *,
    filters: PracticeFilters,
    sort: str | None,
    page: int,
    page_size: int,
    with_facets: bool = False,
    version: str | None = None,
) -> ListingPage:
    queryset = selectors.filter_practices(selectors.practices_for_reader(), filters)
    offset = (page - 1) * page_size
    items = list(
        selectors.with_listing_data(selectors.sort_practices(queryset, sort))[offset : offset + page_size]
    )
    return ListingPage(items=items, total=queryset.count())


def no_version() -> None:
    return None


_provider: ListingProvider = orm_listing
_version: VersionProvider = no_version


def set_listing_provider(provider: ListingProvider | None, *, version: VersionProvider | None = None) -> None:
    """Install a provider and its version (None restores the ORM default, which keeps nothing)."""
    global _provider, _version
    _provider = provider or orm_listing
    _version = (version or no_version) if provider else no_version


def listing_version() -> str | None:
    """The current version (one query with the search app), to pass to keep() and LazyListing."""
    return _version()


def get_listing(
    *,
    filters: PracticeFilters,
    sort: str | None,
    page: int,
    page_size: int,
    with_facets: bool = False,
    version: str | None = None,
) -> ListingPage:
    return _provider(
        filters=filters, sort=sort, page=page, page_size=page_size, with_facets=with_facets, version=version
    )


def keep(name: str, version: str | None, parts: object, compute: Callable[[], T]) -> T:
    """``compute()``, kept in the default cache under ``version`` and ``parts``
    (portal.cache.kept_under_token); without a version, computed."""
    if version is None:
        return compute()
    return kept_under_token(
        f"library-{name}", version, parts, compute, timeout=settings.SEARCH_RESULT_CACHE_TIMEOUT
    )


class LazyListing(Sequence):
    """A listing Django's Paginator can page: only the requested page is loaded, with one provider call.

    `page_hint` is the page the request asks for, so the count and the items come from the same call.
    """

    def __init__(
        self,
        *,
        filters: PracticeFilters,
        sort: str | None,
        page_size: int,
        page_hint: object = 1,
        with_facets: bool = False,
        version: str | None = None,
    ):
        self.filters, self.sort, self.page_size, self.with_facets = filters, sort, page_size, with_facets
        self.version = version  # asked with; after loading, what the provider says the facets are kept under
        self.facets: dict[str, list[FacetValue]] = {}
        self.facets_version: str | None = None
        try:
            hint = int(str(page_hint))
        except ValueError:
            hint = 1
        self.page_hint = hint if 1 <= hint <= MAX_PAGE else 1
        self._loaded: tuple[int, int, list] | None = None  # (offset, total, items)

    def _load(self, page: int, page_size: int) -> tuple[int, int, list]:
        listing = get_listing(
            filters=self.filters,
            sort=self.sort,
            page=page,
            page_size=page_size,
            with_facets=self.with_facets,
            version=self.version,
        )
        if listing.facets:
            self.facets, self.facets_version = listing.facets, listing.version
        self._loaded = ((page - 1) * page_size, listing.total, listing.items)
        return self._loaded

    def __len__(self) -> int:
        loaded = self._loaded or self._load(self.page_hint, self.page_size)
        return loaded[1]

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else len(self)
        loaded = self._loaded
        if loaded is None or start < loaded[0] or stop > loaded[0] + max(len(loaded[2]), self.page_size):
            size = max(stop - start, 1)
            loaded = self._load(start // size + 1, size) if start % size == 0 else None
            if loaded is None:  # an unaligned slice: load enough from the start to cover it
                loaded = self._load(1, stop)
        offset, _total, items = loaded
        return items[start - offset : stop - offset]
