"""“Adopted elsewhere” on a practice page: how many municipalities adopted it, the ones a mentor agreed to
name (linked to their own website, with what each kept and changed) and their metrics beside the origin's.

Municipality names and websites only, never a person, and only of adoptions a mentor marked to be shown
(``Adoption.show_publicly``, "publish this adaptation"); the others are counted, not named. Municipalities
typed by the public and not yet confirmed by a mentor are neither. Two queries at most, whatever the number.
"""

from dataclasses import asdict, dataclass
from decimal import Decimal

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

    def to_block(self) -> dict:
        """As stored in the practice's digest (practices.PracticeDigest.adopters): JSON, decimals as text."""
        block = asdict(self)
        for row in block["comparison"]:
            row["origin_value"] = None if row["origin_value"] is None else str(row["origin_value"])
            for adopter in row["adopters"]:
                adopter["value"] = str(adopter["value"])
        return block

    @classmethod
    def from_block(cls, block: dict) -> "PracticeAdopters":
        comparison = []
        for row in block["comparison"]:
            origin = row["origin_value"]
            comparison.append(
                MetricComparison(
                    label=row["label"],
                    unit=row["unit"],
                    origin_value=None if origin is None else Decimal(origin),
                    origin_year=row["origin_year"],
                    adopters=[
                        AdopterValue(**(adopter | {"value": Decimal(adopter["value"])}))
                        for adopter in row["adopters"]
                    ],
                )
            )
        return cls(
            total=block["total"],
            stories=[AdopterStory(**story) for story in block["stories"]],
            comparison=comparison,
        )


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


def practice_adopters_blocks(page_ids: list[int]) -> dict[int, dict]:
    """The adopters block of each practice for its digest (the practices_adopters_block hook): two queries
    for the practices that have adopters, none for the rest."""
    with_adopters = set(
        Adoption.objects.filter(
            practice_id__in=page_ids, stage__in=ADOPTED_STAGES, municipality__confirmed=True
        ).values_list("practice_id", flat=True)
    )
    empty = PracticeAdopters(total=0, stories=[], comparison=[]).to_block()
    blocks = dict.fromkeys(page_ids, empty)
    for page_id in with_adopters:
        blocks[page_id] = practice_adopters(practice=PracticePage(pk=page_id)).to_block()
    return blocks
