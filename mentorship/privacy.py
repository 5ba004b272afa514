"""KVKK operations on the people the office holds data about: erasure with an audit entry, the right of
access (everything held about a person, as one file) and retention exactly as the privacy notice states it.

One setting, CONTACT_RETENTION_DAYS, feeds both the notice (`retention_policy()`, shown on /kisisel-veriler/)
and the retention job (`contacts_due_for_erasure`, run daily by the task scheduler).
"""

import datetime
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from . import services
from .models import (
    FINAL_STAGES,
    Adoption,
    ContactPerson,
    FollowUp,
    Visit,
    VisitStatus,
)

# Audit log actions (registered with Wagtail in privacy_admin.py); their entries hold no personal data.
ERASE_ACTION = "mentorship.erase"
ACCESS_EXPORT_ACTION = "mentorship.access_export"
RETENTION_ACTION = "mentorship.retention_erase"


@dataclass(frozen=True)
class RetentionPolicy:
    """How long a contact's data is kept after their visit-and-monitoring process ends."""

    days: int


def retention_policy() -> RetentionPolicy:
    return RetentionPolicy(days=settings.CONTACT_RETENTION_DAYS)


# ---- retention -------------------------------------------------------------------------------------------


def _end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def _visit_end(visit: Visit) -> datetime.datetime | None:
    """When this visit's part of the process ended; None while it is still going on."""
    if visit.status == VisitStatus.SCHEDULED:
        return None  # planned, or held but not yet marked completed
    # scheduled_at is left out: it is always before the visit is held, and back-dated records (imports, the
    # demo) get the moment they were loaded.
    moments = [visit.created_at, visit.completed_at]
    if visit.date and visit.status != VisitStatus.REQUESTED:
        moments.append(_end_of_day(visit.date))
    for follow_up in visit.follow_ups.all():
        if follow_up.done_at is None:
            return None  # monitoring still open
        moments.append(follow_up.done_at)
    return max(moment for moment in moments if moment is not None)


def _adoption_end(adoption: Adoption) -> datetime.datetime | None:
    if adoption.stage not in FINAL_STAGES:
        return None  # the municipality is still being accompanied
    moments = [adoption.stage_changed_at]
    for follow_up in adoption.follow_ups.all():
        if follow_up.done_at is None:
            return None
        moments.append(follow_up.done_at)
    return max(moments)


def contact_process_ended_at(contact: ContactPerson) -> datetime.datetime | None:
    """When the person's "visit and monitoring process" (the notice's words) ended; None while it goes on.

    The process is every visit the person is the contact of (a request, a visit, the follow-ups promised at
    it) and the monitoring of what their municipality does with the practices discussed: its adoptions of
    them, until each is adopted, scaled or dropped and its follow-ups are done. A contact entered by a mentor
    without a visit is followed through all the municipality's adoptions. Archived adoptions do not count.
    """
    moments = [contact.created_at]
    visits = list(contact.visits.all())
    practice_ids = set()
    for visit in visits:
        end = _visit_end(visit)
        if end is None:
            return None
        moments.append(end)
        practice_ids.update(link.practice_id for link in visit.practice_links.all())
    for adoption in contact.municipality.adoptions.all():
        if visits and adoption.practice_id not in practice_ids:
            continue
        end = _adoption_end(adoption)
        if end is None:
            return None
        moments.append(end)
    return max(moments)


def contact_kept_until(contact: ContactPerson, *, days: int | None = None) -> datetime.datetime | None:
    """The moment the person's data is due for erasure; None while their process goes on."""
    ended = contact_process_ended_at(contact)
    if ended is None:
        return None
    return ended + datetime.timedelta(days=retention_policy().days if days is None else days)


def contacts_with_process() -> QuerySet[ContactPerson]:
    """Contacts with everything contact_process_ended_at reads, in a fixed number of queries."""
    return ContactPerson.objects.select_related("municipality").prefetch_related(
        Prefetch(
            "visits",
            queryset=Visit.objects.prefetch_related(
                "practice_links", Prefetch("follow_ups", queryset=FollowUp.objects.order_by())
            ),
        ),
        Prefetch(
            "municipality__adoptions",
            queryset=Adoption.objects.prefetch_related(
                Prefetch("follow_ups", queryset=FollowUp.objects.order_by())
            ),
        ),
    )


def contacts_due_for_erasure(*, now: datetime.datetime | None = None) -> list[ContactPerson]:
    """Contacts not yet anonymised whose process ended more than CONTACT_RETENTION_DAYS ago (any source)."""
    now = now or timezone.now()
    days = retention_policy().days
    cutoff = now - datetime.timedelta(days=days)
    # Nobody created after the cutoff can be due; the rest are checked one by one (prefetched).
    candidates = (
        contacts_with_process().filter(anonymised_at__isnull=True, created_at__lt=cutoff).order_by("pk")
    )
    due = []
    for contact in candidates:
        until = contact_kept_until(contact, days=days)
        if until is not None and until <= now:
            due.append(contact)
    return due


def contacts_erase_expired(*, now: datetime.datetime | None = None, dry_run: bool = False) -> int:
    """The retention job: anonymise every contact due for erasure; returns how many (safe to repeat)."""
    now = now or timezone.now()
    due = contacts_due_for_erasure(now=now)
    if dry_run:
        return len(due)
    count = 0
    for contact in due:
        count += contact_erase(contact=contact, user=None, now=now, action=RETENTION_ACTION)
    return count


ANONYMISED_REGISTRATION_NAME = "Anonimleştirilmiş katılımcı #%(id)s"


def event_registrations_erase_expired(*, now: datetime.datetime | None = None, dry_run: bool = False) -> int:
    """Retention for event registrations: the person's details go CONTACT_RETENTION_DAYS after the event
    ended; the organisation and the attended tick stay (the impact page counts municipalities trained)."""
    from .models import EventRegistration

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=retention_policy().days)
    due = EventRegistration.objects.filter(anonymised_at__isnull=True, event__end__lt=cutoff)
    if dry_run:
        return due.count()
    count = 0
    for registration in due.only("pk"):
        # One row at a time, so the audit log (like contact erasure) names each; no personal data in it.
        with transaction.atomic():
            erased = EventRegistration.objects.filter(pk=registration.pk, anonymised_at__isnull=True).update(
                name=ANONYMISED_REGISTRATION_NAME % {"id": registration.pk},
                role="",
                email="",
                phone="",
                anonymised_at=now,
            )
            if erased:
                # Read again: the entry's label is the row's text, which must be the anonymised one.
                log(
                    instance=EventRegistration.objects.get(pk=registration.pk),
                    action=RETENTION_ACTION,
                    user=None,
                )
        count += erased
    return count


# ---- erasure ---------------------------------------------------------------------------------------------


def contact_erase(
    *,
    contact: ContactPerson,
    user: AbstractBaseUser | None,
    now: datetime.datetime | None = None,
    action: str = ERASE_ACTION,
) -> bool:
    """Anonymise a person (name, role, e-mail, phone, their request message, their name in the admin's
    history) and write an audit entry saying who erased them and when; False if already anonymised.

    Visits, adoptions, their history and the statistics stay: only the person goes.
    """
    with transaction.atomic():
        erased = services.contact_anonymise(contact=contact, now=now)
        if erased:
            log(instance=contact, action=action, user=user)
    return erased


# ---- right of access -------------------------------------------------------------------------------------


def _stamp(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def contact_data(*, contact: ContactPerson, now: datetime.datetime | None = None) -> dict:
    """Everything the portal holds about one person (KVKK article 11), as plain JSON-ready data.

    Times are Europe/Istanbul with their offset. Mentors' own users are named by username only.
    """
    now = now or timezone.now()
    contact = contacts_with_process().get(pk=contact.pk)
    visits = (
        Visit.objects.filter(contact=contact)
        .select_related("municipality")
        .prefetch_related("practices", "mentors", "follow_ups__assignee")
        .order_by("created_at", "pk")
    )
    until = contact_kept_until(contact)
    log_entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ContactPerson), object_id=str(contact.pk)
    ).order_by("timestamp", "pk")
    return {
        "generated_at": _stamp(now),
        "controller": settings.WAGTAIL_SITE_NAME,
        "person": {
            "id": contact.pk,
            "name": contact.name,
            "role": contact.role,
            "email": contact.email,
            "phone": contact.phone,
            "municipality": str(contact.municipality),
            "source": contact.get_source_display(),
            "consent_given_at": _stamp(contact.consent_given_at),
            "consent_text_version": contact.consent_text_version,
            "created_at": _stamp(contact.created_at),
            "anonymised_at": _stamp(contact.anonymised_at),
        },
        "retention": {
            "days_after_the_process_ends": retention_policy().days,
            "process_ended_at": _stamp(contact_process_ended_at(contact)),
            "kept_until": _stamp(until),
        },
        "visits": [
            {
                "id": visit.pk,
                "municipality": str(visit.municipality),
                "status": visit.get_status_display(),
                "date": visit.date.isoformat() if visit.date else None,
                "preferred_dates": visit.preferred_dates,
                "format": visit.get_format_display(),
                "purpose": visit.get_purpose_display(),
                "delegation_size": visit.delegation_size,
                "participants": visit.participants,
                "message": visit.request_message,
                "decline_reason": getattr(visit, "decline_reason", ""),
                "notes": visit.notes,
                "practices": [practice.title for practice in visit.practices.all()],
                "mentors": [mentor.get_username() for mentor in visit.mentors.all()],
                "follow_ups": [
                    {
                        "action": follow_up.action,
                        "due_date": follow_up.due_date.isoformat(),
                        "done_at": _stamp(follow_up.done_at),
                    }
                    for follow_up in visit.follow_ups.all()
                ],
                "created_at": _stamp(visit.created_at),
                "scheduled_at": _stamp(visit.scheduled_at),
                "completed_at": _stamp(visit.completed_at),
            }
            for visit in visits
        ],
        "history": [
            {
                "action": entry.action,
                "at": _stamp(entry.timestamp),
                "by": entry.user_id and entry.user.get_username(),
            }
            for entry in log_entries.select_related("user")
        ],
    }


def contact_data_export(
    *, contact: ContactPerson, user: AbstractBaseUser | None, now: datetime.datetime | None = None
) -> bytes:
    """The right-of-access file (UTF-8 JSON), with an audit entry saying who downloaded it."""
    data = contact_data(contact=contact, now=now)
    log(instance=contact, action=ACCESS_EXPORT_ACTION, user=user)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")


__all__ = [
    "ACCESS_EXPORT_ACTION",
    "ERASE_ACTION",
    "RETENTION_ACTION",
    "RetentionPolicy",
    "contact_data",
    "contact_data_export",
    "contact_erase",
    "contact_kept_until",
    "contact_process_ended_at",
    "contacts_due_for_erasure",
    "contacts_erase_expired",
    "retention_policy",
]
