"""An event as an iCalendar file: served at each event page's takvim.ics and attached to the confirmation
e-mail of a registration (mentorship); both carry the same UID, so a calendar updates rather than doubles."""

from django.utils import timezone

from icalendar import Calendar, Event

from portal.site_address import site_address

PRODID = "-//Practice Atlas//Events//TR"


def event_uid(*, event_id: int) -> str:
    # The public host (SITE_BASE_URL): the same UID wherever the file is fetched from, unique to this portal.
    return f"event-{event_id}@{site_address().hostname}"


def event_calendar(*, event, url: str = "", with_online_link: bool = False) -> bytes:
    """One VEVENT with the event's title, times (UTC), place and summary. The online link only goes to the
    people registered (their confirmation), so the public file says "Online" instead."""
    online = event.online_url if with_online_link else ("Online" if event.online_url else "")
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
    entry.add("description", "\n".join(filter(None, [event.summary, online, url])))
    location = event.place or online
    if location:
        entry.add("location", location)
    if url:
        entry.add("url", url)
    entry.add("status", "CONFIRMED")
    calendar.add_component(entry)
    return calendar.to_ical()
