"""Reminder e-mails: each assignee's follow-ups every day (overdue, due today, and once
FOLLOW_UP_REMINDER_DAYS_BEFORE days ahead), and each mentor's stalled adoptions once a week.

A ReminderLog row is claimed under a unique constraint in the same transaction as the e-mail, so both are
safe to run as often as the scheduler likes and a failed e-mail is retried on the next run.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import ngettext

from . import selectors
from .models import Adoption, FollowUp, ReminderKind, ReminderLog


@dataclass
class ReminderDigest:
    """What one person is reminded of in one e-mail."""

    user: AbstractBaseUser
    follow_ups: list[FollowUp] = field(default_factory=list)
    stalled_adoptions: list[Adoption] = field(default_factory=list)

    @property
    def item_count(self) -> int:
        return len(self.follow_ups) + len(self.stalled_adoptions)


def follow_ups_to_remind(*, today: datetime.date, days_before: int | None = None) -> QuerySet[FollowUp]:
    """Open follow-ups due today or earlier, and those due exactly `days_before` days from today."""
    days_before = settings.FOLLOW_UP_REMINDER_DAYS_BEFORE if days_before is None else days_before
    due = Q(due_date__lte=today)
    if days_before > 0:
        due |= Q(due_date=today + datetime.timedelta(days=days_before))
    return selectors.follow_ups_open().filter(due)


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _claim(**kwargs) -> bool:
    """Record a reminder; False if this item was already reminded for that date (also under concurrency)."""
    try:
        with transaction.atomic():
            _log, created = ReminderLog.objects.get_or_create(**kwargs)
    except IntegrityError:
        return False
    return created


def _send(digest: ReminderDigest, *, subject: str, today: datetime.date) -> None:
    context = {
        "digest": digest,
        "today": today,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "stalled_after_days": selectors.STALLED_AFTER_DAYS,
    }
    send_mail(
        subject=subject,
        message=render_to_string("mentorship/admin/reminder_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[digest.user.email],
    )


# ReminderLog's item column per kind, and whether its unique constraint includes the recipient.
CLAIMS: dict[str, tuple[str, bool]] = {
    ReminderKind.FOLLOW_UP: ("follow_up", False),
    ReminderKind.STALLED_ADOPTION: ("adoption", True),
}


def _digests_send(
    by_user: dict[int, ReminderDigest],
    *,
    items: str,
    kind: ReminderKind,
    claim_date: datetime.date,
    today: datetime.date,
    dry_run: bool,
    subject: Callable[[int], str],
) -> list[ReminderDigest]:
    """The loop both reminders share: each digest's items (the ReminderDigest attribute ``items``) are
    claimed for ``claim_date`` and e-mailed in one transaction; a dry run only drops those already claimed.

    The ReminderLog column and uniqueness follow the kind: a follow-up once a day whoever it went to, a
    stalled adoption once per recipient and week (the log's unique constraints)."""
    log_field, per_recipient = CLAIMS[kind]
    sent: list[ReminderDigest] = []
    for digest in by_user.values():
        if dry_run:
            already = set(
                ReminderLog.objects.filter(
                    **{f"{log_field}__in": getattr(digest, items)},
                    **({"recipient": digest.user} if per_recipient else {}),
                    date=claim_date,
                ).values_list(f"{log_field}_id", flat=True)
            )
            setattr(digest, items, [item for item in getattr(digest, items) if item.pk not in already])
            if digest.item_count:
                sent.append(digest)
            continue
        if not digest.user.email:
            continue
        with transaction.atomic():
            claimed = [
                item
                for item in getattr(digest, items)
                if _claim(kind=kind, recipient=digest.user, date=claim_date, **{log_field: item})
            ]
            setattr(digest, items, claimed)
            if not digest.item_count:
                continue
            _send(digest, subject=subject(digest.item_count), today=today)
            sent.append(digest)
    return sent


def followup_reminders_send(
    *, today: datetime.date | None = None, dry_run: bool = False
) -> list[ReminderDigest]:
    """E-mail each assignee one message with their follow-ups to act on; each item at most once a day."""
    today = today or timezone.localdate()
    by_user: dict[int, ReminderDigest] = {}
    for follow_up in follow_ups_to_remind(today=today):
        by_user.setdefault(follow_up.assignee_id, ReminderDigest(user=follow_up.assignee)).follow_ups.append(
            follow_up
        )
    return _digests_send(
        by_user,
        items="follow_ups",
        kind=ReminderKind.FOLLOW_UP,
        claim_date=today,
        today=today,
        dry_run=dry_run,
        subject=lambda count: (
            ngettext(
                "Practice Atlas: %(count)s follow-up to act on",
                "Practice Atlas: %(count)s follow-ups to act on",
                count,
            )
            % {"count": count}
        ),
    )


def stalled_digest_send(*, today: datetime.date | None = None, dry_run: bool = False) -> list[ReminderDigest]:
    """E-mail each mentor their adoptions stalled for more than STALLED_AFTER_DAYS, once per week.

    The claim is dated the Monday of the week, so however often this runs an adoption is in at most one
    digest a week (not the same items every day); unassigned stalled adoptions stay on the dashboard panel.
    """
    today = today or timezone.localdate()
    by_user: dict[int, ReminderDigest] = {}
    for adoption in selectors.adoptions_stalled(now=timezone.now()).filter(mentor__isnull=False):
        by_user.setdefault(adoption.mentor_id, ReminderDigest(user=adoption.mentor)).stalled_adoptions.append(
            adoption
        )
    return _digests_send(
        by_user,
        items="stalled_adoptions",
        kind=ReminderKind.STALLED_ADOPTION,
        claim_date=week_start(today),
        today=today,
        dry_run=dry_run,
        subject=lambda count: (
            ngettext(
                "Practice Atlas: %(count)s stalled adoption this week",
                "Practice Atlas: %(count)s stalled adoptions this week",
                count,
            )
            % {"count": count}
        ),
    )


__all__ = [
    "ReminderDigest",
    "follow_ups_to_remind",
    "followup_reminders_send",
    "stalled_digest_send",
    "week_start",
]
