"""Behaviour tests against a real cluster: `make elasticsearch`, then
ELASTICSEARCH_URL=http://127.0.0.1:9200 pytest -m elasticsearch_live (skipped without the variable, failed
with ELASTICSEARCH_LIVE_REQUIRED=1: see conftest.py)."""

import os
import threading
import time
import uuid

from django.core.management import CommandError, call_command

import pytest

from mentorship import services as mentorship_services
from mentorship.factories import MunicipalityFactory
from mentorship.models import AdoptionStage
from search import indexing, signals
from search.backends.elasticsearch import ElasticsearchBackend, get_client
from search.service import search
from search.types import SearchQuery

pytestmark = [pytest.mark.elasticsearch_live, pytest.mark.django_db]


@pytest.fixture
def live_cluster(settings):
    """Settings for a fresh alias on the live cluster (no index yet); every index made under it is deleted."""
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX = f"atlas-test-{uuid.uuid4().hex[:8]}"
    yield settings.ELASTICSEARCH_INDEX
    client = get_client()
    # Clusters refuse wildcard deletes (action.destructive_requires_name): name each index.
    for name in client.indices.get(index=f"{settings.ELASTICSEARCH_INDEX}-*", allow_no_indices=True):
        client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def live_index(live_cluster, library):
    indexing.rebuild_index()
    return library


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


def manage(*args: str) -> None:
    """Run a command as `manage.py` does, system checks included (where the shadowed check() used to run
    first). Not through run_from_argv: it closes every database connection when the command ends, which on
    PostgreSQL closes the test's own connection inside its transaction."""
    call_command(*args, skip_checks=False)


def test_rebuild_command_builds_the_first_index_on_an_empty_cluster(live_cluster, library, capsys):
    client = get_client()
    assert not client.indices.exists_alias(name=live_cluster)
    manage("search_index", "--rebuild")
    assert "Indexed 5 practices" in capsys.readouterr().out
    manage("search_index", "--check")
    assert "agree: 5 practices" in capsys.readouterr().out
    assert ids(search(SearchQuery(text="cocuk"))) == {
        library[k].pk for k in ("title_match", "tag_match", "body_match")
    }


def test_check_command_on_an_empty_cluster_says_to_rebuild(live_cluster, library):
    with pytest.raises(
        CommandError, match=f"no index {live_cluster} yet; run `manage.py search_index --rebuild`"
    ):
        manage("search_index", "--check")


def most_adopted_ids(settings, backend: str) -> list[int]:
    settings.SEARCH_BACKEND = backend
    result = search(SearchQuery(sort="most_adopted", with_facets=False))
    assert result.backend == backend
    return [hit.page_id for hit in result.hits]


def test_adoption_changes_reach_the_most_adopted_order_of_both_backends(
    live_index, settings, django_capture_on_commit_callbacks
):
    signals.connect_elasticsearch_signals()
    try:
        rising, falling = live_index["unrelated"], live_index["title_match"]
        with django_capture_on_commit_callbacks(execute=True):
            first = mentorship_services.adoption_get_or_create(
                municipality=MunicipalityFactory(), practice=falling, stage=AdoptionStage.ADOPTED
            )[0]
        get_client().indices.refresh(index=settings.ELASTICSEARCH_INDEX)
        for backend in ("elasticsearch", "database"):
            assert most_adopted_ids(settings, backend)[0] == falling.pk

        with django_capture_on_commit_callbacks(execute=True):
            for _ in range(2):
                mentorship_services.adoption_get_or_create(
                    municipality=MunicipalityFactory(), practice=rising, stage=AdoptionStage.SCALED
                )
            mentorship_services.adoption_change_stage(
                adoption=first, to_stage=AdoptionStage.DROPPED, user=None, note="Bütçe kesildi."
            )
        get_client().indices.refresh(index=settings.ELASTICSEARCH_INDEX)
        es_order = most_adopted_ids(settings, "elasticsearch")
        db_order = most_adopted_ids(settings, "database")
        # Equal counts are ordered by title, which the two backends collate differently (Ç, İ).
        assert es_order[0] == db_order[0] == rising.pk
        assert set(es_order) == set(db_order) == {page.pk for page in live_index.values()}
        source = get_client().get(index=settings.ELASTICSEARCH_INDEX, id=str(falling.pk))["_source"]
        assert source["adoption_count"] == 0
    finally:
        signals.disconnect_elasticsearch_signals()


def test_search_keeps_answering_while_a_rebuild_swaps_the_alias(live_index, settings):
    """Searches during a rebuild read the old index; the alias moves in one step; the old index goes last."""
    client = get_client()
    alias = settings.ELASTICSEARCH_INDEX
    (old_index,) = client.indices.get_alias(name=alias)
    expected = {live_index[k].pk for k in ("title_match", "tag_match", "body_match")}
    seen_during_build = []

    def search_between_batches(done: int, total: int) -> None:
        # The new index is half built here: the alias still points at the complete old one.
        assert list(client.indices.get_alias(name=alias)) == [old_index]
        result = search(SearchQuery(text="cocuk"))
        seen_during_build.append((result.backend, ids(result)))

    # A reader hammering the alias through the whole rebuild, the swap included.
    totals, errors, stop = [], [], threading.Event()

    def reader() -> None:
        reader_client = get_client()
        while not stop.is_set():
            try:
                totals.append(reader_client.count(index=alias)["count"])
            except Exception as error:  # any failure is what this test is about
                errors.append(repr(error))
            time.sleep(0.005)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        report = indexing.rebuild_index(batch_size=1, progress=search_between_batches)
    finally:
        stop.set()
        thread.join(timeout=10)

    assert report.removed_indices == (old_index,)
    assert seen_during_build == [("elasticsearch", expected)] * 5
    assert errors == []
    assert totals and set(totals) == {5}
    assert list(client.indices.get_alias(name=alias)) == [report.index]
    assert not client.indices.exists(index=old_index)
    result = search(SearchQuery(text="cocuk"))
    assert (result.backend, ids(result)) == ("elasticsearch", expected)


QUERY_MATRIX = [
    {"text": "cocuk"},
    {"text": "çocuk", "themes": ("sosyal-hizmetler",)},
    {"text": "engellilere"},
    {"text": "elderly"},
    {"themes": ("saglik",), "provinces": (34, 1)},
    {"target_groups": ("yaslilar",), "year_from": 2016},
    {"tags": ("oyun", "tarım")},
    {"tags": ("oyun",), "themes": ("saglik",)},
    {"statuses": ("running", "completed"), "year_to": 2020},
]


@pytest.mark.parametrize("options", QUERY_MATRIX)
def test_both_backends_answer_the_same_url_with_the_same_practices(live_index, settings, options):
    """The same query and filters give the same practices on Elasticsearch and the database, repeated
    values of a filter meaning "any of" on both."""
    query = SearchQuery(**options, sort="title", page_size=50)
    es = search(query)
    settings.SEARCH_BACKEND = "database"
    db = search(query)
    assert es.backend == "elasticsearch" and db.backend == "database"
    assert [hit.page_id for hit in es.hits] == [hit.page_id for hit in db.hits]
    assert es.total == db.total
