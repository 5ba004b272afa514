"""Registering for an event (practices.EventPage): its state (open, full, closed, past), the one service
that records a registration without ever going past the capacity, and the e-mails it sends (a confirmation
with the calendar file, and a reminder the day before, through the task worker)."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from django_tasks import task

from portal.cache import bump_public_cache_version
from portal.site_address import site_base_url
from practices.events import event_calendar
from practices.models import EventPage

from ..models import EventRegistration
from .services import _office, _one_line, enqueue_logged

logger = logging.getLogger(__name__)


class RegistrationState:
    OPEN = "open"
    FULL = "full"
    CLOSED = "closed"
    PAST = "past"


@dataclass(frozen=True)
class EventAvailability:
    state: str
    registered: int
    capacity: int

    @property
    def seats_left(self) -> int:
        return max(0, self.capacity - self.registered)

    @property
    def is_open(self) -> bool:
        return self.state == RegistrationState.OPEN


@dataclass(frozen=True)
class RegistrationRequest:
    """What a visitor sent with the public form (already validated)."""

    event_id: int
    name: str
    organisation: str
    email: str
    consent_text_version: str
    role: str = ""
    phone: str = ""
    language: str = ""


class RegistrationRefused(Exception):
    """The event cannot take this registration; `state` says why (full, closed, past or duplicate)."""

    DUPLICATE = "duplicate"

    def __init__(self, state: str):
        super().__init__(state)
        self.state = state


def registrations_counted(*, event_id: int) -> QuerySet[EventRegistration]:
    """The registrations that take a seat (erased ones still do: the person registered)."""
    return EventRegistration.objects.filter(event_id=event_id)


def _state(event: EventPage, *, registered: int, now: datetime.datetime) -> str:
    if event.start <= now:
        return RegistrationState.PAST
    if not event.registration_open or not event.live:
        return RegistrationState.CLOSED
    if registered >= event.capacity:
        return RegistrationState.FULL
    return RegistrationState.OPEN


def event_availability(*, event: EventPage, now: datetime.datetime | None = None) -> EventAvailability:
    """One query: how many registered, and so whether a visitor may register now."""
    now = now or timezone.now()
    registered = registrations_counted(event_id=event.pk).count()
    return EventAvailability(
        state=_state(event, registered=registered, now=now), registered=registered, capacity=event.capacity
    )


def event_registration_submit(
    *, request: RegistrationRequest, now: datetime.datetime | None = None
) -> EventRegistration:
    """Record a registration, or raise RegistrationRefused. The event's row is locked first, so two people
    taking the last seat at once are served one after the other: one registers, the other is told it is
    full (on SQLite the immediate transaction serialises them the same way)."""
    now = now or timezone.now()
    with transaction.atomic():
        event = EventPage.objects.select_for_update().filter(pk=request.event_id).first()
        if event is None:
            raise RegistrationRefused(RegistrationState.CLOSED)
        registered = registrations_counted(event_id=event.pk).count()
        state = _state(event, registered=registered, now=now)
        if state != RegistrationState.OPEN:
            raise RegistrationRefused(state)
        try:
            with transaction.atomic():
                registration = EventRegistration.objects.create(
                    event=event,
                    name=request.name.strip(),
                    organisation=request.organisation.strip(),
                    role=request.role.strip(),
                    email=request.email.strip(),
                    phone=request.phone.strip(),
                    consent_given_at=now,
                    consent_text_version=request.consent_text_version,
                    language=request.language or settings.LANGUAGE_CODE,
                    created_at=now,
                )
        except IntegrityError:
            raise RegistrationRefused(RegistrationRefused.DUPLICATE) from None
        transaction.on_commit(lambda: enqueue_logged(confirm_registration.enqueue, registration.pk))
        # The page shows the seats left (and the form only while there are some).
        transaction.on_commit(bump_public_cache_version)
    return registration


def _event_url(event: EventPage) -> str:
    return site_base_url().rstrip("/") + event.url if event.url else site_base_url()


def _send_about_event(registration: EventRegistration, *, template: str, subject: str) -> None:
    event = registration.event.specific
    office, office_email = _office()
    context = {
        "registration": registration,
        "event": event,
        "event_url": _event_url(event),
        "office_name": office.office_name,
        "office_email": office_email,
    }
    message = EmailMessage(
        subject=subject % {"event": _one_line(event.title)},
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        reply_to=[office_email] if office_email else None,
    )
    message.attach(
        f"{event.slug}.ics",
        event_calendar(event=event, url=context["event_url"], with_online_link=True),
        "text/calendar",
    )
    message.send()


def _registration(registration_id: int) -> EventRegistration | None:
    registration = EventRegistration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.is_anonymised or not registration.email:
        return None
    return registration


@task()
def confirm_registration(registration_id: int) -> bool:
    """The registered person's confirmation, in the language they used, with the event's calendar file."""
    registration = _registration(registration_id)
    if registration is None:
        return False
    try:
        with translation.override(registration.language or settings.LANGUAGE_CODE):
            _send_about_event(
                registration,
                template="mentorship/public/event_registration_email.txt",
                subject=_("Your registration: %(event)s"),
            )
    except Exception:
        # The address is personal data: the log names the registration, which is in the admin.
        logger.exception("Could not confirm event registration %s", registration_id)
        return False
    return True


def registrations_to_remind(*, today: datetime.date) -> QuerySet[EventRegistration]:
    """Not yet reminded, not erased, for a live event that starts tomorrow (Istanbul time)."""
    tomorrow = today + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    return EventRegistration.objects.filter(
        reminder_sent_at__isnull=True,
        anonymised_at__isnull=True,
        event__live=True,
        event__start__gte=start,
        event__start__lt=start + datetime.timedelta(days=1),
    ).select_related("event")


def event_reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail everyone registered for tomorrow's events, each once: the row is claimed before the e-mail and
    released if it fails, so a second run (or a retry) sends only what is missing."""
    today = today or timezone.localdate()
    sent = 0
    for registration in registrations_to_remind(today=today):
        claimed = EventRegistration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=timezone.now()
        )
        if not claimed:
            continue  # another run took it
        try:
            with translation.override(registration.language or settings.LANGUAGE_CODE):
                _send_about_event(
                    registration,
                    template="mentorship/public/event_reminder_email.txt",
                    subject=_("Tomorrow: %(event)s"),
                )
        except Exception:
            EventRegistration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
            logger.exception("Could not send the reminder of event registration %s", registration.pk)
            continue
        sent += 1
    return sent
