"""The Elasticsearch backend, tested by what it sends (settings, mappings, request bodies) and receives."""

import pytest

from portal.text import turkish_sort_key
from search.backends.elasticsearch import ElasticsearchBackend, build_autocomplete_body, build_search_body
from search.documents import PracticeDocument, index_body
from search.types import SearchQuery

FOLDED = [
    "title.folded^4",
    "tags.folded^3",
    "summary.folded^2",
    "theme.folded^2",
    "place.folded^2",
    "body.folded",
]


def test_index_settings_define_the_turkish_analyzer_chain():
    analysis = index_body()["settings"]["analysis"]
    assert analysis["analyzer"]["turkish_text"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["apostrophe", "turkish_lowercase", "turkish_stop", "turkish_stemmer"],
    }
    assert analysis["analyzer"]["turkish_folded"]["filter"] == [
        "apostrophe",
        "turkish_lowercase",
        "asciifolding",
    ]
    assert analysis["filter"]["turkish_lowercase"] == {"type": "lowercase", "language": "turkish"}
    assert analysis["filter"]["turkish_stop"] == {"type": "stop", "stopwords": "_turkish_"}
    assert analysis["filter"]["turkish_stemmer"] == {"type": "stemmer", "language": "turkish"}


def test_mapping_has_folded_sub_fields_keyword_facets_and_completion():
    properties = index_body()["mappings"]["properties"]
    for field in ("title", "summary", "body", "tags", "theme", "place"):
        assert properties[field]["analyzer"] == "turkish_text"
        assert properties[field]["fields"]["folded"] == {"type": "text", "analyzer": "turkish_folded"}
    for field in (
        "theme_slug",
        "target_groups",
        "tag_slugs",
        "status",
        "evidence_level",
        "budget_band",
        "title_sort",
    ):
        assert properties[field]["type"] == "keyword"
    for field in ("sdgs", "province", "start_year", "adoption_count", "page_id"):
        assert properties[field]["type"] == "integer"
    assert properties["suggest"] == {"type": "completion", "analyzer": "turkish_folded"}
    assert properties["first_published_at"]["type"] == "date"


@pytest.mark.django_db  # the query expansion reads the synonym groups
def test_text_query_with_filters_facets_sort_and_page():
    query = SearchQuery(
        text="İstanbul'da çocuk",
        themes=("saglik",),
        tags=("oyun", "park"),
        provinces=(34, 35),
        evidence_levels=("evaluated",),
        year_from=2015,
        year_to=2020,
        page=3,
        page_size=10,
    )
    body = build_search_body(query)
    assert body["from"] == 20 and body["size"] == 10 and body["track_total_hits"] is True
    assert body["sort"][0] == "_score"
    should = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert should[0]["multi_match"] == {
        "query": "İstanbulda çocuk",
        "type": "cross_fields",
        "operator": "and",
        "fields": ["title^4", "tags^3", "summary^2", "theme^2", "place^2", "body"],
    }
    assert should[1]["multi_match"]["fields"] == FOLDED
    # Every filter is a facet, so every filter is a post filter; several tags mean any of them (OR). The
    # query's own filter is the reader's language (Turkish by default).
    assert body["query"]["bool"]["filter"] == [{"term": {"serves": "tr"}}]
    theme = {"terms": {"theme_slug": ["saglik"]}}
    tags = {"terms": {"tag_slugs": ["oyun", "park"]}}
    evidence = {"terms": {"evidence_level": ["evaluated"]}}
    provinces = {"terms": {"province": [34, 35]}}
    years = {"range": {"start_year": {"gte": 2015, "lte": 2020}}}
    assert body["post_filter"] == {"bool": {"filter": [theme, tags, evidence, provinces, years]}}
    # Each facet aggregates under every chosen filter except its own.
    assert body["aggs"]["theme"]["filter"] == {"bool": {"filter": [tags, evidence, provinces, years]}}
    assert body["aggs"]["theme"]["aggs"]["values"]["terms"] == {"field": "theme_slug", "size": 50}
    assert body["aggs"]["province"]["filter"] == {"bool": {"filter": [theme, tags, evidence, years]}}
    assert body["aggs"]["start_year"]["filter"] == {"bool": {"filter": [theme, tags, evidence, provinces]}}
    assert body["aggs"]["evidence"]["filter"] == {"bool": {"filter": [theme, tags, provinces, years]}}
    assert body["aggs"]["tag"]["aggs"]["values"]["terms"] == {"field": "tag_slugs", "size": 100}
    assert set(body["aggs"]) == {
        *("theme", "target_group", "tag", "sdg", "status", "evidence", "budget", "province", "start_year")
    }
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["encoder"] == "html"
    assert set(body["highlight"]["fields"]) == {"summary", "summary.folded", "body", "body.folded"}
    assert body["suggest"]["did_you_mean"]["phrase"]["field"] == "title.folded"


def test_browse_without_text_sorts_newest_and_has_no_highlight_or_suggester():
    body = build_search_body(SearchQuery(sort="relevance"))
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["sort"][0] == {"first_published_at": {"order": "desc"}}
    assert "highlight" not in body and "suggest" not in body and "post_filter" not in body


@pytest.mark.django_db  # the query expansion reads the synonym groups
def test_sort_by_title_and_most_adopted():
    assert build_search_body(SearchQuery(text="x", sort="title"))["sort"][0] == {
        "title_sort": {"order": "asc"}
    }
    body = build_search_body(SearchQuery(text="x", sort="most_adopted"))
    assert body["sort"][0] == {"adoption_count": {"order": "desc"}}


def test_listing_queries_skip_aggregations():
    assert "aggs" not in build_search_body(SearchQuery(with_facets=False))


def test_autocomplete_body_uses_the_completion_field():
    body = build_autocomplete_body("Çocuk oy", limit=5)
    assert body["suggest"]["titles"] == {
        "prefix": "Çocuk oy",
        "completion": {"field": "suggest", "size": 5, "skip_duplicates": True},
    }


@pytest.mark.django_db
def test_document_carries_text_facets_and_completion_inputs(library):
    page = library["istanbul"]
    data = PracticeDocument.from_page(page).to_dict()
    assert data["title"] == page.title and data["page_id"] == page.pk
    assert data["tags"] == ["erişilebilirlik"] and data["tag_slugs"] == [page.tags.get().slug]
    assert data["theme_slug"] == "saglik" and data["province"] == 34 and data["place"].startswith("İstanbul")
    # The sort key orders titles in Turkish alphabetical order (tested in tests/portal/test_text.py).
    assert data["title_sort"] == turkish_sort_key(page.title)
    assert data["suggest"] == {"input": [page.title, "erişilebilirlik"]}
    assert "<p>" not in data["body"]


class FakeClient:
    def __init__(self, response):
        self.response, self.calls = response, []

    def search(self, **kwargs):
        self.calls.append(kwargs)
        return self.response


@pytest.mark.django_db
def test_response_becomes_a_search_result_with_database_pages_and_labels(library, settings):
    settings.ELASTICSEARCH_INDEX = "atlas-test"
    page, gone = library["istanbul"], library["unrelated"]
    gone.unpublish()
    response = {
        "took": 7,
        "hits": {
            "total": {"value": 2},
            "hits": [
                {"_id": str(page.pk), "highlight": {"summary.folded": ["<mark>Engelli</mark> bireyler"]}},
                {"_id": str(gone.pk)},
            ],
        },
        "aggregations": {
            "theme": {"values": {"buckets": [{"key": "saglik", "doc_count": 2}]}},
            "province": {"values": {"buckets": [{"key": 34, "doc_count": 1}]}},
            "start_year": {"values": {"buckets": [{"key": 2018, "doc_count": 1}]}},
        },
    }
    client = FakeClient(response)
    result = ElasticsearchBackend(client=client).search(SearchQuery(text="engelli", themes=("saglik",)))
    assert client.calls[0]["index"] == "atlas-test"
    assert [hit.page_id for hit in result.hits] == [page.pk]  # the unpublished page is dropped
    assert result.hits[0].highlight == "<mark>Engelli</mark> bireyler"
    assert result.total == 2 and result.backend == "elasticsearch" and result.took_ms == 7.0
    theme = result.facets["theme"][0]
    assert (theme.value, theme.label, theme.count, theme.selected) == ("saglik", "Sağlık", 2, True)
    assert result.facets["province"][0].label == "İstanbul"


@pytest.mark.django_db
def test_suggestion_comes_from_the_phrase_suggester_only_when_nothing_matches(db):
    response = {
        "hits": {"total": {"value": 0}, "hits": []},
        "suggest": {"did_you_mean": [{"options": [{"text": "cocuk", "score": 0.5}]}]},
    }
    result = ElasticsearchBackend(client=FakeClient(response)).search(SearchQuery(text="cocukk"))
    assert result.suggestion == "cocuk"


@pytest.mark.django_db
def test_inflections_and_synonyms_reach_elasticsearch_as_alternatives():
    should = build_search_body(SearchQuery(text="engellilere"))["query"]["bool"]["must"][0]["bool"]["should"]
    alternatives = should[-1]["bool"]["must"][0]["bool"]["should"]
    queries = {clause["multi_match"]["query"] for clause in alternatives}
    # The stem, the shipped synonyms (English included) and the multi-word synonym as a phrase.
    assert {"engellilere", "engelli", "disabled"} <= queries
    assert {"type": "phrase", "query": "özel gereksinimli"}.items() <= next(
        clause["multi_match"] for clause in alternatives if clause["multi_match"].get("type") == "phrase"
    ).items()
    # A word without stems or synonyms keeps the plain two-clause query.
    assert len(build_search_body(SearchQuery(text="zqxw"))["query"]["bool"]["must"][0]["bool"]["should"]) == 2
