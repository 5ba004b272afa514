"""Matchmaking: practices a municipality could adopt, and municipalities a practice could go to, each with
the reasons shown to mentors ("needs theme Health; serves Elderly; similar budget band").

Read-only, like selectors: the municipality's recorded needs (themes, target groups, budget band) are
compared with each published practice's theme, target groups and budget band. Practices it already adopts
(or adopted) are left out. Two or three queries whatever the size of the library: candidates are narrowed
in the database to those sharing a theme or a target group, and scored here.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils.translation import gettext as _

from practices.models import BudgetBand, PracticePage, TargetGroup
from practices.selectors import published_practices

from .models import Adoption, Municipality

SUGGESTIONS = 5
THEME_POINTS = 3
TARGET_GROUP_POINTS = 2
BUDGET_POINTS = 1
BUDGET_ORDER = BudgetBand.values


@dataclass(frozen=True)
class PracticeMatch:
    practice: PracticePage
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MunicipalityMatch:
    municipality: Municipality
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Needs:
    """A municipality's recorded needs, read once."""

    theme_ids: frozenset[int]
    target_group_ids: frozenset[int]
    budget_band: str

    @property
    def empty(self) -> bool:
        return not self.theme_ids and not self.target_group_ids

    @classmethod
    def of(cls, municipality: Municipality) -> "Needs":
        return cls(
            theme_ids=frozenset(t.pk for t in municipality.needed_themes.all()),
            target_group_ids=frozenset(g.pk for g in municipality.needed_target_groups.all()),
            budget_band=municipality.budget_band,
        )


def match_score(
    *,
    needs: Needs,
    theme_id: int,
    theme_name: str,
    target_groups: Iterable[TargetGroup],
    budget_band: str,
) -> tuple[int, tuple[str, ...]]:
    """Points and reasons for one municipality and one practice; (0, ()) when neither theme nor target
    group meets a need (a similar budget alone is no reason to suggest anything)."""
    score = 0
    reasons: list[str] = []
    if theme_id in needs.theme_ids:
        score += THEME_POINTS
        reasons.append(_("needs theme %(theme)s") % {"theme": theme_name})
    served = [group for group in target_groups if group.pk in needs.target_group_ids]
    for group in served:
        score += TARGET_GROUP_POINTS
        reasons.append(_("serves %(group)s") % {"group": group.name})
    if not score:
        return 0, ()
    if needs.budget_band and budget_band in BUDGET_ORDER and needs.budget_band in BUDGET_ORDER:
        gap = BUDGET_ORDER.index(budget_band) - BUDGET_ORDER.index(needs.budget_band)
        if gap == 0:
            score += BUDGET_POINTS
            reasons.append(_("similar budget band"))
        elif gap > 0:
            score -= BUDGET_POINTS
            reasons.append(_("costs more than its budget band"))
    return score, tuple(reasons)


def practices_for_municipalities(
    *, municipalities: Iterable[Municipality], limit: int = SUGGESTIONS
) -> dict[int, list[PracticeMatch]]:
    """The best-matching published practices for each municipality (by id), leaving out what it has adopted,
    best first. Six queries for any number of municipalities: their needs (two prefetches), their
    adoptions, the view restrictions, the candidate practices and their target groups (pass municipalities
    with ``needed_themes`` and ``needed_target_groups`` prefetched to save the first two)."""
    municipalities = list(municipalities)
    prefetch_related_objects(municipalities, "needed_themes", "needed_target_groups")
    needs = {m.pk: Needs.of(m) for m in municipalities}
    theme_ids = frozenset().union(*(n.theme_ids for n in needs.values()))
    group_ids = frozenset().union(*(n.target_group_ids for n in needs.values()))
    result: dict[int, list[PracticeMatch]] = {m.pk: [] for m in municipalities}
    if not theme_ids and not group_ids:
        return result
    adopted: dict[int, set[int]] = {}
    for municipality_id, practice_id in Adoption.all_objects.filter(
        municipality__in=[m.pk for m in municipalities]
    ).values_list("municipality_id", "practice_id"):
        adopted.setdefault(municipality_id, set()).add(practice_id)
    candidates = list(
        published_practices()
        # One page per practice: translations are suggested through their source, in the main language.
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .filter(Q(theme_id__in=theme_ids) | Q(pk__in=_practices_serving(group_ids)))
        .select_related("theme")
        # Only what scoring and the suggestion's link read: a theme can hold thousands of practices.
        .only("title", "budget_band", "theme__name")
        .prefetch_related(
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("life_stage_order"))
        )
    )
    for municipality in municipalities:
        matches = []
        for practice in candidates:
            if practice.pk in adopted.get(municipality.pk, ()):
                continue
            score, reasons = match_score(
                needs=needs[municipality.pk],
                theme_id=practice.theme_id,
                theme_name=practice.theme.name,
                target_groups=practice.target_groups.all(),
                budget_band=practice.budget_band,
            )
            if score > 0:
                matches.append(PracticeMatch(practice=practice, score=score, reasons=reasons))
        matches.sort(key=lambda match: (-match.score, match.practice.title))
        result[municipality.pk] = matches[:limit]
    return result


def _practices_serving(group_ids: Iterable[int]):
    through = PracticePage.target_groups.through
    return through.objects.filter(targetgroup_id__in=list(group_ids)).values("practicepage_id")


def practices_for_municipality(
    *, municipality: Municipality, limit: int = SUGGESTIONS
) -> list[PracticeMatch]:
    """The best-matching published practices the municipality has not adopted, best first."""
    return practices_for_municipalities(municipalities=[municipality], limit=limit)[municipality.pk]


def municipalities_for_practice(
    *, practice: PracticePage, limit: int = SUGGESTIONS
) -> list[MunicipalityMatch]:
    """Municipalities whose recorded needs the practice meets, best first, leaving out its adopters."""
    groups = list(practice.target_groups.all())
    adopters = Adoption.all_objects.filter(practice=practice).values("municipality_id")
    candidates = (
        Municipality.objects.filter(
            Q(needed_themes=practice.theme_id) | Q(needed_target_groups__in=[g.pk for g in groups])
        )
        .exclude(pk__in=adopters)
        .distinct()
        .prefetch_related("needed_themes", "needed_target_groups")
    )
    matches = []
    for municipality in candidates:
        score, reasons = match_score(
            needs=Needs.of(municipality),
            theme_id=practice.theme_id,
            theme_name=practice.theme.name,
            target_groups=groups,
            budget_band=practice.budget_band,
        )
        if score > 0:
            matches.append(MunicipalityMatch(municipality=municipality, score=score, reasons=reasons))
    matches.sort(key=lambda match: (-match.score, match.municipality.name))
    return matches[:limit]


def municipalities_with_needs() -> QuerySet[Municipality]:
    """Confirmed municipalities with a recorded theme or target group need, newest first."""
    return (
        Municipality.objects.filter(confirmed=True)
        .filter(Q(needed_themes__isnull=False) | Q(needed_target_groups__isnull=False))
        .distinct()
        .order_by("-created_at", "name")
    )
