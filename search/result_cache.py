"""Search results kept between requests until the search documents change.

What a database search found (the ids of the page shown, the total, the facet counts, the suggestion) is
stored in the default cache under the current token of search.models.SearchDocumentsVersion, which every
write of search documents or synonyms replaces in the same transaction. A repeated query (the library's
first page, a common filter, a popular word) then costs one query for the token plus the practices
shown; the first query after any change is computed afresh. Every process reads the token from the
database, so a per-process local-memory cache never serves results older than the documents.
`SEARCH_RESULT_CACHE_TIMEOUT` (seconds, 0 = off) bounds how long an unused result is kept.
"""

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings

from portal.cache import kept_under_token

from .models import SearchDocumentsVersion
from .types import SearchQuery

T = TypeVar("T")
VERSION_ROW = 1
# A token read once for a whole request (the library reads it before validating its filters, then searches
# with it): see pinned_token().
_pinned: ContextVar[str | None] = ContextVar("search_result_token", default=None)


def documents_changed() -> None:
    """Call in the transaction that writes search documents or synonyms: results kept so far are stale."""
    token = uuid.uuid4()
    if not SearchDocumentsVersion.objects.filter(pk=VERSION_ROW).update(token=token):
        SearchDocumentsVersion.objects.update_or_create(pk=VERSION_ROW, defaults={"token": token})


def current_token() -> str | None:
    """The token results are kept under now (one query, none inside pinned_token()); None when keeping is
    off (SEARCH_RESULT_CACHE_TIMEOUT=0) or nothing was written since the table was emptied."""
    if not settings.SEARCH_RESULT_CACHE_TIMEOUT:
        return None
    pinned = _pinned.get()
    if pinned is not None:
        return pinned
    token = SearchDocumentsVersion.objects.filter(pk=VERSION_ROW).values_list("token", flat=True).first()
    return str(token) if token is not None else None


@contextmanager
def pinned_token(token: str | None) -> Iterator[None]:
    """Searches inside use ``token`` (read by current_token() earlier in the same request) instead of
    reading it again; None reads it as usual."""
    reset = _pinned.set(token)
    try:
        yield
    finally:
        _pinned.reset(reset)


def cached_result(query: SearchQuery, compute: Callable[[], T]) -> T:
    """The stored result of ``query`` for the current documents, or ``compute()`` stored for the next."""
    timeout = settings.SEARCH_RESULT_CACHE_TIMEOUT
    token = current_token()
    if token is None:  # keeping is off, or there is nothing to key the results on
        return compute()
    # Facet labels are translated when computed: kept_under_token keys on the interface language too.
    return kept_under_token("search-result", token, query, compute, timeout=timeout)
