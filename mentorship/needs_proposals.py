"""Needs a visitor proposed with a study-visit request for a municipality mentors already confirmed.

The public form never changes a confirmed municipality's needs (mentorship.public.services stores them on
the request); mentors apply them to the municipality, or discard them, from the request's admin page.
"""

from dataclasses import dataclass

from django.db import transaction

from practices.models import TargetGroup, Theme

from .models import Municipality, Visit


@dataclass(frozen=True)
class ProposedNeeds:
    """The themes and target groups proposed with one request, each marked if the municipality has it."""

    themes: tuple[Theme, ...]
    target_groups: tuple[TargetGroup, ...]
    new_theme_ids: frozenset[int]
    new_target_group_ids: frozenset[int]

    @property
    def empty(self) -> bool:
        return not self.themes and not self.target_groups

    @property
    def adds_anything(self) -> bool:
        return bool(self.new_theme_ids or self.new_target_group_ids)


def visit_proposed_needs(*, visit: Visit) -> ProposedNeeds:
    """What the request proposes, and which of it the municipality does not have yet (four queries)."""
    themes = tuple(visit.proposed_themes.order_by("sort_order", "name"))
    groups = tuple(visit.proposed_target_groups.order_by("life_stage_order", "name"))
    if not themes and not groups:
        return ProposedNeeds((), (), frozenset(), frozenset())
    municipality = visit.municipality
    has_themes = set(municipality.needed_themes.values_list("pk", flat=True))
    has_groups = set(municipality.needed_target_groups.values_list("pk", flat=True))
    return ProposedNeeds(
        themes=themes,
        target_groups=groups,
        new_theme_ids=frozenset(t.pk for t in themes if t.pk not in has_themes),
        new_target_group_ids=frozenset(g.pk for g in groups if g.pk not in has_groups),
    )


@transaction.atomic
def visit_proposed_needs_apply(*, visit: Visit) -> int:
    """Add the request's proposed needs to its municipality (never removing any) and clear the proposal.

    Returns how many needs the municipality did not have before (0 if the proposal was already handled).
    """
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    municipality = Municipality.objects.get(pk=locked.municipality_id)
    themes = set(locked.proposed_themes.values_list("pk", flat=True))
    groups = set(locked.proposed_target_groups.values_list("pk", flat=True))
    added = len(themes - set(municipality.needed_themes.values_list("pk", flat=True)))
    added += len(groups - set(municipality.needed_target_groups.values_list("pk", flat=True)))
    municipality.needed_themes.add(*themes)
    municipality.needed_target_groups.add(*groups)
    locked.proposed_themes.clear()
    locked.proposed_target_groups.clear()
    return added


@transaction.atomic
def visit_proposed_needs_discard(*, visit: Visit) -> bool:
    """Drop the proposal without touching the municipality; False if there was none."""
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    had = locked.proposed_themes.exists() or locked.proposed_target_groups.exists()
    locked.proposed_themes.clear()
    locked.proposed_target_groups.clear()
    return had
