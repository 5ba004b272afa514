"""load_demo brings past and upcoming events with registrations and three publications, and a second run
changes nothing."""

import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from mentorship.models import EventRegistration
from practices.models import EventPage, PublicationKind, PublicationPage

pytestmark = pytest.mark.django_db


def test_load_demo_brings_events_with_registrations_and_publications_once(settings, client):
    settings.DEMO_LOGINS_ENABLED = True
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    now = timezone.now()
    events = list(EventPage.objects.live())
    assert sum(event.end < now for event in events) >= 2
    assert sum(event.start > now for event in events) >= 2
    for event in events:
        registrations = EventRegistration.objects.filter(event=event)
        assert 0 < registrations.count() < event.capacity
        assert all(r.email.endswith("@example.org") for r in registrations)
        if event.end < now:
            assert registrations.filter(attended=True).exists()
        else:
            assert not registrations.filter(attended=True).exists()
    publications = list(PublicationPage.objects.live())
    assert {p.kind for p in publications} == set(PublicationKind.values)
    assert all(p.practices.exists() and p.documents.exists() for p in publications)
    counts = (EventPage.objects.count(), PublicationPage.objects.count(), EventRegistration.objects.count())

    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    assert (
        EventPage.objects.count(),
        PublicationPage.objects.count(),
        EventRegistration.objects.count(),
    ) == counts

    html = client.get("/etki/").content.decode()
    assert 'data-figure="events_held">2<' in html
    assert 'data-figure="publications">3<' in html
    for event in events:
        assert client.get(event.url).status_code == 200
    for publication in publications:
        assert client.get(publication.url).status_code == 200
