"""State changes with rules: adoption stage changes, visit completion, anonymisation, reminders, feed tokens.

Views, admin actions, commands and tests call these functions; each one is a single transaction.
"""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import ModelLogEntry

from practices.models import PracticePage
from practices.services import practice_adoption_count_set

from .models import (
    ADOPTED_STAGES,
    STAGE_ORDER,
    Adoption,
    AdoptionEvent,
    AdoptionStage,
    CalendarFeedToken,
    ContactPerson,
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
    user: AbstractBaseUser | None,
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
    user: AbstractBaseUser | None = None,
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
def adoption_create(*, adoption: Adoption, user: AbstractBaseUser | None) -> Adoption:
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
def visit_complete(*, visit: Visit, user: AbstractBaseUser | None) -> Visit:
    """Mark a visit held; move the municipality's adoptions of the practices discussed to at least "visited".

    Adoptions already past "visited" are left alone; dropped ones are not re-opened (that needs a note).
    """
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    if locked.status == VisitStatus.CANCELLED:
        raise ValidationError(_("A cancelled visit cannot be completed."))
    if locked.date is None:
        raise ValidationError({"date": _("Set the date of the visit before completing it.")})
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
def calendar_token_regenerate(*, user: AbstractBaseUser) -> CalendarFeedToken:
    """Give the user a new feed secret; the old URL stops working at once."""
    token, created = CalendarFeedToken.objects.get_or_create(user=user)
    if not created:
        token.token = new_calendar_token()
        token.created_at = timezone.now()
        token.save(update_fields=["token", "created_at"])
    return token


@transaction.atomic
def calendar_token_revoke(*, user: AbstractBaseUser) -> bool:
    deleted, _details = CalendarFeedToken.objects.filter(user=user).delete()
    return bool(deleted)


__all__ = [
    "ReminderDigest",
    "adoption_archive",
    "adoption_change_stage",
    "adoption_create",
    "adoption_delete",
    "adoption_get_or_create",
    "calendar_token_regenerate",
    "calendar_token_revoke",
    "contact_anonymise",
    "followup_reminders_send",
    "practice_adoption_count_refresh",
    "visit_complete",
]
