"""The mentor's private ICS feed: dated visits and open follow-up due dates, municipality names only."""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from icalendar import Calendar, Event

from . import selectors

PRODID = "-//Practice Atlas//Mentorship//TR"


def _uid(kind: str, pk: int) -> str:
    host = settings.WAGTAILADMIN_BASE_URL.split("://")[-1].split("/")[0] or "practice-atlas"
    return f"{kind}-{pk}@{host}"


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
