"""The search service: `search(query)` is the only entry point; it picks the backend and falls back safely."""

import logging
import time
from dataclasses import replace

from django.conf import settings

from .types import FacetValue, SearchBackendUnavailable, SearchHit, SearchQuery, SearchResult

__all__ = ["FacetValue", "SearchHit", "SearchQuery", "SearchResult", "autocomplete", "health_check", "search"]

logger = logging.getLogger(__name__)
FALLBACK_BACKEND_NAME = "database (elasticsearch unavailable)"


def get_backend(name: str | None = None):
    name = name or settings.SEARCH_BACKEND
    if name == "elasticsearch":
        from .backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend()
    from .backends.database import DatabaseSearchBackend

    return DatabaseSearchBackend()


def search(query: SearchQuery, *, cards_only: bool = False) -> SearchResult:
    """Answer a query with the configured backend; if Elasticsearch is down, answer from the database.

    ``cards_only``: the caller shows the practices as cards, rendered from their ids (the library:
    practices.cards), so the database backend loads no page: ``hits`` is empty, ``page_ids`` names them."""
    started = time.perf_counter()
    backend = get_backend()
    try:
        result = backend.search(query, cards_only=cards_only)
    except SearchBackendUnavailable as error:
        logger.warning("Search backend %s unavailable, answering from the database: %s", backend.name, error)
        result = get_backend("database").search(query, cards_only=cards_only)
        result = _replace(result, backend=FALLBACK_BACKEND_NAME, degraded=True, fallback_reason=str(error))
    return _replace(result, took_ms=round((time.perf_counter() - started) * 1000, 2))


def autocomplete(text: str, *, limit: int = 8) -> list[dict]:
    backend = get_backend()
    try:
        return backend.autocomplete(text, limit=limit)
    except SearchBackendUnavailable as error:
        logger.warning("Autocomplete on %s unavailable, answering from the database: %s", backend.name, error)
        return get_backend("database").autocomplete(text, limit=limit)


def health_check() -> dict[str, str]:
    """For /healthz/: the search backend's state; never raises, never turns the health check red."""
    try:
        return get_backend().health()
    except Exception as error:  # a health probe must report, not crash
        logger.warning("Search health check failed: %s", error)
        return {"search": "degraded (error)"}


def _replace(result: SearchResult, **changes) -> SearchResult:
    return replace(result, **changes)
