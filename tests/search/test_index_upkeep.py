"""Index upkeep without a cluster: `search_index` run as manage.py runs it; adoption counts reach it."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

import pytest

from mentorship import services as mentorship_services
from mentorship.factories import MunicipalityFactory
from mentorship.models import AdoptionStage
from practices.models import PracticePage
from practices.services import adoption_counts_changed, practice_adoption_count_set
from search import indexing, signals
from search.indexing import RebuildReport
from search.management.commands import search_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def es_configured(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_INDEX = "atlas-upkeep"


@pytest.fixture
def es_signals():
    signals.connect_elasticsearch_signals()
    yield
    signals.disconnect_elasticsearch_signals()


def test_the_command_keeps_djangos_system_check_hook():
    # manage.py calls Command.check() (the system checks) before handle(); overriding it runs code early.
    assert search_index.Command.check is BaseCommand.check


def test_rebuild_with_system_checks_never_counts_the_missing_index(es_configured, monkeypatch):
    """What `manage.py search_index --rebuild` does on an empty cluster: system checks, then the rebuild."""
    counted, rebuilt = [], []

    def count_missing_index(**kwargs):
        counted.append(True)
        raise AssertionError("the document count ran before the index existed")

    def rebuild(**kwargs):
        rebuilt.append(kwargs["batch_size"])
        return RebuildReport(index="atlas-upkeep-1", indexed=0, removed_indices=())

    monkeypatch.setattr(search_index, "check_counts", count_missing_index)
    monkeypatch.setattr(search_index, "rebuild_index", rebuild)
    call_command("search_index", "--rebuild", "--batch-size", "50", skip_checks=False)
    assert rebuilt == [50]
    assert counted == []


def test_check_on_an_empty_cluster_says_to_rebuild(es_configured, monkeypatch):
    from elastic_transport import ApiResponseMeta, HttpHeaders
    from elasticsearch import NotFoundError

    meta = ApiResponseMeta(status=404, http_version="1.1", headers=HttpHeaders(), duration=0.0, node=None)

    def missing(**kwargs):
        raise NotFoundError("index_not_found_exception", meta, {})

    monkeypatch.setattr(search_index, "check_counts", missing)
    with pytest.raises(search_index.CommandError, match="no index atlas-upkeep yet; run"):
        call_command("search_index", "--check", skip_checks=False)


def test_setting_an_adoption_count_stores_it_and_tells_the_listeners():
    page = PracticePage.objects.get(pk=_practice().pk)
    heard = []

    def listener(sender, page_ids, **kwargs):
        heard.append(page_ids)

    adoption_counts_changed.connect(listener)
    try:
        practice_adoption_count_set(practice_id=page.pk, count=3)
    finally:
        adoption_counts_changed.disconnect(listener)
    page.refresh_from_db()
    assert page.adoption_count == 3
    assert heard == [(page.pk,)]


def test_an_adoption_reindexes_the_practice_after_the_change_commits(
    es_signals, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(indexing, "enqueue", lambda task, page_id: queued.append((task.name, page_id)))
    practice = _practice()
    with django_capture_on_commit_callbacks(execute=True):
        mentorship_services.adoption_get_or_create(
            municipality=MunicipalityFactory(), practice=practice, stage=AdoptionStage.ADOPTED
        )
        assert queued == []  # nothing reaches the index before the transaction commits
    assert (indexing.index_practice_task.name, practice.pk) in queued
    practice.refresh_from_db()
    assert practice.adoption_count == 1


def test_a_rolled_back_adoption_change_leaves_the_index_alone(
    es_signals, monkeypatch, django_capture_on_commit_callbacks
):
    from django.db import transaction

    queued = []
    monkeypatch.setattr(indexing, "enqueue", lambda task, page_id: queued.append(page_id))
    practice = _practice()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        practice_adoption_count_set(practice_id=practice.pk, count=9)
        raise RuntimeError("the surrounding change failed")
    assert queued == []
    practice.refresh_from_db()
    assert practice.adoption_count == 0


def _practice():
    from practices.factories import PracticePageFactory

    return PracticePageFactory(title="Sayılan Uygulama")
