"""Two mentors changing the same adoption at the same moment: both events are kept (PostgreSQL row lock)."""

import threading

from django.conf import settings
from django.db import connections

import pytest

from mentorship import services
from mentorship.factories import AdoptionFactory
from mentorship.models import Adoption, AdoptionEvent, AdoptionStage

# Decided at collection time so that on SQLite no transactional database (and no flush at teardown) is set up.
# serialized_rollback restores the data the migrations created (groups, library page) for these tests.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="row locks need PostgreSQL (CI runs the suite again with DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_stage_changes_keep_both_events():
    adoption = AdoptionFactory(stage=AdoptionStage.PLANNING)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def change(to_stage: str) -> None:
        try:
            barrier.wait(timeout=10)
            services.adoption_change_stage(
                adoption=Adoption.objects.get(pk=adoption.pk), to_stage=to_stage, user=None, note="eşzamanlı"
            )
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=change, args=(stage,))
        for stage in (AdoptionStage.PILOTING, AdoptionStage.DROPPED)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    events = list(AdoptionEvent.objects.filter(adoption=adoption).order_by("pk"))
    assert len(events) == 2
    # The second event starts where the first one left off: the lock serialised them.
    assert events[1].from_stage == events[0].to_stage
    assert events[0].from_stage == AdoptionStage.PLANNING
    assert Adoption.objects.get(pk=adoption.pk).stage == events[1].to_stage


def test_concurrent_identical_changes_keep_one_event_and_refuse_the_other():
    adoption = AdoptionFactory(stage=AdoptionStage.PLANNING)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def change() -> None:
        try:
            barrier.wait(timeout=10)
            services.adoption_change_stage(
                adoption=Adoption.objects.get(pk=adoption.pk), to_stage=AdoptionStage.PILOTING, user=None
            )
            outcomes.append("ok")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=change) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["ValidationError", "ok"]
    assert AdoptionEvent.objects.filter(adoption=adoption).count() == 1
