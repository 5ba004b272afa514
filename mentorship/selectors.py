"""Read-only queries over the mentorship records: admin, dashboard, feed, commands and the impact page."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Case, CharField, Count, Exists, OuterRef, Q, QuerySet, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practices.models import ReadinessCheckCount

from .models import (
    ADOPTED_STAGES,
    FINAL_STAGES,
    Adoption,
    AdoptionStage,
    ContactPerson,
    FollowUp,
    Municipality,
    Visit,
    VisitStatus,
)

STALLED_AFTER_DAYS = 90


class Relationship:
    """The office's relationship with a municipality; derived from visits and adoptions, never stored."""

    HOSTED = "hosted"
    IN_TALKS = "in_talks"
    NONE = "none"
    LABELS = {HOSTED: _("Hosted"), IN_TALKS: _("In talks"), NONE: _("No relationship yet")}


# ---- visits ----------------------------------------------------------------------------------------------


def visits_upcoming(*, user: User | None = None, today: datetime.date | None = None) -> QuerySet[Visit]:
    """Scheduled visits from today on, soonest first; only the user's own if a user is given."""
    today = today or timezone.localdate()
    visits = Visit.objects.filter(status=VisitStatus.SCHEDULED, date__gte=today)
    if user is not None:
        visits = visits.filter(mentors=user)
    return visits.select_related("municipality").order_by("date", "pk")


def visit_requests_new() -> QuerySet[Visit]:
    """Public requests waiting for an answer, the longest-waiting first, with what triage needs to see."""
    return (
        Visit.objects.filter(status=VisitStatus.REQUESTED)
        .select_related("municipality")
        .prefetch_related("practices")
        .order_by("created_at", "pk")
    )


def visits_for_calendar(*, user: User) -> QuerySet[Visit]:
    """The mentor's dated visits (scheduled or held) for the ICS feed."""
    return (
        Visit.objects.filter(
            mentors=user, status__in=[VisitStatus.SCHEDULED, VisitStatus.COMPLETED], date__isnull=False
        )
        .select_related("municipality")
        .order_by("date", "pk")
    )


# ---- follow-ups ------------------------------------------------------------------------------------------


def _follow_ups_with_context() -> QuerySet[FollowUp]:
    return FollowUp.objects.select_related(
        "assignee", "visit__municipality", "adoption__municipality", "adoption__practice"
    )


def follow_ups_open(*, user: User | None = None) -> QuerySet[FollowUp]:
    # Follow-ups of an archived adoption stay in its history but no longer remind anyone.
    follow_ups = _follow_ups_with_context().filter(done_at__isnull=True, adoption__archived_at__isnull=True)
    if user is not None:
        follow_ups = follow_ups.filter(assignee=user)
    return follow_ups.order_by("due_date", "pk")


def follow_ups_overdue(*, user: User | None = None, today: datetime.date | None = None) -> QuerySet[FollowUp]:
    """Open follow-ups due before today, oldest first."""
    today = today or timezone.localdate()
    return follow_ups_open(user=user).filter(due_date__lt=today)


def follow_ups_due(*, today: datetime.date | None = None) -> QuerySet[FollowUp]:
    """Open follow-ups due today or earlier (what the reminder e-mail lists)."""
    today = today or timezone.localdate()
    return follow_ups_open().filter(due_date__lte=today)


def follow_ups_for_calendar(*, user: User) -> QuerySet[FollowUp]:
    return follow_ups_open(user=user)


# ---- adoptions -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelStage:
    stage: str
    label: str
    count: int


def adoption_funnel(*, adoptions: QuerySet[Adoption] | None = None) -> list[FunnelStage]:
    """Number of adoptions per stage, in stage order, every stage listed (one query)."""
    adoptions = Adoption.objects.all() if adoptions is None else adoptions
    counts = dict(adoptions.order_by().values_list("stage").annotate(n=Count("pk")))
    return [
        FunnelStage(stage=value, label=str(label), count=counts.get(value, 0))
        for value, label in AdoptionStage.choices
    ]


def adoptions_stalled(
    *,
    now: datetime.datetime | None = None,
    days: int = STALLED_AFTER_DAYS,
    user: User | None = None,
) -> QuerySet[Adoption]:
    """Adoptions that have stayed in one non-final stage for more than `days` days, longest first."""
    now = now or timezone.now()
    adoptions = Adoption.objects.exclude(stage__in=FINAL_STAGES).filter(
        stage_changed_at__lt=now - datetime.timedelta(days=days)
    )
    if user is not None:
        adoptions = adoptions.filter(mentor=user)
    return adoptions.select_related("municipality", "practice", "mentor").order_by("stage_changed_at", "pk")


def adoptions_of_practice(*, practice_id: int, adopted_only: bool = True) -> QuerySet[Adoption]:
    adoptions = Adoption.objects.filter(practice_id=practice_id)
    if adopted_only:
        adoptions = adoptions.filter(stage__in=ADOPTED_STAGES)
    return adoptions.select_related("municipality").order_by("municipality__name")


# ---- municipalities --------------------------------------------------------------------------------------


def municipalities_with_relationship() -> QuerySet:
    # QuerySet without a model parameter: django-stubs cannot see the annotated fields filtered on below.
    """Confirmed municipalities annotated with `relationship` (hosted / in talks / none) and `is_adopting`.

    Public figures are built on this: names typed by the public and not yet confirmed by a mentor are left
    out, named or counted. hosted = at least one completed visit; in talks = no completed visit but a
    requested or scheduled visit, or an adoption that is not dropped; adopting = an adoption at "adopted" or
    "scaled".
    """
    completed = Visit.objects.filter(municipality=OuterRef("pk"), status=VisitStatus.COMPLETED)
    open_visit = Visit.objects.filter(
        municipality=OuterRef("pk"), status__in=[VisitStatus.REQUESTED, VisitStatus.SCHEDULED]
    )
    live_adoption = Adoption.objects.filter(municipality=OuterRef("pk")).exclude(stage=AdoptionStage.DROPPED)
    adopting = Adoption.objects.filter(municipality=OuterRef("pk"), stage__in=ADOPTED_STAGES)
    return Municipality.objects.filter(confirmed=True).annotate(
        has_completed_visit=Exists(completed),
        is_adopting=Exists(adopting),
        relationship=Case(
            When(Q(Exists(completed)), then=Value(Relationship.HOSTED)),
            When(Q(Exists(open_visit)) | Q(Exists(live_adoption)), then=Value(Relationship.IN_TALKS)),
            default=Value(Relationship.NONE),
            output_field=CharField(),
        ),
    )


def municipalities_hosted() -> QuerySet[Municipality]:
    return municipalities_with_relationship().filter(relationship=Relationship.HOSTED)


def municipalities_in_talks() -> QuerySet[Municipality]:
    return municipalities_with_relationship().filter(relationship=Relationship.IN_TALKS)


def municipalities_adopting() -> QuerySet[Municipality]:
    return municipalities_with_relationship().filter(is_adopting=True)


def municipality_relationship_counts() -> dict[str, int]:
    """{"hosted": n, "in_talks": n, "adopting": n} in one query."""
    annotated = municipalities_with_relationship()
    return annotated.aggregate(
        hosted=Count("pk", filter=Q(relationship=Relationship.HOSTED)),
        in_talks=Count("pk", filter=Q(relationship=Relationship.IN_TALKS)),
        adopting=Count("pk", filter=Q(is_adopting=True)),
    )


def municipality_reach_counts() -> dict[str, int]:
    """{"hosted": n, "adopting": n, "provinces_reached": n} in one query: the home page's figures.

    provinces reached = distinct provinces of the municipalities adopting a practice (the transfers' reach).
    """
    return municipalities_with_relationship().aggregate(
        hosted=Count("pk", filter=Q(relationship=Relationship.HOSTED)),
        adopting=Count("pk", filter=Q(is_adopting=True)),
        provinces_reached=Count("province", filter=Q(is_adopting=True), distinct=True),
    )


@dataclass(frozen=True)
class MunicipalityDetail:
    municipality: Municipality
    contacts: list[ContactPerson]
    visits: list[Visit]
    follow_ups: list[FollowUp]
    adoptions: list[Adoption]


def municipality_detail(*, municipality: Municipality) -> MunicipalityDetail:
    """Everything the mentors know about one municipality, for its admin page."""
    visits = list(
        municipality.visits.select_related("contact")
        .prefetch_related("mentors", "practices")
        .order_by("-date", "-created_at")
    )
    adoptions = list(municipality.adoptions.select_related("practice", "mentor").order_by("practice__title"))
    follow_ups = list(
        _follow_ups_with_context()
        .filter(Q(visit__municipality=municipality) | Q(adoption__municipality=municipality))
        .order_by("done_at", "due_date", "pk")
    )
    return MunicipalityDetail(
        municipality=municipality,
        contacts=list(municipality.contacts.order_by("name")),
        visits=visits,
        follow_ups=follow_ups,
        adoptions=adoptions,
    )


@dataclass(frozen=True)
class ReadinessDemandRow:
    """Self-checks of one theme over the last months, by result band (practices' anonymous counts)."""

    theme: str
    ready: int
    partly: int
    early: int

    @property
    def total(self) -> int:
        return self.ready + self.partly + self.early


def readiness_demand(*, months: int, today: datetime.date) -> list[ReadinessDemandRow]:
    """The readiness self-check's counts per theme since the first day of ``months`` months ago (this month
    included), most checked first; one query."""
    since = today.replace(day=1)
    for _month in range(months - 1):
        since = (since - datetime.timedelta(days=1)).replace(day=1)
    cells = (
        ReadinessCheckCount.objects.filter(month__gte=since)
        .values("theme__name", "band")
        .annotate(total=Sum("count"))
    )
    by_theme: dict[str, dict[str, int]] = {}
    for cell in cells:
        by_theme.setdefault(cell["theme__name"], {})[cell["band"]] = cell["total"]
    rows = [
        ReadinessDemandRow(
            theme=theme,
            ready=bands.get("ready", 0),
            partly=bands.get("partly", 0),
            early=bands.get("early", 0),
        )
        for theme, bands in by_theme.items()
    ]
    rows.sort(key=lambda row: (-row.total, row.theme))
    return rows
