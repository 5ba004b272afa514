"""JSON search API (django-ninja): /api/search/ and /api/search/autocomplete, OpenAPI docs at /api/docs."""

from typing import Annotated, Literal

from django.utils.translation import gettext as _

from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from pydantic import create_model

from portal.site_address import absolute_url
from practices.filters import (
    FILTERS,
    FIRST_START_YEAR,
    LAST_START_YEAR,
    MAX_PAGE,
    SEARCH_LANGUAGES,
    SORTS,
    YEAR_FROM,
    YEAR_TO,
)
from practices.filters import Filter as FilterSpec

from . import service
from .types import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_TEXT_LENGTH, PracticeFilters, SearchQuery

search_api = NinjaAPI(
    title="Practice Atlas search API",
    version="1.0",
    description=(
        "Full-text search over published practices, with the library's filters and facet counts. "
        "Repeat a filter for any of its values (OR); different filters must all match (AND)."
    ),
    urls_namespace="search_api",
    docs_url="/docs",
)


def filter_parameter(spec: FilterSpec):
    """A query parameter for one filter of the vocabulary: a list, with its fixed choices or bounds."""
    if spec.choices is not None:
        item = Literal[tuple(spec.choices.values)]
    elif spec.min_value is not None:
        item = Annotated[int, Field(ge=spec.min_value, le=spec.max_value)]
    else:
        item = int if spec.value_type is int else str
    bounds = f" {spec.min_value}-{spec.max_value}" if spec.min_value is not None else ""
    return (list[item], Field([], description=f"{spec.label} ({spec.param}{bounds}; repeat for any of)."))


SearchParams = create_model(
    "SearchParams",
    __base__=Schema,
    q=(str, Field("", max_length=MAX_TEXT_LENGTH, description="Free text; Turkish letters optional.")),
    **{spec.param: filter_parameter(spec) for spec in FILTERS},
    **{
        name: (int | None, Field(None, ge=FIRST_START_YEAR, le=LAST_START_YEAR))
        for name in (YEAR_FROM, YEAR_TO)
    },
    sort=(Literal[tuple(SORTS)], "relevance"),
    page=(int, Field(1, ge=1, le=MAX_PAGE)),
    page_size=(int, Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)),
    language=(
        Literal[tuple(SEARCH_LANGUAGES)] | None,
        Field(
            None,
            description=(
                "The reader's language: its practices, plus the Turkish original of practices not "
                "translated into it. Defaults to the request's language."
            ),
        ),
    ),
)


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


class ValidationErrorSchema(Schema):
    type: str = Field(description='What kind of error, e.g. "int_parsing" or "too_long".')
    loc: list[str | int] = Field(description='Where: e.g. ["query", "page"].')
    msg: str
    ctx: dict | None = None


class ErrorSchema(Schema):
    detail: str | list[ValidationErrorSchema] = Field(
        description="A parameter of the wrong type or out of its bounds: a list, one entry per error. "
        "Parameters that are each valid but do not fit together (year_to before year_from): "
        "a message."
    )


class CompletionSchema(Schema):
    title: str
    url: str


@search_api.get(
    "/search/", response={200: SearchResultSchema, 422: ErrorSchema}, summary="Search published practices"
)
def api_search(request, params: Query[SearchParams]):
    if params.year_from and params.year_to and params.year_from > params.year_to:
        raise HttpError(422, _("year_to must not be before year_from."))
    data = params.dict()  # bounds of numbered filters (SDG 1-17, province 1-81) are in SearchParams
    query = SearchQuery.from_filters(
        PracticeFilters.from_form_data(data),
        text=params.q,
        sort=params.sort,
        page=params.page,
        page_size=params.page_size,
        **({"language": params.language} if params.language else {}),
    )
    result = service.search(query)
    return {
        "hits": [
            {
                "id": hit.page_id,
                "title": hit.title,
                "url": absolute_url(hit.url) if hit.url else "",
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


@search_api.get(
    "/search/autocomplete",
    response={200: list[CompletionSchema], 422: ErrorSchema},
    summary="Complete a practice title",
)
def api_autocomplete(request, q: str = Query(..., min_length=1, max_length=MAX_TEXT_LENGTH)):
    return service.autocomplete(q)
