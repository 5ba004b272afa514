"""Where the library's listings come from: a provider hook (the search app registers one), ORM by default.

practices never imports search; search's AppConfig.ready() calls set_listing_provider().
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import selectors
from .filters import MAX_PAGE, FacetValue, PracticeFilters
from .models import PracticePage


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing: the practices to show (listing data prefetched), how many match in all and,
    when asked for, the facet counts of every filter (empty from the ORM default, which does not count)."""

    items: list[PracticePage]
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


ListingProvider = Callable[..., ListingPage]


def orm_listing(
    *, filters: PracticeFilters, sort: str | None, page: int, page_size: int, with_facets: bool = False
) -> ListingPage:
    queryset = selectors.filter_practices(selectors.practices_for_reader(), filters)
    offset = (page - 1) * page_size
    items = list(
        selectors.with_listing_data(selectors.sort_practices(queryset, sort))[offset : offset + page_size]
    )
    return ListingPage(items=items, total=queryset.count())


_provider: ListingProvider = orm_listing


def set_listing_provider(provider: ListingProvider | None) -> None:
    """Install a provider (None restores the ORM default)."""
    global _provider
    _provider = provider or orm_listing


def get_listing(
    *, filters: PracticeFilters, sort: str | None, page: int, page_size: int, with_facets: bool = False
) -> ListingPage:
    return _provider(filters=filters, sort=sort, page=page, page_size=page_size, with_facets=with_facets)


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
    ):
        self.filters, self.sort, self.page_size, self.with_facets = filters, sort, page_size, with_facets
        self.facets: dict[str, list[FacetValue]] = {}
        try:
            hint = int(str(page_hint))
        except ValueError:
            hint = 1
        self.page_hint = hint if 1 <= hint <= MAX_PAGE else 1
        self._loaded: tuple[int, int, list] | None = None  # (offset, total, items)

    def _load(self, page: int, page_size: int) -> tuple[int, int, list]:
        listing = get_listing(
            filters=self.filters, sort=self.sort, page=page, page_size=page_size, with_facets=self.with_facets
        )
        self.facets = listing.facets or self.facets
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
