"""Behaviour tests against a real cluster: ELASTICSEARCH_URL=http://host:9200 pytest -m elasticsearch_live."""

import os
import uuid

import pytest

from search import indexing
from search.backends.elasticsearch import ElasticsearchBackend, get_client
from search.service import search
from search.types import SearchQuery

pytestmark = [
    pytest.mark.elasticsearch_live,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"),
        reason="no Elasticsearch cluster: set ELASTICSEARCH_URL to run the live search tests",
    ),
]


@pytest.fixture
def live_index(settings, library):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX = f"atlas-test-{uuid.uuid4().hex[:8]}"
    report = indexing.rebuild_index()
    yield library
    get_client().indices.delete(index=report.index, ignore_unavailable=True)


def ids(result):
    return {hit.page_id for hit in result.hits}


@pytest.mark.parametrize("spelling", ["çocuk", "cocuk", "ÇOCUK", "Çocuk"])
def test_every_spelling_of_cocuk_finds_the_same_practices(live_index, spelling):
    result = search(SearchQuery(text=spelling))
    assert result.backend == "elasticsearch"
    assert ids(result) == {live_index[k].pk for k in ("title_match", "tag_match", "body_match")}


@pytest.mark.parametrize("spelling", ["İstanbul", "istanbul", "ISTANBUL", "Istanbul"])
def test_every_spelling_of_istanbul_finds_the_same_practices(live_index, spelling):
    expected = {live_index["istanbul"].pk, live_index["title_match"].pk}
    assert ids(search(SearchQuery(text=spelling))) == expected


def test_inflected_words_find_the_base_word(live_index):
    assert live_index["istanbul"].pk in ids(search(SearchQuery(text="engellilere")))


def test_title_and_tag_matches_rank_above_body_only_matches(live_index):
    order = [hit.page_id for hit in search(SearchQuery(text="cocuk")).hits]
    assert order[-1] == live_index["body_match"].pk


def test_facets_count_like_the_database_backend(live_index, settings):
    es = search(SearchQuery(text="cocuk", themes=("saglik",)))
    settings.SEARCH_BACKEND = "database"
    db = search(SearchQuery(text="cocuk", themes=("saglik",)))
    for facet in ("theme", "province", "start_year", "status"):
        assert {v.value: v.count for v in es.facets[facet]} == {v.value: v.count for v in db.facets[facet]}


def test_suggestion_and_autocomplete(live_index):
    assert search(SearchQuery(text="cocukk")).suggestion
    titles = [item["title"] for item in ElasticsearchBackend().autocomplete("cocuk oy")]
    assert live_index["title_match"].title in titles


def test_publish_and_unpublish_keep_the_index_current(live_index, settings):
    page = live_index["unrelated"]
    indexing.index_practice(page_id=page.pk)
    page.unpublish()
    indexing.index_practice(page_id=page.pk)
    get_client().indices.refresh(index=settings.ELASTICSEARCH_INDEX)
    indexed, published = indexing.check_counts()
    assert indexed == published == 4
