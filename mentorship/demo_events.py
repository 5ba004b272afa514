"""Demo registrations for the demo events (``load_demo``, through the ``demo_data_loaded`` signal, after the
mentorship demo): officials of the demo municipalities, obviously fictitious ("Örnek"/"Deneme" surnames,
e-mails at example.org); past events' people marked attended. An event with registrations is left alone."""

import datetime

from django.db import transaction
from django.utils import timezone

from portal.text import fold
from practices.demo.outreach import EVENTS
from practices.models import EventPage

from .models import EventRegistration, Municipality

FIRST_NAMES = ("Ayşe", "Mehmet", "Zeynep", "Mustafa", "Elif", "Hasan", "Fatma", "Emre", "Selin", "Ali")
SURNAMES = ("Örnek", "Deneme")
# How many of each demo event's seats are taken: past events full-ish, upcoming ones with room left.
PAST_REGISTRATIONS = 8
UPCOMING_REGISTRATIONS = 4


@transaction.atomic
def load_event_registrations(*, log) -> int:
    municipalities = list(
        Municipality.objects.filter(confirmed=True).order_by("pk").values_list("name", flat=True)
    )
    if not municipalities:
        return 0
    now = timezone.now()
    created = 0
    events = EventPage.objects.filter(slug__in=[event.slug for event in EVENTS]).order_by("start")
    for event_number, event in enumerate(events):
        if EventRegistration.objects.filter(event=event).exists():
            continue
        past = event.end < now
        wanted = min(event.capacity - 1, PAST_REGISTRATIONS if past else UPCOMING_REGISTRATIONS)
        for n in range(wanted):
            first = FIRST_NAMES[(n + event_number) % len(FIRST_NAMES)]
            surname = SURNAMES[n % len(SURNAMES)]
            registered_at = min(now, event.start - datetime.timedelta(days=10 - n % 7))
            EventRegistration.objects.create(
                event=event,
                name=f"{first} {surname}",
                organisation=municipalities[(n * 3 + event_number) % len(municipalities)],
                role="Sosyal hizmetler müdürlüğü",
                email=f"{fold(first)}.{fold(surname)}.{event.pk}.{n}@example.org",
                consent_given_at=registered_at,
                consent_text_version="1",
                language="tr",
                # Most came; one in five did not.
                attended=past and n % 5 != 4,
                created_at=registered_at,
            )
            created += 1
        log(f"  + {wanted} kayıt: {event.title}")
    return created


def on_demo_data_loaded(sender, *, log, **kwargs) -> None:
    """Receiver of practices.demo.signals.demo_data_loaded (connected in MentorshipConfig.ready)."""
    log("Mentorluk: etkinlik kayıtları…")
    load_event_registrations(log=log)
