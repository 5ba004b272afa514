"""The library's listing provider: the library and tag pages get their results from the search service."""

from practices.listing import ListingPage
from practices.selectors import PracticeFilters

from .result_cache import current_token, pinned_token
from .service import search
from .types import SearchQuery


def search_listing(
    *,
    filters: PracticeFilters,
    sort: str | None,
    page: int,
    page_size: int,
    with_facets: bool = False,
    version: str | None = None,
) -> ListingPage:
    """``version`` is the token the request read with listing_version() (not read a second time)."""
    with pinned_token(version):
        result = search(
            SearchQuery.from_filters(
                filters,
                sort=sort or "newest",
                page=page,
                page_size=page_size,
                with_facets=with_facets,
            ),
            cards_only=True,
        )
    # Database results are a function of the documents under the token, so what is derived from them (the
    # filter panel) may be kept under it too; Elasticsearch's counts change when its index catches up.
    kept = version if result.backend.startswith("database") else None
    # The database names the practices (practices.cards renders or reads their cards); Elasticsearch's hits
    # carry their pages.
    items = list(result.page_ids) if result.page_ids else [hit.page for hit in result.hits]
    return ListingPage(items=items, total=result.total, facets=result.facets, version=kept)


def listing_version() -> str | None:
    """The search documents' current token: what the library keeps its vocabulary and filter panel under."""
    return current_token()
