"""Read-only queries over the library, shared by pages, template tags, feeds and the search service."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet

from wagtail.images import get_image_model

from .models import PracticePage, TargetGroup, Theme

SORT_ORDERINGS: dict[str, tuple[str, ...]] = {
    "newest": ("-first_published_at", "-pk"),
    "title": ("title", "pk"),
    "most_adopted": ("-adoption_count", "title", "pk"),
    "start_year": ("-start_year", "title", "pk"),
}
DEFAULT_SORT = "newest"


@dataclass(frozen=True)
class PracticeFilters:
    """Validated library filters; empty tuples and None mean "no restriction"."""

    themes: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()
    evidence_levels: tuple[str, ...] = ()
    budget_bands: tuple[str, ...] = ()
    provinces: tuple[int, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_form_data(cls, data: dict[str, Any]) -> "PracticeFilters":
        return cls(
            themes=tuple(t.slug for t in data.get("theme") or ()),
            target_groups=tuple(g.slug for g in data.get("target_group") or ()),
            tags=(data["tag"],) if data.get("tag") else (),
            sdgs=tuple(s.number for s in data.get("sdg") or ()),
            statuses=tuple(data.get("status") or ()),
            evidence_levels=tuple(data.get("evidence") or ()),
            budget_bands=tuple(data.get("budget") or ()),
            provinces=(data["province"],) if data.get("province") else (),
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
        )


def published_practices() -> QuerySet[PracticePage]:
    return PracticePage.objects.live().public()


def filter_practices(queryset: QuerySet[PracticePage], filters: PracticeFilters) -> QuerySet[PracticePage]:
    """Apply every filter; values within one filter are OR-ed, different filters are AND-ed."""
    if filters.themes:
        queryset = queryset.filter(theme__slug__in=filters.themes)
    if filters.statuses:
        queryset = queryset.filter(status__in=filters.statuses)
    if filters.evidence_levels:
        queryset = queryset.filter(evidence_level__in=filters.evidence_levels)
    if filters.budget_bands:
        queryset = queryset.filter(budget_band__in=filters.budget_bands)
    if filters.provinces:
        queryset = queryset.filter(province__in=filters.provinces)
    if filters.year_from:
        queryset = queryset.filter(start_year__gte=filters.year_from)
    if filters.year_to:
        queryset = queryset.filter(start_year__lte=filters.year_to)
    # Many-to-many filters go through id subqueries so rows are never duplicated.
    if filters.target_groups:
        ids = PracticePage.target_groups.through.objects.filter(targetgroup__slug__in=filters.target_groups)
        queryset = queryset.filter(pk__in=ids.values("practicepage_id"))
    if filters.sdgs:
        ids = PracticePage.sdgs.through.objects.filter(sdg__number__in=filters.sdgs)
        queryset = queryset.filter(pk__in=ids.values("practicepage_id"))
    for tag in filters.tags:
        queryset = queryset.filter(pk__in=PracticePage.tags.through.objects.filter(tag__slug=tag).values("content_object_id"))
    return queryset


def sort_practices(queryset: QuerySet[PracticePage], sort: str | None) -> QuerySet[PracticePage]:
    return queryset.order_by(*SORT_ORDERINGS.get(sort or DEFAULT_SORT, SORT_ORDERINGS[DEFAULT_SORT]))


def with_listing_data(queryset: QuerySet[PracticePage]) -> QuerySet[PracticePage]:
    """Everything a practice card shows, fetched in a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions("fill-640x360", "fill-320x180")
    return queryset.select_related("theme").prefetch_related(
        Prefetch("hero_image", queryset=images),
        "target_groups",
        "tags",
    )


def related_practices(practice: PracticePage, *, limit: int = 3) -> list[PracticePage]:
    """Practices with the same theme or a shared tag, the most shared tags first."""
    tag_ids = list(practice.tags.values_list("pk", flat=True))
    candidates = (
        published_practices()
        .exclude(pk=practice.pk)
        .filter(Q(theme_id=practice.theme_id) | Q(tags__in=tag_ids))
        .annotate(shared_tags=Count("tags", filter=Q(tags__in=tag_ids), distinct=True))
        .order_by("-shared_tags", "-first_published_at", "pk")
    )
    ids = list(candidates.values_list("pk", flat=True).distinct()[: limit * 3])
    ordered = [pk for i, pk in enumerate(ids) if pk not in ids[:i]][:limit]
    pages = with_listing_data(PracticePage.objects.filter(pk__in=ordered)).in_bulk()
    return [pages[pk] for pk in ordered if pk in pages]


def practices_due_for_review(*, today: datetime.date | None = None) -> QuerySet[PracticePage]:
    """Practices whose last review is older than PRACTICE_REVIEW_MAX_AGE_DAYS, oldest first."""
    today = today or datetime.date.today()
    cutoff = today - datetime.timedelta(days=settings.PRACTICE_REVIEW_MAX_AGE_DAYS)
    return PracticePage.objects.filter(last_reviewed__lt=cutoff).select_related("theme").order_by("last_reviewed")


def featured_practices(*, limit: int = 3) -> list[PracticePage]:
    featured = list(with_listing_data(published_practices().filter(featured=True)).order_by("-first_published_at")[:limit])
    if len(featured) < limit:
        others = with_listing_data(published_practices().exclude(pk__in=[p.pk for p in featured]))
        featured += list(others.order_by("-first_published_at")[: limit - len(featured)])
    return featured


def themes_with_counts() -> QuerySet[Theme]:
    live_ids = published_practices().values("pk")
    return Theme.objects.annotate(practice_count=Count("practices", filter=Q(practices__in=live_ids)))


def target_groups_with_counts() -> QuerySet[TargetGroup]:
    live_ids = published_practices().values("pk")
    return TargetGroup.objects.annotate(practice_count=Count("practices", filter=Q(practices__in=live_ids)))


@dataclass(frozen=True)
class HeadlineFigures:
    practices: int
    themes: int
    provinces: int
    beneficiaries: int


def headline_figures() -> HeadlineFigures:
    from django.db.models import Sum

    live = published_practices()
    totals = live.aggregate(
        practices=Count("pk"),
        themes=Count("theme", distinct=True),
        provinces=Count("province", distinct=True),
        beneficiaries=Sum("beneficiaries_count"),
    )
    return HeadlineFigures(
        practices=totals["practices"],
        themes=totals["themes"],
        provinces=totals["provinces"],
        beneficiaries=totals["beneficiaries"] or 0,
    )


def case_study_sections(practice: PracticePage) -> dict[str, list]:
    """The inline children a case study shows, one query each (renditions prefetched for the gallery)."""
    images = get_image_model().objects.prefetch_renditions("fill-480x320")
    return {
        "metrics": list(practice.metrics.all()),
        "steps": list(practice.replication_steps.all()),
        "partners": list(practice.partners.all()),
        "documents": list(practice.documents.select_related("document")),
        "gallery": list(practice.gallery_images.prefetch_related(Prefetch("image", queryset=images))),
        "sdgs": list(practice.sdgs.all()),
        "tags": list(practice.tags.all()),
    }
