"""Read-only queries over the library, shared by pages, template tags, feeds and the search service."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet

from wagtail.images import get_image_model

from taggit.models import Tag

from .models import PracticePage, PracticeTag, TargetGroup, Theme

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

    @classmethod
    def from_form_data(cls, data: dict[str, Any]) -> "PracticeFilters":
        """Build filters from LibraryFilterForm.cleaned_data (slugs, numbers and choice values)."""
        return cls(
            themes=tuple(data.get("theme") or ()),
            target_groups=tuple(data.get("target_group") or ()),
            tags=tuple(data.get("tag") or ()),
            sdgs=tuple(data.get("sdg") or ()),
            statuses=tuple(data.get("status") or ()),
            evidence_levels=tuple(data.get("evidence") or ()),
            budget_bands=tuple(data.get("budget") or ()),
            provinces=tuple(data.get("province") or ()),
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
    if filters.tags:
        ids = PracticePage.tags.through.objects.filter(tag__slug__in=filters.tags)
        queryset = queryset.filter(pk__in=ids.values("content_object_id"))
    return queryset


def used_tags() -> QuerySet[Tag]:
    """Tags carried by at least one published practice, A–Z: the vocabulary of the tag filter."""
    live_ids = published_practices().values("pk")
    tag_ids = PracticeTag.objects.filter(content_object_id__in=live_ids).values("tag_id")
    return Tag.objects.filter(pk__in=tag_ids).order_by("name")


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


def related_practices(
    practice: PracticePage, *, tags: list[Tag] | None = None, limit: int = 3
) -> list[PracticePage]:
    """Published practices with the same theme or a shared tag, the most shared tags first."""
    # From the in-memory tags so previews (unsaved tags) work and the page's tags are not fetched twice.
    tag_ids = [tag.pk for tag in (practice.tags.all() if tags is None else tags) if tag.pk]
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
    overdue = PracticePage.objects.filter(last_reviewed__lt=cutoff).select_related("theme")
    return overdue.order_by("last_reviewed", "title", "pk")


def featured_practices(*, limit: int = 3) -> list[PracticePage]:
    """Practices marked as featured, newest first, topped up with the newest others to fill ``limit``."""
    newest_first = ("-first_published_at", "-pk")
    featured = list(
        with_listing_data(published_practices().filter(featured=True)).order_by(*newest_first)[:limit]
    )
    if len(featured) < limit:
        others = with_listing_data(published_practices().exclude(pk__in=[p.pk for p in featured]))
        featured += list(others.order_by(*newest_first)[: limit - len(featured)])
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


def case_study_sections(practice: PracticePage) -> dict[str, Any]:
    """What a case study shows besides its own fields, one query each (renditions prefetched)."""
    images = get_image_model().objects.prefetch_renditions("fill-1200x600", "fill-480x320")
    hero_image = images.filter(pk=practice.hero_image_id).first() if practice.hero_image_id else None
    return {
        "hero_image": hero_image,
        "index_page": practice.get_parent().specific,
        "target_groups": list(practice.target_groups.all()),
        "metrics": list(practice.metrics.all()),
        "steps": list(practice.replication_steps.all()),
        "partners": list(practice.partners.all()),
        "documents": list(practice.documents.select_related("document")),
        "gallery": list(practice.gallery_images.prefetch_related(Prefetch("image", queryset=images))),
        "sdgs": list(practice.sdgs.all()),
        "tags": list(practice.tags.all()),
    }
