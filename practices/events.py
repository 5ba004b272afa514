"""An event as an iCalendar file: served at each event page's takvim.ics and attached to the confirmation
e-mail of a registration (mentorship); both carry the same UID, so a calendar updates rather than doubles."""

from django.utils import timezone

from icalendar import Calendar, Event

from portal.site_address import site_address

PRODID = "-//Practice Atlas//Events//TR"


def event_uid(*, event_id: int) -> str:
    # The public host (SITE_BASE_URL): the same UID wherever the file is fetched from, unique to this portal.
    return f"event-{event_id}@{site_address().hostname}"


def event_calendar(*, event, url: str = "") -> bytes:
    """One VEVENT with the event's title, times (UTC), place or online link and summary."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = Event()
    entry.add("uid", event_uid(event_id=event.pk))
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.start)
    entry.add("dtend", event.end)
    entry.add("summary", event.title)
    entry.add("description", " ".join(filter(None, [event.summary, event.online_url, url])))
    location = event.place or event.online_url
    if location:
        entry.add("location", location)
    if url:
        entry.add("url", url)
    entry.add("status", "CONFIRMED")
    calendar.add_component(entry)
    return calendar.to_ical()
