"""The library's listing provider: the library and tag pages get their results from the search service."""

from practices.listing import ListingPage
from practices.selectors import PracticeFilters

from .service import search
from .types import SearchQuery


def search_listing(
    *, filters: PracticeFilters, sort: str | None, page: int, page_size: int, with_facets: bool = False
) -> ListingPage:
    result = search(
        SearchQuery.from_filters(
            filters,
            sort=sort or "newest",
            page=page,
            page_size=page_size,
            with_facets=with_facets,
        )
    )
    return ListingPage(items=[hit.page for hit in result.hits], total=result.total, facets=result.facets)
