"""The impact page's evidence from trainings and publications: events held, organisations trained (however
their names were typed), publications; aggregates only."""

import datetime

from django.utils import timezone

import pytest

from mentorship.factories import EventRegistrationFactory
from practices.factories import EventPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db


def past_event(**kwargs):
    start = timezone.now() - datetime.timedelta(days=10)
    return EventPageFactory(start=start, end=start + datetime.timedelta(hours=3), **kwargs)


def figure(html: str, name: str) -> str:
    marker = f'data-figure="{name}">'
    start = html.index(marker) + len(marker)
    return html[start : html.index("<", start)]


def test_the_impact_page_counts_events_held_organisations_trained_and_publications(client):
    held = past_event()
    EventRegistrationFactory(event=held, organisation="Yenişehir Belediyesi", attended=True, name="Gizli Ad")
    EventRegistrationFactory(event=held, organisation="  YENİŞEHİR   belediyesi ", attended=True)
    EventRegistrationFactory(event=held, organisation="Toroslar Belediyesi", attended=True)
    EventRegistrationFactory(event=held, organisation="Gelmeyen Belediyesi", attended=False)
    other = past_event()
    EventRegistrationFactory(event=other, organisation="Toroslar Belediyesi", attended=True)
    upcoming = EventPageFactory()
    EventRegistrationFactory(event=upcoming, organisation="Gelecek Belediyesi", attended=True)
    PublicationPageFactory.create_batch(3)
    unpublished = PublicationPageFactory()
    unpublished.unpublish()

    html = client.get("/etki/").content.decode()
    assert figure(html, "events_held") == "2"
    assert figure(html, "municipalities_trained") == "2"
    assert figure(html, "publications") == "3"
    assert "Gizli Ad" not in html and "Yenişehir" not in html  # counts only, no names
