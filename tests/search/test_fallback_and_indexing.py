"""Faults and index upkeep: with Elasticsearch down the database answers and publishing still works."""

from django.core.management import CommandError, call_command

import pytest

from practices.factories import PracticePageFactory, practice_index_page
from search import indexing, signals
from search.service import FALLBACK_BACKEND_NAME, search
from search.types import SearchQuery

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture
def elasticsearch_down(settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = UNREACHABLE
    settings.ELASTICSEARCH_TIMEOUT = 0.5


@pytest.fixture
def es_signals():
    signals.connect_elasticsearch_signals()
    yield
    signals.disconnect_elasticsearch_signals()


def test_search_answers_from_the_database_when_elasticsearch_is_unreachable(library, elasticsearch_down):
    result = search(SearchQuery(text="cocuk"))
    assert result.backend == FALLBACK_BACKEND_NAME
    assert result.degraded is True
    assert "ConnectionError" in result.fallback_reason
    assert {hit.page_id for hit in result.hits} == {
        library[k].pk for k in ("title_match", "tag_match", "body_match")
    }
    assert result.facets["theme"]


def test_search_page_and_api_still_work_and_say_so(client, library, elasticsearch_down):
    response = client.get("/ara/", {"q": "cocuk"})
    assert response.status_code == 200
    assert library["title_match"].title in response.content.decode()
    data = client.get("/api/search/", {"q": "cocuk"}).json()
    assert data["backend"] == "database (elasticsearch unavailable)" and data["degraded"] is True


def test_library_pages_still_list_practices(client, library, elasticsearch_down):
    response = client.get("/uygulamalar/")
    assert response.status_code == 200
    assert library["unrelated"].title in response.content.decode()


def test_autocomplete_falls_back_too(client, library, elasticsearch_down):
    response = client.get("/api/search/autocomplete", {"q": "cocuk"})
    assert response.status_code == 200
    assert library["title_match"].title in [item["title"] for item in response.json()]


def test_healthz_reports_search_degraded_but_stays_200(client, elasticsearch_down):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["checks"]["search"].startswith("degraded")


def test_healthz_reports_the_database_backend(client, db):
    assert client.get("/healthz/").json()["checks"]["search"] == "ok (database)"


def test_publishing_succeeds_while_elasticsearch_is_unreachable(library, elasticsearch_down, es_signals):
    page = library["title_match"]
    page.title = "Çocuk Oyun Evleri (güncel)"
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert page.live and page.title.endswith("(güncel)")
    page.unpublish()
    page.refresh_from_db()
    assert not page.live


def test_publish_unpublish_move_and_delete_call_the_indexer(library, es_signals, monkeypatch):
    calls = []
    monkeypatch.setattr(indexing, "index_practice", lambda *, page_id: calls.append(("index", page_id)))
    monkeypatch.setattr(indexing, "remove_practice", lambda *, page_id: calls.append(("remove", page_id)))
    page = library["tag_match"]
    page.save_revision().publish()
    assert calls == [("index", page.pk)]
    calls.clear()
    page.unpublish()
    assert calls == [("remove", page.pk)]
    calls.clear()
    other = library["unrelated"]
    other.move(practice_index_page(), pos="last-child")
    assert ("index", other.pk) in calls
    calls.clear()
    other.delete()
    assert ("remove", other.pk) in calls


def test_database_index_sees_tags_saved_with_the_page(db):
    # Wagtail reloads the page before modelcluster saves its tags; search.signals re-indexes the saved object.
    page = PracticePageFactory(title="Mahalle Kütüphanesi")
    page.tags.add("çocuk")
    page.save_revision().publish()
    assert page.pk in {hit.page_id for hit in search(SearchQuery(text="cocuk")).hits}


class RecordingIndices:
    def __init__(self, aliases):
        self.aliases, self.calls = aliases, []

    def create(self, **kwargs):
        self.calls.append(("create", kwargs["index"]))

    def refresh(self, index):
        self.calls.append(("refresh", index))

    def exists_alias(self, name):
        return bool(self.aliases)

    def get_alias(self, name):
        return {index: {"aliases": {name: {}}} for index in self.aliases}

    def update_aliases(self, actions):
        self.calls.append(("update_aliases", actions))

    def delete(self, index, ignore_unavailable=False):
        self.calls.append(("delete", index))


class RecordingClient:
    def __init__(self, aliases=(), count=0):
        self.indices = RecordingIndices(list(aliases))
        self._count = count

    def count(self, index):
        return {"count": self._count}


def test_rebuild_indexes_into_a_new_index_then_swaps_the_alias_atomically(library, settings, monkeypatch):
    settings.ELASTICSEARCH_INDEX = "atlas-test"
    bulked = []
    monkeypatch.setattr("elasticsearch.helpers.bulk", lambda client, actions, **kw: bulked.extend(actions))
    client = RecordingClient(aliases=["atlas-test-old"])
    progress = []
    report = indexing.rebuild_index(
        client=client, batch_size=2, progress=lambda d, t: progress.append((d, t))
    )
    assert report.indexed == 5 and report.index.startswith("atlas-test-")
    assert progress == [(2, 5), (4, 5), (5, 5)]
    assert {action["_index"] for action in bulked} == {report.index}
    assert sorted(int(a["_id"]) for a in bulked) == sorted(p.pk for p in library.values())
    names = [call[0] for call in client.indices.calls]
    assert names == ["create", "refresh", "update_aliases", "delete"]
    assert client.indices.calls[2][1] == [
        {"remove": {"index": "atlas-test-old", "alias": "atlas-test"}},
        {"add": {"index": report.index, "alias": "atlas-test"}},
    ]
    assert client.indices.calls[3] == ("delete", "atlas-test-old")


def test_check_compares_index_and_database_counts(library, monkeypatch):
    monkeypatch.setattr(indexing, "get_client", lambda **kw: RecordingClient(count=5))
    assert indexing.check_counts() == (5, 5)


def test_check_command_fails_on_mismatch(library, settings, monkeypatch):
    settings.ELASTICSEARCH_URL = "http://es.example:9200"
    monkeypatch.setattr("search.indexing.get_client", lambda **kw: RecordingClient(count=3))
    with pytest.raises(CommandError, match="3 documents, the database 5"):
        call_command("search_index", "--check")


def test_index_command_gives_a_clear_error_when_elasticsearch_is_unreachable(db, elasticsearch_down):
    with pytest.raises(CommandError, match="could not be reached"):
        call_command("search_index", "--rebuild")
    with pytest.raises(CommandError, match="could not be reached"):
        call_command("search_index", "--check")


def test_index_command_explains_when_no_cluster_is_configured(db, settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("search_index", "--check")


def test_draft_changes_are_not_searchable_until_published(library):
    page = library["unrelated"]
    page.title = "Gizli taslak başlığı"
    page.save_revision()
    assert search(SearchQuery(text="gizli")).total == 0
    page.save_revision().publish()
    assert search(SearchQuery(text="gizli")).total == 1
