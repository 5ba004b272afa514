"""The mentor's private ICS feed: parses, contains their items only, wrong or revoked token is a 404."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest
from icalendar import Calendar

from mentorship import services
from mentorship.factories import ContactPersonFactory, FollowUpFactory, UserFactory, VisitFactory
from mentorship.models import VisitStatus

pytestmark = pytest.mark.django_db


def feed_url(token: str) -> str:
    return reverse("mentorship_calendar_feed", args=(token,))


def test_feed_parses_and_contains_the_mentors_visits_and_follow_ups(client, mentor):
    contact = ContactPersonFactory()
    visit = VisitFactory(mentors=[mentor], municipality=contact.municipality, contact=contact)
    VisitFactory(mentors=[mentor], status=VisitStatus.REQUESTED, date=None)
    other = VisitFactory(mentors=[UserFactory()])
    follow_up = FollowUpFactory(assignee=mentor, due_date=timezone.localdate() + datetime.timedelta(days=4))
    FollowUpFactory(assignee=mentor, done_at=timezone.now())
    token = services.calendar_token_regenerate(user=mentor).token

    response = client.get(feed_url(token))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    summaries = [str(event["SUMMARY"]) for event in events]
    assert len(events) == 2
    assert any(visit.municipality.name in s for s in summaries)
    assert not any(other.municipality.name in s for s in summaries)
    assert any(follow_up.action in s for s in summaries)
    visit_event = next(e for e in events if visit.municipality.name in str(e["SUMMARY"]))
    assert visit_event.decoded("DTSTART") == visit.date
    body = response.content.decode()
    for personal in (contact.name, contact.email, contact.phone):
        assert personal not in body


@pytest.mark.parametrize("token", ["wrong", "x" * 200, "a.b"])
def test_wrong_token_is_404(client, mentor, token):
    services.calendar_token_regenerate(user=mentor)
    assert client.get(feed_url(token)).status_code == 404


def test_regenerated_and_revoked_tokens_stop_working(client, mentor):
    old = services.calendar_token_regenerate(user=mentor).token
    new = services.calendar_token_regenerate(user=mentor).token
    assert old != new
    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200
    services.calendar_token_revoke(user=mentor)
    assert client.get(feed_url(new)).status_code == 404


def test_inactive_users_feed_is_404(client, mentor):
    token = services.calendar_token_regenerate(user=mentor).token
    mentor.is_active = False
    mentor.save()
    assert client.get(feed_url(token)).status_code == 404


def test_calendar_settings_page_creates_regenerates_and_revokes(client, mentor):
    client.force_login(mentor)
    url = reverse("mentorship_calendar_settings")
    assert client.post(url, {"action": "regenerate"}).status_code == 302
    first = mentor.calendar_feed_token.token
    assert first in client.get(url).content.decode()
    client.post(url, {"action": "regenerate"})
    mentor.refresh_from_db()
    assert mentor.calendar_feed_token.token != first
    client.post(url, {"action": "revoke"})
    mentor.refresh_from_db()
    assert not hasattr(mentor, "calendar_feed_token")


def test_editor_cannot_create_a_feed(client, editor):
    client.force_login(editor)
    response = client.post(reverse("mentorship_calendar_settings"), {"action": "regenerate"})
    assert response.status_code in (302, 403)
    assert not hasattr(editor, "calendar_feed_token")
