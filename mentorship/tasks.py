"""Mentorship's periodic tasks, enqueued by the scheduler (portal/background.py) and run by the worker:
follow-up reminders every morning, event reminders the day before, the weekly digest of stalled adoptions, and
KVKK retention every night.
Each is safe to run twice in a period; the commands of the same names do the same by hand."""

import datetime

from django_tasks import task

from portal.background import periodic, retried

from . import privacy, reminders
from .public import registration


@periodic(every=datetime.timedelta(days=1), at=datetime.time(8, 0))
@task()
@retried()
def send_follow_up_reminders() -> int:
    """Each assignee's overdue, due and coming-up follow-ups (FOLLOW_UP_REMINDER_DAYS_BEFORE); the number of
    e-mails sent. A failed e-mail claims nothing, so the retry sends it."""
    return len(reminders.followup_reminders_send())


@periodic(every=datetime.timedelta(days=7), at=datetime.time(8, 30), weekday=0)
@task()
@retried()
def send_stalled_adoptions_digest() -> int:
    """Monday morning: each mentor's adoptions stalled for more than 90 days, each at most once a week."""
    return len(reminders.stalled_digest_send())


@periodic(every=datetime.timedelta(days=1), at=datetime.time(3, 0))
@task()
@retried()
def erase_expired_contacts() -> int:
    """KVKK retention: anonymise everyone whose process ended more than CONTACT_RETENTION_DAYS ago."""
    return privacy.contacts_erase_expired()


@periodic(every=datetime.timedelta(days=1), at=datetime.time(9, 0))
@task()
@retried()
def send_event_reminders() -> int:
    """The day before an event, each registered person's reminder with the calendar file; each at most once
    (a failed e-mail is released and sent by the next run)."""
    return registration.event_reminders_send()


@periodic(every=datetime.timedelta(days=1), at=datetime.time(3, 15))
@task()
@retried()
def erase_expired_event_registrations() -> int:
    """KVKK retention: registrations of events that ended more than CONTACT_RETENTION_DAYS ago."""
    return privacy.event_registrations_erase_expired()
