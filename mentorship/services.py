"""State changes with rules: adoption stage changes, visit completion, anonymisation, reminders, feed tokens.

Views, admin actions, commands and tests call these functions; each one is a single transaction.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import ModelLogEntry, ReferenceIndex

from practices.models import PracticeMetric, PracticePage
from practices.services import practice_adoption_count_set

from .models import (
    ADOPTED_STAGES,
    STAGE_ORDER,
    Adoption,
    AdoptionEvent,
    AdoptionMetric,
    AdoptionStage,
    CalendarFeedToken,
    ContactPerson,
    FollowUp,
    Municipality,
    Visit,
    VisitStatus,
    new_calendar_token,
)

# Reminders live in reminders.py; these names stay importable from here for existing callers.
from .reminders import ReminderDigest, followup_reminders_send


def _is_backwards(from_stage: str, to_stage: str) -> bool:
    if from_stage == AdoptionStage.DROPPED or to_stage == AdoptionStage.DROPPED:
        return False
    return STAGE_ORDER[to_stage] < STAGE_ORDER[from_stage]


def practice_adoption_count_refresh(*, practice_id: int) -> None:
    """Store the number of municipalities that adopted (or scaled) the practice, in one UPDATE.

    It goes through practices' service, which tells the search indexes, so "most adopted" stays current.
    """
    adopted = (
        Adoption.objects.filter(practice_id=OuterRef("pk"), stage__in=ADOPTED_STAGES)
        .order_by()
        .values("practice_id")
        .annotate(n=Count("municipality_id", distinct=True))
        .values("n")
    )
    practice_adoption_count_set(
        practice_id=practice_id,
        count=Coalesce(Subquery(adopted, output_field=IntegerField()), Value(0)),
    )


@transaction.atomic
def adoption_change_stage(
    *,
    adoption: Adoption,
    to_stage: str,
    user: User | None,
    note: str = "",
    evidence_url: str = "",
    evidence_document=None,
    at: datetime.datetime | None = None,
) -> AdoptionEvent:
    """Move an adoption to another stage and append the event, under a row lock.

    Going backwards or re-opening a dropped adoption needs a note; a move to the current stage is refused.
    `at` back-dates the change (imports and demo data); by default it is now.
    """
    if to_stage not in AdoptionStage.values:
        raise ValidationError({"to_stage": _("Unknown stage: %(stage)s.") % {"stage": to_stage}})
    # Lock the row so two mentors changing the same adoption are serialised and both events are kept.
    locked = Adoption.objects.select_for_update().get(pk=adoption.pk)
    from_stage = locked.stage
    note = (note or "").strip()
    if to_stage == from_stage:
        raise ValidationError(
            {
                "to_stage": _("The adoption is already at the stage “%(stage)s”.")
                % {"stage": locked.get_stage_display()}
            }
        )
    if from_stage == AdoptionStage.DROPPED and not note:
        raise ValidationError({"note": _("Re-opening a dropped adoption needs a note saying why.")})
    if _is_backwards(from_stage, to_stage) and not note:
        raise ValidationError(
            {"note": _("Moving an adoption back to an earlier stage needs a note saying why.")}
        )

    now = at or timezone.now()
    locked.stage = to_stage
    locked.stage_changed_at = now
    locked.save(update_fields=["stage", "stage_changed_at"])
    event = AdoptionEvent.objects.create(
        adoption=locked,
        from_stage=from_stage,
        to_stage=to_stage,
        created_at=now,
        user=user,
        note=note,
        evidence_url=evidence_url or "",
        evidence_document=evidence_document,
    )
    if (from_stage in ADOPTED_STAGES) != (to_stage in ADOPTED_STAGES):
        practice_adoption_count_refresh(practice_id=locked.practice_id)
    # Keep the caller's instance current.
    adoption.stage = locked.stage
    adoption.stage_changed_at = locked.stage_changed_at
    return event


@transaction.atomic
def adoption_get_or_create(
    *,
    municipality: Municipality,
    practice: PracticePage,
    user: User | None = None,
    stage: str = AdoptionStage.INTERESTED,
    at: datetime.datetime | None = None,
) -> tuple[Adoption, bool]:
    """The adoption of (municipality, practice); a new one starts at `stage` with a first history event."""
    try:
        with transaction.atomic():
            adoption, created = Adoption.objects.get_or_create(
                municipality=municipality,
                practice=practice,
                defaults={"stage": stage, "mentor": user, "stage_changed_at": at or timezone.now()},
            )
    except IntegrityError:
        # Someone else created it between our read and our insert.
        return Adoption.objects.get(municipality=municipality, practice=practice), False
    if created:
        AdoptionEvent.objects.create(
            adoption=adoption, from_stage="", to_stage=stage, created_at=adoption.stage_changed_at, user=user
        )
        if stage in ADOPTED_STAGES:
            practice_adoption_count_refresh(practice_id=practice.pk)
    return adoption, created


@transaction.atomic
def adoption_create(*, adoption: Adoption, user: User | None) -> Adoption:
    """Save a new adoption built by a form (any stage it carries) and record its first history event."""
    adoption.save()
    AdoptionEvent.objects.create(
        adoption=adoption,
        from_stage="",
        to_stage=adoption.stage,
        created_at=adoption.stage_changed_at,
        user=user,
    )
    if adoption.stage in ADOPTED_STAGES:
        practice_adoption_count_refresh(practice_id=adoption.practice_id)
    return adoption


@transaction.atomic
def adoption_archive(*, adoption: Adoption, now: datetime.datetime | None = None) -> bool:
    """Hide an adoption from lists, choosers and figures; its events, follow-ups and metrics stay.

    Returns False if it was already archived (the call is idempotent). A new adoption of the same practice by
    the same municipality may be started afterwards; the archived one keeps its own history.
    """
    locked = Adoption.all_objects.select_for_update().get(pk=adoption.pk)
    if locked.archived_at is not None:
        adoption.archived_at = locked.archived_at
        return False
    locked.archived_at = now or timezone.now()
    locked.save(update_fields=["archived_at"])
    adoption.archived_at = locked.archived_at
    if locked.stage in ADOPTED_STAGES:
        practice_adoption_count_refresh(practice_id=locked.practice_id)
    return True


@transaction.atomic
def adoption_delete(*, adoption: Adoption) -> bool:
    """Remove an adoption from the records: archived if it has history (True), deleted if not (False).

    The history is append-only (events protect their adoption), so only a row without events can go.
    """
    if AdoptionEvent.objects.filter(adoption_id=adoption.pk).exists():
        adoption_archive(adoption=adoption)
        return True
    practice_id = adoption.practice_id
    adoption.delete()
    practice_adoption_count_refresh(practice_id=practice_id)
    return False


@transaction.atomic
def visit_complete(*, visit: Visit, user: User | None) -> Visit:
    """Mark a visit held; move the municipality's adoptions of the practices discussed to at least "visited".

    Adoptions already past "visited" are left alone; dropped ones are not re-opened (that needs a note).
    """
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    if locked.status == VisitStatus.CANCELLED:
        raise ValidationError(_("A cancelled visit cannot be completed."))
    if locked.date is None:
        raise ValidationError({"date": _("Set the date of the visit before completing it.")})
    if locked.date > timezone.localdate():
        raise ValidationError(
            {
                "date": _("The visit is dated %(date)s: it can be completed from that day on.")
                % {"date": locked.date.isoformat()}
            }
        )
    if locked.status != VisitStatus.COMPLETED:
        locked.status = VisitStatus.COMPLETED
        locked.completed_at = timezone.now()
        locked.save(update_fields=["status", "completed_at", "scheduled_at"])
    for practice in locked.practices.all():
        adoption, created = adoption_get_or_create(
            municipality=locked.municipality, practice=practice, user=user, stage=AdoptionStage.VISITED
        )
        if created:
            continue
        adoption = Adoption.objects.select_for_update().get(pk=adoption.pk)
        if adoption.stage == AdoptionStage.INTERESTED:
            adoption_change_stage(
                adoption=adoption,
                to_stage=AdoptionStage.VISITED,
                user=user,
                note=_("Visit on %(date)s completed.") % {"date": locked.date.isoformat()},
            )
    visit.status = locked.status
    visit.completed_at = locked.completed_at
    return locked


ANONYMISED_NAME = "Anonimleştirilmiş kişi #%(id)s"


@transaction.atomic
def contact_anonymise(*, contact: ContactPerson, now: datetime.datetime | None = None) -> bool:
    """Erase a person's name, role, e-mail and phone; keep the row so visits and statistics stay intact.

    Returns False if the contact was already anonymised (the call is idempotent).
    """
    locked = ContactPerson.objects.select_for_update().get(pk=contact.pk)
    if locked.anonymised_at is not None:
        return False
    locked.name = ANONYMISED_NAME % {"id": locked.pk}
    locked.role = ""
    locked.email = ""
    locked.phone = ""
    locked.anonymised_at = now or timezone.now()
    locked.save(update_fields=["name", "role", "email", "phone", "anonymised_at"])
    # The request message may quote the person; it is erased with them.
    Visit.objects.filter(contact=locked).exclude(request_message="").update(request_message="")
    # Wagtail's admin history stores the object's name as the log label; it must not outlive the erasure.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ContactPerson), object_id=str(locked.pk)
    ).update(label=locked.name)
    for attr in ("name", "role", "email", "phone", "anonymised_at"):
        setattr(contact, attr, getattr(locked, attr))
    return True


@transaction.atomic
def calendar_token_regenerate(*, user: User) -> CalendarFeedToken:
    """Give the user a new feed secret; the old URL stops working at once."""
    token, created = CalendarFeedToken.objects.get_or_create(user=user)
    if not created:
        token.token = new_calendar_token()
        token.created_at = timezone.now()
        token.save(update_fields=["token", "created_at"])
    return token


@transaction.atomic
def calendar_token_revoke(*, user: User) -> bool:
    deleted, _details = CalendarFeedToken.objects.filter(user=user).delete()
    return bool(deleted)


# ---- triage of public requests ---------------------------------------------------------------------------


def _tell_requester(visit: Visit) -> None:
    """After the commit, e-mail the requester the office's decision (the task logs its own failures)."""
    from .public.services import enqueue_logged, notify_requester_of_decision

    visit_id = visit.pk
    transaction.on_commit(lambda: enqueue_logged(notify_requester_of_decision.enqueue, visit_id))


def _locked_request(visit: Visit) -> Visit:
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    if locked.status != VisitStatus.REQUESTED:
        raise ValidationError(
            _("This request was already answered (it is “%(status)s”).")
            % {"status": locked.get_status_display()}
        )
    return locked


@transaction.atomic
def visit_request_schedule(
    *,
    visit: Visit,
    date: datetime.date,
    mentors: Sequence[User],
    today: datetime.date | None = None,
) -> Visit:
    """Give a new public request a date and mentors; the requester is e-mailed the date after the commit."""
    today = today or timezone.localdate()
    locked = _locked_request(visit)
    if date < today:
        raise ValidationError({"date": _("Choose a date from today on.")})
    if not mentors:
        raise ValidationError({"mentors": _("Choose at least one mentor for the visit.")})
    locked.status = VisitStatus.SCHEDULED
    locked.date = date
    locked.save(update_fields=["status", "date", "scheduled_at"])
    locked.mentors.set(mentors)
    _tell_requester(locked)
    visit.status, visit.date, visit.scheduled_at = locked.status, locked.date, locked.scheduled_at
    return locked


@transaction.atomic
def visit_request_decline(*, visit: Visit, reason: str) -> Visit:
    """Turn a new public request down with a reason; the requester is e-mailed the reason after the commit."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the request is declined; the requester is told.")})
    locked = _locked_request(visit)
    locked.status = VisitStatus.DECLINED
    locked.decline_reason = reason
    locked.save(update_fields=["status", "decline_reason"])
    _tell_requester(locked)
    visit.status, visit.decline_reason = locked.status, locked.decline_reason
    return locked


@transaction.atomic
def municipality_confirm(*, municipality: Municipality) -> bool:
    """Accept a municipality typed by the public as real; from now on it may be named publicly.

    Returns False if it was already confirmed.
    """
    locked = Municipality.objects.select_for_update().get(pk=municipality.pk)
    municipality.confirmed = True
    if locked.confirmed:
        return False
    locked.confirmed = True
    locked.save(update_fields=["confirmed"])
    return True


@dataclass(frozen=True)
class MergeResult:
    """What moved from the duplicate to the municipality it was merged into."""

    into: Municipality
    visits: int
    adoptions: int
    contacts: int


@transaction.atomic
def municipality_merge(*, duplicate: Municipality, into: Municipality) -> MergeResult:
    """Move an unconfirmed municipality's visits, adoptions and contacts to an existing one, then delete it.

    Rows are saved one by one (not a bulk update) so the reference index and the page cache hear of it.
    Refused if both have an adoption of the same practice: one adoption per municipality and practice, and
    merging two histories is a mentor's decision.
    """
    if duplicate.pk == into.pk:
        raise ValidationError({"into": _("Choose another municipality to merge into.")})
    # Both rows locked in a fixed order, so two merges of the same pair cannot interleave.
    locked = Municipality.objects.select_for_update().in_bulk([duplicate.pk, into.pk])
    if duplicate.pk not in locked or into.pk not in locked:
        raise ValidationError(_("The municipality no longer exists."))
    duplicate, into = locked[duplicate.pk], locked[into.pk]
    if duplicate.confirmed:
        raise ValidationError(_("Only a municipality typed in by the public (unconfirmed) can be merged."))
    if not into.confirmed:
        raise ValidationError({"into": _("Merge into a confirmed municipality.")})
    # The base manager sees every row (archived adoptions too): they must move, or the delete is refused.
    adoptions = Adoption._base_manager
    clashes = sorted(
        adoptions.filter(
            municipality=duplicate, practice_id__in=adoptions.filter(municipality=into).values("practice_id")
        ).values_list("practice__title", flat=True)
    )
    if clashes:
        raise ValidationError(
            _("Both municipalities have an adoption of: %(practices)s. Delete or keep one first.")
            % {"practices": ", ".join(clashes)}
        )
    counts = {}
    for name, model in (("visits", Visit), ("adoptions", Adoption), ("contacts", ContactPerson)):
        rows = list(model._base_manager.select_for_update().filter(municipality=duplicate))
        for row in rows:
            row.municipality = into
            row.save(update_fields=["municipality"])
        counts[name] = len(rows)
    duplicate.delete()
    return MergeResult(into=into, **counts)


@transaction.atomic
def follow_up_mark_done(*, follow_up: FollowUp, at: datetime.datetime | None = None) -> bool:
    """Mark a follow-up done now (one action, no date to type); False if it was already done."""
    locked = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if locked.done_at is None:
        locked.done_at = at or timezone.now()
        locked.save(update_fields=["done_at"])
        follow_up.done_at = locked.done_at
        return True
    follow_up.done_at = locked.done_at
    return False


def visit_references_refresh(*, visit: Visit) -> None:
    """Record the visit's practices in Wagtail's reference index (a practice's "Usage" page counts them).

    Needed where practices are attached in bulk (``visit.practices.set``), which sends no save signal.
    """
    ReferenceIndex.create_or_update_for_object(visit)


# ---- adopters' results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdopterFigure:
    """The adopter's value for one metric at origin; no value removes what was recorded."""

    origin_metric_id: int
    value: Decimal | None
    unit: str = ""
    year: int | None = None


@transaction.atomic
def adoption_results_save(
    *,
    adoption: Adoption,
    kept: str,
    changed: str,
    show_publicly: bool,
    figures: Sequence[AdopterFigure],
) -> Adoption:
    """Record the adaptation (kept, changed and why, whether to publish it) and the adopter's figures.

    Each figure belongs to one of the practice's metrics at origin; its label (and the unit, if none is
    given) comes from there. Saving the adoption itself tells the public page cache.
    """
    locked = Adoption.objects.select_for_update().get(pk=adoption.pk)
    origins = PracticeMetric.objects.filter(page_id=locked.practice_id).in_bulk(
        [figure.origin_metric_id for figure in figures]
    )
    for figure in figures:
        origin = origins.get(figure.origin_metric_id)
        if origin is None:
            raise ValidationError(_("A metric does not belong to the adopted practice."))
        if figure.value is None:
            AdoptionMetric.objects.filter(adoption=locked, origin_metric=origin).delete()
            continue
        AdoptionMetric.objects.update_or_create(
            adoption=locked,
            origin_metric=origin,
            defaults={
                "label": origin.label,
                "value": figure.value,
                "unit": (figure.unit or "").strip() or origin.unit,
                "year": figure.year,
            },
        )
    locked.kept = (kept or "").strip()
    locked.changed = (changed or "").strip()
    locked.show_publicly = show_publicly
    locked.save(update_fields=["kept", "changed", "show_publicly"])
    adoption.kept, adoption.changed, adoption.show_publicly = (
        locked.kept,
        locked.changed,
        locked.show_publicly,
    )
    return locked


__all__ = [
    "AdopterFigure",
    "MergeResult",
    "ReminderDigest",
    "adoption_archive",
    "adoption_change_stage",
    "adoption_create",
    "adoption_delete",
    "adoption_get_or_create",
    "adoption_results_save",
    "calendar_token_regenerate",
    "calendar_token_revoke",
    "contact_anonymise",
    "follow_up_mark_done",
    "followup_reminders_send",
    "municipality_confirm",
    "municipality_merge",
    "practice_adoption_count_refresh",
    "visit_complete",
    "visit_references_refresh",
    "visit_request_decline",
    "visit_request_schedule",
]
