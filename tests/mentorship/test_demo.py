"""The mentorship demo data added to ``manage.py load_demo``: what the issue asks for, and idempotent."""

import io
import itertools
from collections import Counter

from django.core.management import call_command
from django.utils import timezone

import pytest

from mentorship import demo, selectors
from mentorship.models import (
    Adoption,
    AdoptionEvent,
    AdoptionMetric,
    AdoptionStage,
    ContactPerson,
    FollowUp,
    Municipality,
    MunicipalityKind,
    Visit,
    VisitStatus,
)

pytestmark = pytest.mark.django_db


def mentorship_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Municipality, ContactPerson, Visit, FollowUp, Adoption, AdoptionEvent, AdoptionMetric)
    }


def load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_load_demo_builds_the_office_year_and_a_second_run_changes_nothing(settings):
    settings.DEMO_LOGINS_ENABLED = True
    output = load_demo()
    assert "Mentorluk" in output
    first = mentorship_counts()

    hosted = {m.name: m for m in selectors.municipalities_hosted()}
    assert len(hosted) == 16
    kinds = Counter(m.kind for m in hosted.values())
    assert kinds == {
        MunicipalityKind.METROPOLITAN: 7,
        MunicipalityKind.PROVINCIAL: 2,
        MunicipalityKind.DISTRICT: 7,
    }
    assert hosted["Üsküdar Belediyesi"].province_name == "İstanbul"
    assert hosted["Şehitkamil Belediyesi"].province_name == "Gaziantep"
    in_talks = list(selectors.municipalities_in_talks())
    assert len(in_talks) == 11
    assert all(m.is_demo for m in in_talks)
    for municipality in in_talks:
        visit = municipality.visits.get()
        assert visit.status in (VisitStatus.REQUESTED, VisitStatus.SCHEDULED)
        assert "demo" in visit.notes.lower()

    completed = Visit.objects.filter(status=VisitStatus.COMPLETED)
    assert completed.count() == 16
    assert all(2024 <= v.date.year <= 2026 and v.date <= timezone.localdate() for v in completed)
    assert all(v.mentors.filter(username="mentor").exists() for v in completed)

    stages = set(Adoption.objects.values_list("stage", flat=True))
    assert stages == set(AdoptionStage.values)
    for adoption in Adoption.objects.prefetch_related("events"):
        events = sorted(adoption.events.all(), key=lambda e: (e.created_at, e.pk))
        assert events[0].from_stage == "" and events[-1].to_stage == adoption.stage
        # The history is a chain: each event starts where the previous one ended.
        assert all(a.to_stage == b.from_stage for a, b in itertools.pairwise(events))
    adopted = Adoption.objects.filter(stage__in=[AdoptionStage.ADOPTED, AdoptionStage.SCALED])
    assert adopted.exclude(kept="").exists() and adopted.exclude(changed="").exists()
    assert AdoptionMetric.objects.filter(origin_metric__isnull=False).count() >= adopted.count()

    today = timezone.localdate()
    follow_ups = FollowUp.objects.filter(assignee__username="mentor")
    assert follow_ups.filter(done_at__isnull=True, due_date__lt=today).exists()  # overdue
    assert follow_ups.filter(done_at__isnull=True, due_date__gte=today).exists()  # due soon
    assert follow_ups.filter(done_at__isnull=False).exists()  # done

    for contact in ContactPerson.objects.all():
        assert contact.consent_given_at is not None and contact.consent_text_version
        assert contact.email.endswith("@example.org")
        assert contact.phone.startswith("0555 000 00 ")
    assert ContactPerson.objects.count() == len(demo.demo_contact_identities())

    load_demo()
    assert mentorship_counts() == first


def test_demo_without_demo_logins_still_loads_without_mentor_records(settings):
    settings.DEMO_LOGINS_ENABLED = False
    output = load_demo()
    assert "takip kayıtları oluşturulmadı" in output
    assert selectors.municipality_relationship_counts()["hosted"] == 16
    assert FollowUp.objects.count() == 0
