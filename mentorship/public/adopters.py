"""“Adopted elsewhere” on a practice page: how many municipalities adopted it, the ones a mentor agreed to
name (linked to their own website, with what each kept and changed) and their metrics beside the origin's.

Municipality names and websites only, never a person, and only of adoptions a mentor marked to be shown
(``Adoption.show_publicly``, "publish this adaptation"); the others are counted, not named. Municipalities
typed by the public and not yet confirmed by a mentor are neither. Two queries at most, whatever the number.
"""

from dataclasses import dataclass

from practices.models import PracticePage

from ..impact.figures import AdopterValue, MetricComparison
from ..models import ADOPTED_STAGES, Adoption, AdoptionMetric


@dataclass(frozen=True)
class AdopterStory:
    """One adopting municipality as the practice page names it (only where the adoption is shown publicly)."""

    municipality: str
    website: str
    kept: str
    changed: str


@dataclass
class PracticeAdopters:
    total: int  # municipalities at "adopted" or "scaled", named or not
    stories: list[AdopterStory]  # those a mentor marked to be shown publicly, by name
    comparison: list[MetricComparison]

    @property
    def count(self) -> int:
        return self.total

    @property
    def unnamed(self) -> int:
        return self.total - len(self.stories)


def practice_adopters(*, practice: PracticePage) -> PracticeAdopters:
    """Who adopted one practice (adopted/scaled) and their metrics beside the origin's (two queries)."""
    adoptions = list(
        Adoption.objects.filter(
            practice_id=practice.pk, stage__in=ADOPTED_STAGES, municipality__confirmed=True
        )
        .select_related("municipality")
        .order_by("municipality__name", "pk")
    )
    if not adoptions:
        return PracticeAdopters(total=0, stories=[], comparison=[])
    total = len({adoption.municipality_id for adoption in adoptions})
    named = [adoption for adoption in adoptions if adoption.show_publicly]
    stories = [
        AdopterStory(
            municipality=str(adoption.municipality),
            website=adoption.municipality.website,
            kept=adoption.kept,
            changed=adoption.changed,
        )
        for adoption in named
    ]
    if not named:
        return PracticeAdopters(total=total, stories=[], comparison=[])
    # Only the named adopters' own figures: a municipality not shown by name is not shown by its numbers.
    rows = list(
        AdoptionMetric.objects.filter(adoption__in=[a.pk for a in named])
        .select_related("origin_metric", "adoption__municipality")
        .order_by("origin_metric__sort_order", "label", "adoption__municipality__name", "pk")
    )
    by_key: dict[object, MetricComparison] = {}
    for metric in rows:
        origin = (
            metric.origin_metric
            if metric.origin_metric and metric.origin_metric.page_id == practice.pk
            else None
        )
        key = origin.pk if origin else (metric.label, metric.unit)
        row = by_key.get(key)
        if row is None:
            row = MetricComparison(
                label=origin.label if origin else metric.label,
                unit=origin.unit if origin else metric.unit,
                origin_value=origin.value if origin else None,
                origin_year=origin.year if origin else None,
            )
            by_key[key] = row
        row.adopters.append(AdopterValue.of(metric))
    return PracticeAdopters(total=total, stories=stories, comparison=list(by_key.values()))
