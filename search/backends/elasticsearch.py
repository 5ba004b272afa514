"""Elasticsearch backend: request bodies built by pure functions, executed with short timeouts.

Any transport failure (refused connection, timeout, missing index) becomes SearchBackendUnavailable, which
the service answers from the database backend.
"""

import logging
from dataclasses import replace

from django.conf import settings
from django.utils.safestring import mark_safe

from taggit.models import Tag

from portal.text import fold, turkish_lower, words
from practices import selectors
from practices.filters import DEFAULT_LANGUAGE, FILTERS, YEAR_FACET, year_selected
from practices.models import SDG, PracticePage, TargetGroup, Theme

from ..synonyms import Alternatives, expand
from ..types import FacetValue, SearchBackendUnavailable, SearchHit, SearchQuery, SearchResult
from .database import make_hit, province_label

logger = logging.getLogger(__name__)

TEXT_FIELDS = ["title^4", "tags^3", "summary^2", "theme^2", "place^2", "body"]


def subfields(suffix: str) -> list[str]:
    """TEXT_FIELDS' sub-field ``suffix`` with the same boosts ("title^4" -> "title.folded^4")."""
    return [
        f"{name.split('^')[0]}.{suffix}" + (f"^{name.split('^')[1]}" if "^" in name else "")
        for name in TEXT_FIELDS
    ]


FOLDED_FIELDS = subfields("folded")
# English documents (language "en"): the same fields through Elasticsearch's English analyzer.
ENGLISH_FIELDS = subfields("english")
TOP_TAGS = 100
# facet name -> (keyword field in the index, SearchQuery attribute holding the chosen values)
FACETS = {spec.param: (spec.index_field, spec.attr) for spec in FILTERS} | {YEAR_FACET: ("start_year", None)}
FACET_SIZES = {"tag": TOP_TAGS, "province": 81, "start_year": 100}
SORTS = {
    "relevance": ["_score", {"first_published_at": {"order": "desc"}}, {"page_id": {"order": "desc"}}],
    "newest": [{"first_published_at": {"order": "desc"}}, {"page_id": {"order": "desc"}}],
    "title": [{"title_sort": {"order": "asc"}}, {"page_id": {"order": "asc"}}],
    "most_adopted": [
        {"adoption_count": {"order": "desc"}},
        {"title_sort": {"order": "asc"}},
        {"page_id": {"order": "asc"}},
    ],
    "start_year": [
        {"start_year": {"order": "desc"}},
        {"title_sort": {"order": "asc"}},
        {"page_id": {"order": "asc"}},
    ],
}


# Pure request builders -------------------------------------------------------------------------------


def text_clause(text: str, language: str = DEFAULT_LANGUAGE) -> dict:
    """Every word must match: as typed (Turkish analyzer, stemmed) or folded (no Turkish letters), or for an
    English reader by the English analyzer; and, where Turkish stems or editors' synonyms add alternatives,
    each word by any of them (search/synonyms)."""
    cleaned = " ".join(words(text))
    field_sets = (TEXT_FIELDS, FOLDED_FIELDS, *([ENGLISH_FIELDS] if language == "en" else []))
    should = [
        {"multi_match": {"query": cleaned, "type": "cross_fields", "operator": "and", "fields": fields}}
        for fields in field_sets
    ]
    groups = expand(text)
    if any(
        set(group.words) - {turkish_lower(group.words[0]), fold(group.words[0])} or group.phrases
        for group in groups
    ):
        should.append({"bool": {"must": [alternatives_clause(group) for group in groups]}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def alternatives_clause(group: Alternatives) -> dict:
    options = [{"multi_match": {"query": word, "fields": FOLDED_FIELDS}} for word in group.words]
    options += [
        {"multi_match": {"query": phrase, "type": "phrase", "fields": FOLDED_FIELDS}}
        for phrase in group.phrases
    ]
    return {"bool": {"should": options, "minimum_should_match": 1}}


def facet_filters(query: SearchQuery) -> dict[str, dict]:
    """One filter clause per facet that has a choice; values within a facet are OR-ed."""
    clauses: dict[str, dict] = {}
    for facet, (field, attribute) in FACETS.items():
        if attribute is None:
            continue
        values = getattr(query, attribute)
        if not values:
            continue
        clauses[facet] = {"terms": {field: list(values)}}
    if query.year_from is not None or query.year_to is not None:
        year_range = {}
        if query.year_from is not None:
            year_range["gte"] = query.year_from
        if query.year_to is not None:
            year_range["lte"] = query.year_to
        clauses["start_year"] = {"range": {"start_year": year_range}}
    return clauses


def build_search_body(query: SearchQuery) -> dict:
    """The search request as data: text, filters, facets with post_filter, highlight, sort, page."""
    text = " ".join(words(query.text))
    must = [text_clause(text, query.language)] if text else [{"match_all": {}}]
    # Every filter is a facet: the filters go to post_filter so each facet's aggregation can ignore its own
    # choice (and only its own).
    chosen = facet_filters(query)
    body: dict = {
        # The reader's language: its documents and the Turkish originals not translated into it.
        "query": {"bool": {"must": must, "filter": [{"term": {"serves": query.language}}]}},
        "from": query.offset,
        "size": query.page_size,
        "track_total_hits": True,
        "_source": ["page_id"],
        "sort": SORTS[
            query.effective_sort if text else ("newest" if query.sort == "relevance" else query.sort)
        ],
    }
    if chosen:
        body["post_filter"] = {"bool": {"filter": list(chosen.values())}}
    if query.with_facets:
        aggs = {}
        for facet, (field, _attribute) in FACETS.items():
            others = [clause for name, clause in chosen.items() if name != facet]
            terms = {"field": field, "size": FACET_SIZES.get(facet, 50)}
            aggs[facet] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": {"terms": terms}}}
        body["aggs"] = aggs
    if text:
        body["highlight"] = {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "number_of_fragments": 1,
            "fragment_size": 220,
            "fields": {"summary": {}, "summary.folded": {}, "body": {}, "body.folded": {}},
        }
        body["suggest"] = {
            "text": text,
            "did_you_mean": {
                "phrase": {
                    "field": "title.folded",
                    "size": 1,
                    "gram_size": 1,
                    "direct_generator": [{"field": "title.folded", "suggest_mode": "always"}],
                }
            },
        }
    return body


def build_autocomplete_body(text: str, *, limit: int = 8) -> dict:
    return {
        "_source": ["page_id"],
        "suggest": {
            "titles": {
                "prefix": " ".join(words(text)),
                "completion": {"field": "suggest", "size": limit, "skip_duplicates": True},
            }
        },
    }


# Execution ---------------------------------------------------------------------------------------------


def get_client(*, timeout: float | None = None):
    from elasticsearch import Elasticsearch

    if not settings.ELASTICSEARCH_URL:
        raise SearchBackendUnavailable("ELASTICSEARCH_URL is not set")
    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=timeout or settings.ELASTICSEARCH_TIMEOUT,
        max_retries=0,
        retry_on_timeout=False,
    )


def transport_errors() -> tuple[type[Exception], ...]:
    """Errors meaning "the cluster could not answer": the service falls back instead of failing."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    return (TransportError, ApiError, SearchBackendUnavailable)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client=None):
        self._client = client

    @property
    def client(self):
        if self._client is None:
            self._client = get_client()
        return self._client

    def _call(self, operation, **kwargs) -> dict:
        try:
            response = operation(**kwargs)
        except transport_errors() as error:
            raise SearchBackendUnavailable(f"{type(error).__name__}: {error}") from error
        return response.body if hasattr(response, "body") else response

    def search(self, query: SearchQuery, *, cards_only: bool = False) -> SearchResult:
        """``cards_only`` is the database backend's economy; hits here always carry their tags."""
        body = build_search_body(query)
        response = self._call(self.client.search, index=settings.ELASTICSEARCH_INDEX, body=body)
        return self.to_result(query, response)

    def autocomplete(self, text: str, *, limit: int = 8) -> list[dict]:
        if not words(text):
            return []
        body = build_autocomplete_body(text, limit=limit)
        response = self._call(self.client.search, index=settings.ELASTICSEARCH_INDEX, body=body)
        options = response.get("suggest", {}).get("titles", [{}])[0].get("options", [])
        ids = [int(option["_id"]) for option in options]
        pages = selectors.published_practices().filter(pk__in=ids).in_bulk()
        return [{"title": pages[pk].title, "url": pages[pk].url} for pk in ids if pk in pages]

    def health(self) -> dict[str, str]:
        try:
            reachable = get_client(timeout=1.0).ping()
        except transport_errors():
            reachable = False
        if reachable:
            return {"search": "ok (elasticsearch)"}
        return {"search": "degraded: elasticsearch unreachable, answering from the database"}

    # Response -> SearchResult --------------------------------------------------------------------------

    def to_result(self, query: SearchQuery, response: dict) -> SearchResult:
        raw_hits = response.get("hits", {}).get("hits", [])
        ids = [int(hit["_id"]) for hit in raw_hits]
        # The database stays the source of truth: a page unpublished since it was indexed is dropped.
        pages = selectors.with_listing_data(selectors.published_practices().filter(pk__in=ids)).in_bulk()
        hits = []
        for raw in raw_hits:
            page = pages.get(int(raw["_id"]))
            if page is None:
                continue
            hits.append(self.hit(page, query.text, raw.get("highlight", {})))
        total = response.get("hits", {}).get("total", {}).get("value", 0)
        return SearchResult(
            hits=hits,
            total=total,
            page=query.page,
            page_size=query.page_size,
            facets=self.facets(query, response.get("aggregations", {})) if query.with_facets else {},
            suggestion=self.suggestion(response, total),
            backend=self.name,
            took_ms=float(response.get("took", 0)),
        )

    @staticmethod
    def hit(page: PracticePage, text: str, highlights: dict) -> SearchHit:
        hit = make_hit(page, text)
        for field in ("summary", "summary.folded", "body", "body.folded"):
            if highlights.get(field):
                # encoder "html" makes Elasticsearch escape the text around its <mark> tags.
                return replace(hit, highlight=mark_safe(highlights[field][0]))  # noqa: S308
        return hit

    @staticmethod
    def suggestion(response: dict, total: int) -> str | None:
        if total:
            return None
        options = response.get("suggest", {}).get("did_you_mean", [{}])[0].get("options", [])
        return options[0]["text"] if options else None

    def facets(self, query: SearchQuery, aggregations: dict) -> dict[str, list[FacetValue]]:
        buckets = {
            facet: aggregations.get(facet, {}).get("values", {}).get("buckets", []) for facet in FACETS
        }
        labels = facet_labels(buckets)
        facets = {}
        for facet, (_field, attribute) in FACETS.items():
            chosen = {str(v) for v in getattr(query, attribute)} if attribute else set()
            values = []
            for bucket in buckets[facet]:
                key = str(bucket["key"])
                selected = year_selected(int(key), query.filters) if facet == "start_year" else key in chosen
                values.append(FacetValue(key, labels[facet].get(key, key), bucket["doc_count"], selected))
            facets[facet] = values
        return facets


def facet_labels(buckets: dict[str, list[dict]]) -> dict[str, dict[str, str]]:
    """Human labels for facet keys, one query per vocabulary (names live in the database, not the index)."""

    def keys(facet):
        return [str(bucket["key"]) for bucket in buckets[facet]]

    labels: dict[str, dict[str, str]] = {facet: {} for facet in FACETS}
    if keys("theme"):
        labels["theme"] = dict(Theme.objects.filter(slug__in=keys("theme")).values_list("slug", "name"))
    if keys("target_group"):
        labels["target_group"] = dict(
            TargetGroup.objects.filter(slug__in=keys("target_group")).values_list("slug", "name")
        )
    if keys("tag"):
        labels["tag"] = dict(Tag.objects.filter(slug__in=keys("tag")).values_list("slug", "name"))
    if keys("sdg"):
        labels["sdg"] = {
            str(number): f"{number}. {name}"
            for number, name in SDG.objects.filter(number__in=keys("sdg")).values_list("number", "name")
        }
    for spec in FILTERS:
        if spec.choices is not None:
            names = dict(spec.choices.choices)
            labels[spec.param] = {key: str(names.get(key, key)) for key in keys(spec.param)}
    labels["province"] = {key: province_label(int(key)) for key in keys("province")}
    labels["start_year"] = {key: key for key in keys("start_year")}
    return labels
