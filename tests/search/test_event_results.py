"""Upcoming trainings and events in the site search (/ara/ and /en/ara/), in their own section: found by a
word of the title, with date and place; past and unpublished events left out; no query per result."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from practices.event_search import events_matching
from practices.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def soon(days: int) -> datetime.datetime:
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)


def test_an_upcoming_event_is_found_by_a_word_of_its_title_with_date_and_place(client):
    event = EventPageFactory(
        title="Sosyal market kurulum eğitimi", place="Mersin Kongre Merkezi", start=soon(10)
    )
    EventPageFactory(title="Engelsiz ulaşım atölyesi")
    html = client.get("/ara/", {"q": "kurulum"}).content.decode()
    assert 'id="events-heading"' in html
    assert f'href="{event.url}"' in html
    assert "Mersin Kongre Merkezi" in html
    assert f'datetime="{timezone.localtime(event.start).isoformat()}"' in html
    assert "Engelsiz ulaşım" not in html


def test_the_english_search_address_shows_events_too(client):
    event = EventPageFactory(title="Sosyal market kurulum eğitimi")
    html = client.get("/en/ara/", {"q": "kurulum"}).content.decode()
    assert 'id="events-heading"' in html and f'href="{event.url}"' in html
    assert "Upcoming trainings and events" in html


def test_an_online_event_says_online(client):
    EventPageFactory(title="Çevrim içi kurulum semineri", place="", online_url="https://meet.example.org/x")
    assert "Online" in client.get("/en/ara/", {"q": "kurulum"}).content.decode()


def test_past_and_unpublished_events_are_not_shown(client):
    past = EventPageFactory(title="Geçen yılki kurulum eğitimi", start=soon(-30))
    hidden = EventPageFactory(title="Geri çekilen kurulum eğitimi")
    hidden.unpublish()
    html = client.get("/ara/", {"q": "kurulum"}).content.decode()
    assert past.title not in html and hidden.title not in html
    assert 'id="events-heading"' not in html


def test_an_event_under_way_is_still_shown():
    event = EventPageFactory(title="Süren kurulum eğitimi", start=soon(0) - datetime.timedelta(hours=1))
    assert events_matching(text="kurulum", now=timezone.now()) == [event]


def test_no_text_no_events_and_no_query(django_assert_num_queries):
    EventPageFactory(title="Kurulum eğitimi")
    with django_assert_num_queries(0):
        assert events_matching(text="  ", now=timezone.now()) == []


def test_the_events_section_costs_the_same_for_one_or_five_events(client):
    EventPageFactory(title="Kurulum eğitimi 0")
    client.get("/ara/", {"q": "kurulum"})  # warm the site and settings caches
    with CaptureQueriesContext(connection) as one:
        client.get("/ara/", {"q": "kurulum"})
    for index in range(1, 5):
        EventPageFactory(title=f"Kurulum eğitimi {index}")
    with CaptureQueriesContext(connection) as five:
        html = client.get("/ara/", {"q": "kurulum"}).content.decode()
    assert html.count('class="search-event"') == 5
    assert len(five) == len(one)


def test_the_search_finds_events_in_three_queries(django_assert_num_queries):
    EventPageFactory(title="Kurulum eğitimi")
    with django_assert_num_queries(3):  # the view restrictions, the search (upcoming ids a subquery), locales
        assert len(events_matching(text="kurulum", now=timezone.now())) == 1
