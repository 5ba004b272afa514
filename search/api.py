"""JSON search API (django-ninja): /api/search/ and /api/search/autocomplete, OpenAPI docs at /api/docs."""

from typing import Literal

from django.utils.translation import gettext as _

from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError

from . import service
from .types import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_TEXT_LENGTH, SearchQuery

MAX_PAGE = 10_000

search_api = NinjaAPI(
    title="Practice Atlas search API",
    version="1.0",
    description="Full-text search over published practices, with the library's filters and facet counts.",
    urls_namespace="search_api",
    docs_url="/docs",
)


class SearchParams(Schema):
    q: str = Field("", max_length=MAX_TEXT_LENGTH, description="Free text; Turkish letters optional.")
    theme: list[str] = Field([], description="Theme slugs (OR).")
    target_group: list[str] = Field([], description="Target group slugs (OR).")
    tag: list[str] = Field([], description="Tag slugs (AND).")
    sdg: list[int] = Field([], description="SDG numbers 1-17 (OR).")
    status: list[Literal["running", "completed", "pilot"]] = Field([])
    evidence: list[str] = Field([], description="Evidence levels (OR).")
    budget: list[str] = Field([], description="Budget bands (OR).")
    province: list[int] = Field([], description="Province plate codes 1-81 (OR).")
    year_from: int | None = Field(None, ge=1900, le=2100)
    year_to: int | None = Field(None, ge=1900, le=2100)
    sort: Literal["relevance", "newest", "title", "most_adopted", "start_year"] = "relevance"
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class HitSchema(Schema):
    id: int
    title: str
    url: str
    summary: str
    highlight: str = Field(description="HTML: the text is escaped, matched words are wrapped in <mark>.")
    theme: str
    tags: list[str]
    start_year: int | None
    province: str
    status: str


class FacetValueSchema(Schema):
    value: str
    label: str
    count: int
    selected: bool


class SearchResultSchema(Schema):
    hits: list[HitSchema]
    total: int
    page: int
    page_size: int
    facets: dict[str, list[FacetValueSchema]]
    suggestion: str | None
    backend: str = Field(description='"database", "elasticsearch" or "database (elasticsearch unavailable)".')
    degraded: bool
    took_ms: float


class ErrorSchema(Schema):
    detail: str


class CompletionSchema(Schema):
    title: str
    url: str


@search_api.get(
    "/search/", response={200: SearchResultSchema, 422: ErrorSchema}, summary="Search published practices"
)
def api_search(request, params: Query[SearchParams]):
    if params.year_from and params.year_to and params.year_from > params.year_to:
        raise HttpError(422, _("year_to must not be before year_from."))
    if any(not 1 <= n <= 17 for n in params.sdg):
        raise HttpError(422, _("sdg must be between 1 and 17."))
    if any(not 1 <= n <= 81 for n in params.province):
        raise HttpError(422, _("province must be a plate code between 1 and 81."))
    query = SearchQuery(
        text=params.q,
        themes=tuple(params.theme),
        target_groups=tuple(params.target_group),
        tags=tuple(params.tag),
        sdgs=tuple(params.sdg),
        statuses=tuple(params.status),
        evidence_levels=tuple(params.evidence),
        budget_bands=tuple(params.budget),
        provinces=tuple(params.province),
        year_from=params.year_from,
        year_to=params.year_to,
        sort=params.sort,
        page=params.page,
        page_size=params.page_size,
    )
    result = service.search(query)
    return {
        "hits": [
            {
                "id": hit.page_id,
                "title": hit.title,
                "url": request.build_absolute_uri(hit.url) if hit.url else "",
                "summary": hit.summary,
                "highlight": str(hit.highlight),
                "theme": hit.theme,
                "tags": list(hit.tags),
                "start_year": hit.start_year,
                "province": hit.province,
                "status": hit.status,
            }
            for hit in result.hits
        ],
        "total": result.total,
        "page": result.page,
        "page_size": result.page_size,
        "facets": {name: [vars(value) for value in values] for name, values in result.facets.items()},
        "suggestion": result.suggestion,
        "backend": result.backend,
        "degraded": result.degraded,
        "took_ms": result.took_ms,
    }


@search_api.get("/search/autocomplete", response=list[CompletionSchema], summary="Complete a practice title")
def api_autocomplete(request, q: str = Query(..., min_length=1, max_length=MAX_TEXT_LENGTH)):
    return service.autocomplete(q)
