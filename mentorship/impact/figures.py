"""Figures for the public impact page: aggregates and municipality names, never people (a practice page's
adopters are in mentorship.public.adopters, which reuses the comparison rows defined here).

Every function here runs a fixed number of queries whatever the number of rows; the map is drawn by
`map.py` from the same rows.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, F, OuterRef, Q
from django.utils import timezone, translation

from wagtail.models import Page

from portal.text import fold
from practices.models import PracticeMetric, PracticePage

from ..models import (
    ADOPTED_STAGES,
    Adoption,
    AdoptionMetric,
    AdoptionStage,
    EventRegistration,
    Municipality,
    MunicipalityKind,
)
from ..selectors import FunnelStage, Relationship, municipalities_with_relationship
from .map import ImpactMap, MapEntry, MapStatus, build_map

# ---- figures ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MunicipalityStatus:
    """One row of the text alternative to the map."""

    name: str
    province: str
    kind: str
    relationship: str
    relationship_label: str
    adopting: bool


@dataclass(frozen=True)
class FunnelBar:
    stage: str
    label: str
    count: int
    width: float  # 0..100, share of the largest stage
    share: int  # 0..100, per cent of all adoptions


@dataclass(frozen=True)
class PracticeAdoptions:
    title: str
    url: str | None
    theme: str
    adopted: int
    in_progress: int


@dataclass(frozen=True)
class ThemeAdoptions:
    theme: str
    adopted: int
    in_progress: int


@dataclass(frozen=True)
class AdopterValue:
    municipality: str
    value: Decimal
    unit: str
    year: int | None

    @classmethod
    def of(cls, metric) -> "AdopterValue":
        """An adopter's figure from its AdoptionMetric (adoption__municipality selected)."""
        municipality = str(metric.adoption.municipality)
        return cls(municipality=municipality, value=metric.value, unit=metric.unit, year=metric.year)


@dataclass
class MetricComparison:
    label: str
    unit: str
    origin_value: Decimal | None
    origin_year: int | None
    adopters: list[AdopterValue] = field(default_factory=list)


@dataclass(frozen=True)
class Adaptation:
    """What one adopter changed of the practice, as it published it (beside its figures)."""

    municipality: str
    changed: str


@dataclass
class PracticeComparison:
    title: str
    url: str | None
    metrics: list[MetricComparison] = field(default_factory=list)
    adaptations: list[Adaptation] = field(default_factory=list)


@dataclass
class ImpactFigures:
    hosted: int
    in_talks: int
    adopting: int
    practices_transferred: int
    municipalities: list[MunicipalityStatus]
    map: ImpactMap
    funnel: list[FunnelBar]
    themes: list[ThemeAdoptions]
    practices: list[PracticeAdoptions]  # the most adopted first, at most PRACTICE_ROWS_SHOWN
    practices_total: int  # practices with an adoption in progress or done
    comparisons: list[PracticeComparison]  # at most PRACTICE_COMPARISONS_SHOWN
    comparisons_total: int  # practices whose adopters reported a metric
    outreach: "OutreachFigures | None" = None  # trainings held, municipalities trained, publications

    @property
    def funnel_total(self) -> int:
        return sum(bar.count for bar in self.funnel)

    @property
    def practices_cut(self) -> bool:
        return len(self.practices) < self.practices_total

    @property
    def comparisons_cut(self) -> bool:
        return len(self.comparisons) < self.comparisons_total

    @property
    def library_most_adopted_url(self) -> str:
        return LIBRARY_MOST_ADOPTED_URL


def _map_status(municipality: Municipality) -> str:
    if municipality.is_adopting:
        return MapStatus.ADOPTING
    return municipality.relationship


def municipality_statuses() -> list[Municipality]:
    """Municipalities the office has a relationship with (one query), by name."""
    return list(
        municipalities_with_relationship()
        .exclude(relationship=Relationship.NONE)
        .only("name", "kind", "province")
        .order_by("name", "pk")
    )


def municipality_rows(municipalities: list[Municipality]) -> list[MunicipalityStatus]:
    # Labels translated once per call, not once per row (hundreds of rows).
    kinds = {value: str(label) for value, label in MunicipalityKind.choices}
    relationships = {value: str(label) for value, label in Relationship.LABELS.items()}
    return [
        MunicipalityStatus(
            name=str(m),
            province=m.province_name,
            kind=kinds.get(m.kind, m.kind),
            relationship=m.relationship,
            relationship_label=relationships[m.relationship],
            adopting=bool(m.is_adopting),
        )
        for m in municipalities
    ]


def funnel_bars(stages: list[FunnelStage]) -> list[FunnelBar]:
    largest = max((stage.count for stage in stages), default=0) or 1
    total = sum(stage.count for stage in stages) or 1
    return [
        FunnelBar(
            stage=s.stage,
            label=s.label,
            count=s.count,
            width=round(100 * s.count / largest, 1),
            share=round(100 * s.count / total),
        )
        for s in stages
    ]


# The page lists the most adopted practices only; the library sorts all of them the same way.
PRACTICE_ROWS_SHOWN = 20
PRACTICE_COMPARISONS_SHOWN = 10
LIBRARY_MOST_ADOPTED_URL = "/uygulamalar/?sort=most_adopted"
IN_PROGRESS_STAGES = tuple(
    stage for stage in AdoptionStage.values if stage not in ADOPTED_STAGES and stage != AdoptionStage.DROPPED
)


def _stage_key(stage: str) -> str:
    return f"stage_{stage}"


def adoption_counts_by_practice() -> list[dict]:
    """One row per practice with any adoption (drafts too, for the funnel), most adopted first (one query).

    Each row: practice_id, title, theme, a count per stage, adopted, in_progress, `public` (live and not
    restricted) and `reported` (an adopter has entered a metric). Grouped over the adoptions, so the cost
    follows the number of adoptions, never the number of pages in the library.
    """
    # Live from the joined page; restricted sections via Wagtail's own rule (a hashed subquery over every
    # published page cost more than the whole aggregate at 10,000 practices).
    restricted = PracticePage.objects.not_public().filter(pk=OuterRef("practice_id"))
    reported = published_adopter_metrics().filter(adoption__practice_id=OuterRef("practice_id"))
    return list(
        Adoption.objects.order_by()
        .values(
            "practice_id",
            title=F("practice__title"),
            theme=F("practice__theme__name"),
            theme_en=F("practice__theme__name_en"),
        )
        .annotate(
            **{_stage_key(stage): Count("pk", filter=Q(stage=stage)) for stage in AdoptionStage.values},
            adopted=Count("pk", filter=Q(stage__in=ADOPTED_STAGES)),
            in_progress=Count("pk", filter=Q(stage__in=IN_PROGRESS_STAGES)),
            public=ExpressionWrapper(Q(practice__live=True) & ~Exists(restricted), BooleanField()),
            reported=Exists(reported),
        )
        .order_by("-adopted", "-in_progress", "title", "practice_id")
    )


def published_adopter_metrics():
    """Adopters' figures that may be shown: adopted or scaled, "publish this adaptation" ticked, and the
    municipality confirmed by a mentor (a name typed by the public is never shown)."""
    return AdoptionMetric.objects.filter(
        adoption__stage__in=ADOPTED_STAGES,
        adoption__show_publicly=True,
        adoption__municipality__confirmed=True,
    )


def _funnel_from(rows: list[dict]) -> list[FunnelStage]:
    """The same stages as selectors.adoption_funnel (all adoptions), summed from the per-practice rows."""
    keys = {stage: _stage_key(stage) for stage in AdoptionStage.values}
    return [
        FunnelStage(stage=stage, label=str(label), count=sum(row[keys[stage]] for row in rows))
        for stage, label in AdoptionStage.choices
    ]


def _page_url(page: PracticePage, request) -> str | None:
    return page.get_url(request=request) if request is not None else page.url


def practice_comparisons(
    *, practice_ids: list[int], pages: dict[int, PracticePage], request=None
) -> list[PracticeComparison]:
    """Each practice's metrics at origin beside the adopters' own values, in the given order (two queries).

    Only practices where some adopter published a value are compared; what each adopter changed comes with
    its figures (from the same rows, no query of its own).
    """
    if not practice_ids:
        return []
    origin = list(
        PracticeMetric.objects.filter(page_id__in=practice_ids).order_by("page_id", "sort_order", "pk")
    )
    adopter_rows = list(
        published_adopter_metrics()
        .filter(adoption__practice_id__in=practice_ids)
        .select_related("adoption__municipality")
        .order_by("adoption__municipality__name", "pk")
    )
    by_origin: dict[int, MetricComparison] = {}
    comparisons: dict[int, PracticeComparison] = {}

    def comparison_of(practice_id: int) -> PracticeComparison:
        if practice_id not in comparisons:
            page = pages[practice_id]
            comparisons[practice_id] = PracticeComparison(title=page.title, url=_page_url(page, request))
        return comparisons[practice_id]

    for metric in origin:
        row = MetricComparison(
            label=metric.label, unit=metric.unit, origin_value=metric.value, origin_year=metric.year
        )
        comparison_of(metric.page_id).metrics.append(row)
        by_origin[metric.pk] = row
    own_rows: dict[tuple[int, str, str], MetricComparison] = {}
    adapted: set[int] = set()
    for adopter_metric in adopter_rows:
        practice_id = adopter_metric.adoption.practice_id
        adoption = adopter_metric.adoption
        if adoption.changed and adoption.pk not in adapted:
            adapted.add(adoption.pk)
            comparison_of(practice_id).adaptations.append(
                Adaptation(municipality=str(adoption.municipality), changed=adoption.changed)
            )
        row = by_origin.get(adopter_metric.origin_metric_id)
        if row is None:
            # A metric the adopter measures that has no counterpart at origin.
            key = (practice_id, adopter_metric.label, adopter_metric.unit)
            row = own_rows.get(key)
            if row is None:
                row = MetricComparison(
                    label=adopter_metric.label, unit=adopter_metric.unit, origin_value=None, origin_year=None
                )
                own_rows[key] = row
                comparison_of(practice_id).metrics.append(row)
        row.adopters.append(AdopterValue.of(adopter_metric))
    return [
        comparisons[pk]
        for pk in practice_ids
        if pk in comparisons and any(metric.adopters for metric in comparisons[pk].metrics)
    ]


def impact_figures(*, request=None) -> ImpactFigures:
    """Everything the impact page shows, in five queries of its own whatever the size of the library."""
    municipalities = municipality_statuses()
    rows = adoption_counts_by_practice()
    listed = [row for row in rows if row["public"] and (row["adopted"] or row["in_progress"])]
    if (translation.get_language() or "").startswith("en"):
        for row in rows:
            row["theme"] = row["theme_en"] or row["theme"]
    themes: dict[str, list[int]] = {}
    for row in listed:
        counts = themes.setdefault(row["theme"], [0, 0])
        counts[0] += row["adopted"]
        counts[1] += row["in_progress"]
    shown = listed[:PRACTICE_ROWS_SHOWN]
    reported_ids = [row["practice_id"] for row in listed if row["adopted"] and row["reported"]]
    compared_ids = reported_ids[:PRACTICE_COMPARISONS_SHOWN]
    # Only the pages named on the page are loaded, and only what their title and URL need.
    pages = PracticePage.objects.filter(pk__in={row["practice_id"] for row in shown} | set(compared_ids))
    pages = pages.only("title", "url_path").in_bulk() if shown or compared_ids else {}
    return ImpactFigures(
        hosted=sum(m.relationship == Relationship.HOSTED for m in municipalities),
        in_talks=sum(m.relationship == Relationship.IN_TALKS for m in municipalities),
        adopting=sum(bool(m.is_adopting) for m in municipalities),
        practices_transferred=sum(bool(row["adopted"]) for row in listed),
        municipalities=municipality_rows(municipalities),
        map=build_map(MapEntry(name=m.name, plate=m.province, status=_map_status(m)) for m in municipalities),
        funnel=funnel_bars(_funnel_from(rows)),
        themes=sorted(
            (ThemeAdoptions(theme=name, adopted=a, in_progress=i) for name, (a, i) in themes.items()),
            key=lambda t: (-t.adopted, -t.in_progress, t.theme),
        ),
        practices=[
            PracticeAdoptions(
                title=pages[row["practice_id"]].title,
                url=_page_url(pages[row["practice_id"]], request),
                theme=row["theme"],
                adopted=row["adopted"],
                in_progress=row["in_progress"],
            )
            for row in shown
        ],
        practices_total=len(listed),
        comparisons=practice_comparisons(practice_ids=compared_ids, pages=pages, request=request),
        comparisons_total=len(reported_ids),
        outreach=outreach_figures(),
    )


@dataclass(frozen=True)
class OutreachFigures:
    events_held: int  # published trainings, sharing sessions and field visits that have ended
    municipalities_trained: int  # distinct organisations with someone who attended one
    publications: int  # published policy notes, field studies and reports


def outreach_figures(*, now=None) -> OutreachFigures:
    """Two queries: the page counts in one aggregate, and the organisations of attended registrations
    (names of bodies, never of people), told apart however they were typed (case, Turkish letters, spaces)."""
    now = now or timezone.now()
    counts = Page.objects.live().aggregate(
        held=Count("pk", filter=Q(eventpage__end__lt=now)),
        publications=Count("pk", filter=Q(publicationpage__isnull=False)),
    )
    organisations = (
        EventRegistration.objects.filter(attended=True, event__live=True, event__end__lt=now)
        .order_by()
        .values_list("organisation", flat=True)
        .distinct()
    )
    trained = {" ".join(fold(name).split()) for name in organisations} - {""}
    return OutreachFigures(
        events_held=counts["held"], municipalities_trained=len(trained), publications=counts["publications"]
    )
