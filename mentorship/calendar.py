"""The mentor's private ICS feed: dated visits and open follow-up due dates, municipality names only."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from icalendar import Calendar, Event

from portal.site_address import site_address

from . import selectors

PRODID = "-//Practice Atlas//Mentorship//TR"


def _uid(kind: str, pk: int) -> str:
    # The public host (SITE_BASE_URL): the same UID wherever the feed is fetched from, unique to this portal.
    return f"{kind}-{pk}@{site_address().hostname}"


def calendar_for_user(*, user: AbstractBaseUser) -> bytes:
    """Build the feed. No contact names, e-mails or phones: only municipality names, formats and actions."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Practice Atlas")
    stamp = timezone.now()

    for visit in selectors.visits_for_calendar(user=user):
        event = Event()
        event.add("uid", _uid("visit", visit.pk))
        event.add("dtstamp", stamp)
        event.add("dtstart", visit.date)
        event.add("dtend", visit.date + datetime.timedelta(days=1))
        event.add("summary", f"{visit.get_format_display()}: {visit.municipality}")
        event.add("status", "CONFIRMED")
        calendar.add_component(event)

    for follow_up in selectors.follow_ups_for_calendar(user=user):
        event = Event()
        event.add("uid", _uid("follow-up", follow_up.pk))
        event.add("dtstamp", stamp)
        event.add("dtstart", follow_up.due_date)
        event.add("dtend", follow_up.due_date + datetime.timedelta(days=1))
        event.add("summary", f"{follow_up.action} ({follow_up.municipality.name})")
        calendar.add_component(event)

    return calendar.to_ical()
