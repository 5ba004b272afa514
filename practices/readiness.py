"""The readiness self-check: six questions a municipality answers about itself, compared with what one
practice needs, giving what it already has, its gaps and the replication steps that address each gap.

The dimensions are defined here once and read by the form, the ReplicationStep field, the result page, the
PDF and the anonymous demand signal. What a practice needs comes from fields editors already fill in
(budget band, staff needed, legal basis, partners, number of beneficiaries); nothing new to maintain.
"""

import datetime
import enum
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.text import fold

from .models import BudgetBand, PracticePage, ReplicationStep
from .models.readiness import PopulationBand, ReadinessCheckCount, ReadinessDimension, ReadinessResultBand

Choices = Sequence[tuple[str, str]]

# Upper bounds of the population bands (the same bands as a municipality's record in the mentors' admin).
POPULATION_CHOICES: Choices = PopulationBand.choices
POPULATION_UPPER_BOUNDS = (10_000, 50_000, 250_000, 1_000_000, None)

BUDGET_CHOICES: Choices = (("none", _("No budget set aside yet")), *BudgetBand.choices)
STAFF_CHOICES: Choices = (
    ("none", _("Nobody yet")),
    ("part_time", _("Someone part-time")),
    ("full_time", _("One or two people full-time")),
    ("team", _("A team of three or more")),
)
LEGAL_CHOICES: Choices = (
    ("none", _("Not looked at yet")),
    ("in_progress", _("Being prepared (council decision or protocol in progress)")),
    ("in_place", _("In place")),
)
PARTNER_CHOICES: Choices = (
    ("none", _("None yet")),
    ("talking", _("In talks")),
    ("committed", _("Committed partners")),
)
BACKING_CHOICES: Choices = (
    ("none", _("Not yet")),
    ("informal", _("The mayor or a deputy supports it")),
    ("formal", _("A council or executive decision")),
)


@dataclass(frozen=True)
class Dimension:
    """One question: its ordered answers (weakest first) and the level a practice needs (None: no need)."""

    key: str
    label: str
    question: str
    choices: Choices
    needed_level: Callable[["PracticeNeeds"], int | None]
    need_text: Callable[["PracticeNeeds"], str]

    def level(self, answer: str) -> int:
        return [value for value, _label in self.choices].index(answer)

    def answer_label(self, answer: str) -> str:
        return str(dict(self.choices)[answer])


@dataclass(frozen=True)
class PracticeNeeds:
    """What a practice asks of a municipality, read from its own fields (one query for the partners)."""

    budget_band: str
    staff_needed: str
    legal_basis: str
    partner_names: tuple[str, ...]
    beneficiaries_count: int | None

    @classmethod
    def of(cls, practice: PracticePage, *, partner_names: Sequence[str]) -> "PracticeNeeds":
        return cls(
            budget_band=practice.budget_band,
            staff_needed=practice.staff_needed,
            legal_basis=practice.legal_basis,
            partner_names=tuple(partner_names),
            beneficiaries_count=practice.beneficiaries_count,
        )


def _population_needed(needs: PracticeNeeds) -> int | None:
    """A municipality at least as large as the practice's beneficiaries, if the practice counted them."""
    if not needs.beneficiaries_count:
        return None
    for level, bound in enumerate(POPULATION_UPPER_BOUNDS):
        if bound is None or needs.beneficiaries_count <= bound:
            return level
    return None  # pragma: no cover - the last band has no bound


def _budget_needed(needs: PracticeNeeds) -> int | None:
    values = [value for value, _label in BUDGET_CHOICES]
    return values.index(needs.budget_band) if needs.budget_band in values else None


def _staff_needed(needs: PracticeNeeds) -> int:
    """From the "staff needed" text: a number of 3 or more asks for a team, any other text for full-time
    people, no text for someone part-time (every practice needs a person in charge)."""
    if not needs.staff_needed.strip():
        return 1
    numbers = [int(n) for n in re.findall(r"\d+", needs.staff_needed)]
    return 3 if numbers and max(numbers) >= 3 else 2


def _legal_needed(needs: PracticeNeeds) -> int | None:
    return 2 if needs.legal_basis.strip() else None


def _partners_needed(needs: PracticeNeeds) -> int | None:
    return 2 if needs.partner_names else None


def _backing_needed(needs: PracticeNeeds) -> int:
    # Large budgets go through the council; smaller ones need the mayor's support.
    return 2 if needs.budget_band in (BudgetBand.HIGH, BudgetBand.VERY_HIGH) else 1


def _population_text(needs: PracticeNeeds) -> str:
    if not needs.beneficiaries_count:
        return ""
    return _("The practice reached %(count)s people.") % {"count": f"{needs.beneficiaries_count:,}"}


def _budget_text(needs: PracticeNeeds) -> str:
    label = dict(BUDGET_CHOICES).get(needs.budget_band, "")
    return _("Budget band of the practice: %(band)s.") % {"band": label} if label else ""


def _staff_text(needs: PracticeNeeds) -> str:
    if needs.staff_needed:
        return _("Staff needed: %(staff)s.") % {"staff": needs.staff_needed}
    return _("Someone in charge, at least part-time.")


def _legal_text(needs: PracticeNeeds) -> str:
    return _("Legal basis: %(basis)s.") % {"basis": needs.legal_basis} if needs.legal_basis else ""


def _partners_text(needs: PracticeNeeds) -> str:
    if not needs.partner_names:
        return ""
    return _("The practice worked with: %(partners)s.") % {"partners": ", ".join(needs.partner_names)}


def _backing_text(needs: PracticeNeeds) -> str:
    if _backing_needed(needs) == 2:
        return _("A budget this size needs a council or executive decision.")
    return _("The support of the mayor or a deputy mayor.")


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        ReadinessDimension.POPULATION,
        ReadinessDimension.POPULATION.label,
        _("How many people live in your municipality?"),
        POPULATION_CHOICES,
        _population_needed,
        _population_text,
    ),
    Dimension(
        ReadinessDimension.BUDGET,
        ReadinessDimension.BUDGET.label,
        _("What budget could you make available?"),
        BUDGET_CHOICES,
        _budget_needed,
        _budget_text,
    ),
    Dimension(
        ReadinessDimension.STAFF,
        ReadinessDimension.STAFF.label,
        _("Who could work on it?"),
        STAFF_CHOICES,
        _staff_needed,
        _staff_text,
    ),
    Dimension(
        ReadinessDimension.LEGAL,
        ReadinessDimension.LEGAL.label,
        _("Is the legal basis in place?"),
        LEGAL_CHOICES,
        _legal_needed,
        _legal_text,
    ),
    Dimension(
        ReadinessDimension.PARTNERS,
        ReadinessDimension.PARTNERS.label,
        _("Do you have partners at hand?"),
        PARTNER_CHOICES,
        _partners_needed,
        _partners_text,
    ),
    Dimension(
        ReadinessDimension.BACKING,
        ReadinessDimension.BACKING.label,
        _("Is there political backing?"),
        BACKING_CHOICES,
        _backing_needed,
        _backing_text,
    ),
)
DIMENSION_BY_KEY = {dimension.key: dimension for dimension in DIMENSIONS}


class Status(enum.StrEnum):
    HAVE = "have"
    GAP = "gap"


@dataclass(frozen=True)
class DimensionResult:
    dimension: Dimension
    answer: str
    status: Status
    need: str
    steps: tuple[ReplicationStep, ...] = ()

    @property
    def answer_label(self) -> str:
        return self.dimension.answer_label(self.answer)


@dataclass(frozen=True)
class ReadinessResult:
    """The summary for one practice and one set of answers."""

    results: tuple[DimensionResult, ...]
    band: str = field(default="")

    @property
    def have(self) -> list[DimensionResult]:
        return [r for r in self.results if r.status == Status.HAVE]

    @property
    def gaps(self) -> list[DimensionResult]:
        return [r for r in self.results if r.status == Status.GAP]

    @property
    def band_label(self) -> str:
        return str(ReadinessResultBand(self.band).label)


def result_band(gap_count: int) -> str:
    if gap_count == 0:
        return ReadinessResultBand.READY
    return ReadinessResultBand.PARTLY if gap_count <= 2 else ReadinessResultBand.EARLY


def readiness_score(
    *, answers: dict[str, str], needs: PracticeNeeds, steps: Sequence[ReplicationStep] = ()
) -> ReadinessResult:
    """Compare each answer with the practice's need; a gap lists the steps editors marked as addressing it.

    ``answers`` holds a valid answer for every dimension (the form checks them).
    """
    results = []
    for dimension in DIMENSIONS:
        answer = answers[dimension.key]
        needed = dimension.needed_level(needs)
        gap = needed is not None and dimension.level(answer) < needed
        results.append(
            DimensionResult(
                dimension=dimension,
                answer=answer,
                status=Status.GAP if gap else Status.HAVE,
                need=str(dimension.need_text(needs)),
                steps=tuple(s for s in steps if s.readiness_dimension == dimension.key) if gap else (),
            )
        )
    return ReadinessResult(
        results=tuple(results), band=result_band(sum(r.status == Status.GAP for r in results))
    )


def readiness_for_practice(practice: PracticePage, *, answers: dict[str, str]) -> ReadinessResult:
    """The summary for a practice: two queries (its steps, its partners' names)."""
    steps = list(practice.replication_steps.all())
    partner_names = list(practice.partners.values_list("name", flat=True))
    return readiness_score(
        answers=answers, needs=PracticeNeeds.of(practice, partner_names=partner_names), steps=steps
    )


def readiness_count_record(*, theme_id: int, band: str, today: datetime.date) -> None:
    """Count one self-check in its (theme, result band, month) cell: the only thing the office keeps.

    No answer, address, time of day or practice is stored: a month's count per theme and band, for mentors.
    One UPDATE when the cell exists (the usual case), else an INSERT; two first checks of a month at once
    meet the unique constraint, and the loser adds itself to the winner's row.
    """
    cell = {"theme_id": theme_id, "band": band, "month": today.replace(day=1)}
    if ReadinessCheckCount.objects.filter(**cell).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ReadinessCheckCount.objects.create(**cell, count=1)
    except IntegrityError:
        ReadinessCheckCount.objects.filter(**cell).update(count=F("count") + 1)


def download_name(practice: PracticePage) -> str:
    return f"{slugify(fold(practice.slug))[:60].strip('-') or 'practice'}-readiness.pdf"
