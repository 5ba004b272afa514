"""Read-only queries over the library, shared by pages, template tags, feeds and the search service."""

import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, prefetch_related_objects

from wagtail.images import get_image_model

from taggit.models import Tag

from portal.collation import TurkishOrder

from .filters import DEFAULT_LIBRARY_SORT, FILTERS, PracticeFilters
from .models import PracticePage, PracticeTag, TargetGroup, Theme

__all__ = ["PracticeFilters", "filter_practices", "published_practices"]

# The through table and practice column of each many-to-many filter of the vocabulary.
MANY_TO_MANY_TABLES = {
    "target_group": (PracticePage.target_groups.through, "practicepage_id"),
    "sdg": (PracticePage.sdgs.through, "practicepage_id"),
    "tag": (PracticeTag, "content_object_id"),
}

SORT_ORDERINGS: dict[str, tuple] = {
    "newest": ("-first_published_at", "-pk"),
    "title": (TurkishOrder("title"), "pk"),
    "most_adopted": ("-adoption_count", TurkishOrder("title"), "pk"),
    "start_year": ("-start_year", TurkishOrder("title"), "pk"),
}
DEFAULT_SORT = DEFAULT_LIBRARY_SORT
from portal.languages import active_language, locale_id


def published_practices() -> QuerySet[PracticePage]:
    return PracticePage.objects.live().public()


def filter_practices(queryset: QuerySet[PracticePage], filters: PracticeFilters) -> QuerySet[PracticePage]:
    """Apply every filter of the vocabulary: values within one filter are OR-ed, different filters AND-ed."""
    for spec in FILTERS:
        values = filters.values_of(spec.param)
        if not values:
            continue
        if spec.many:
            # Many-to-many filters go through id subqueries so rows are never duplicated.
            through, column = MANY_TO_MANY_TABLES[spec.param]
            ids = through.objects.filter(**{f"{spec.field}__in": values}).values(column)
            queryset = queryset.filter(pk__in=ids)
        else:
            queryset = queryset.filter(**{f"{spec.field}__in": values})
    if filters.year_from:
        queryset = queryset.filter(start_year__gte=filters.year_from)
    if filters.year_to:
        queryset = queryset.filter(start_year__lte=filters.year_to)
    return queryset


def used_tags() -> QuerySet[Tag]:
    """Tags carried by at least one published practice, A–Z: the vocabulary of the tag filter."""
    # A correlated "first practice with this tag" per tag: the database stops at the first hit instead of
    # joining every tagging of every practice (34 ms → under 1 ms at 10,000 practices on PostgreSQL).
    first_use = published_practices().filter(tagged_items__tag_id=OuterRef("pk")).order_by().values("pk")[:1]
    return (
        Tag.objects.alias(first_use=Subquery(first_use))
        .filter(first_use__isnull=False)
        .order_by(TurkishOrder("name"), "pk")
    """Every live, public practice in every language (indexing, sitemaps, feeds)."""
    )


def practices_for_reader(language: str | None = None) -> QuerySet[PracticePage]:
    """What a reader of ``language`` (the address's) is shown: the practices written in it, and the
    originals (Turkish) that have no live translation in it, which pages mark as such."""
    live = published_practices()
    default_pk = locale_id(settings.LANGUAGE_CODE)
    pk = locale_id(language or active_language())
    if default_pk is None:
        return live
    if pk is None or pk == default_pk:
        return live.filter(locale_id=default_pk)
    translated = live.filter(locale_id=pk).values("translation_key")
    return live.filter(Q(locale_id=pk) | (Q(locale_id=default_pk) & ~Q(translation_key__in=translated)))


def sort_practices(queryset: QuerySet[PracticePage], sort: str | None) -> QuerySet[PracticePage]:
    return queryset.order_by(*SORT_ORDERINGS.get(sort or DEFAULT_SORT, SORT_ORDERINGS[DEFAULT_SORT]))


def renditions(lookup: str, *filter_specs: str) -> Prefetch:
    """Prefetch the renditions of an image reached through ``lookup`` (an image relation loaded with
    select_related), where Wagtail's ``{% image %}`` tag looks for them: one query for every image."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{lookup}__renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=filter_specs),
        to_attr="prefetched_renditions",
    )


def with_card_data(queryset: QuerySet[PracticePage]) -> QuerySet[PracticePage]:
    """Everything a practice card shows (components/_practice_card.html), in a fixed number of queries."""
    return queryset.select_related("theme", "hero_image").prefetch_related(
        renditions("hero_image", "fill-640x360", "fill-320x180"), "target_groups"
    )


def with_listing_data(queryset: QuerySet[PracticePage]) -> QuerySet[PracticePage]:
    """A card's data and the tags, which search results and the search index show too."""
    return with_card_data(queryset).prefetch_related("tags")


def related_practices(
    practice: PracticePage, *, tags: list[Tag] | None = None, limit: int = 3
) -> list[PracticePage]:
    """Published practices sharing the most tags (the most recently added first among equals), topped up
    with the newest of the same theme.

    A fixed number of small queries whatever the size of the library. Shared tags are counted on the tag
    table alone, over this page's own tags: no join with the pages, which at 10,000 practices cost more
    than the count. A few extra candidates stand in for drafts and restricted pages, which the final load
    (published practices only) leaves out.
    """
    # From the in-memory tags so previews (unsaved tags) work and the page's tags are not fetched twice.
    tag_ids = [tag.pk for tag in (practice.tags.all() if tags is None else tags) if tag.pk]
    by_shared_tags = (
        PracticeTag.objects.filter(tag_id__in=tag_ids)
        .exclude(content_object_id=practice.pk)
        .values("content_object_id")
        .annotate(shared=Count("tag_id"))
        .order_by("-shared", "-content_object_id")
        .values_list("content_object_id", flat=True)
    )
    sharing = list(by_shared_tags[: limit * 3]) if tag_ids else []
    same_theme = (
        PracticePage.objects.live()
        .filter(theme_id=practice.theme_id)
        .exclude(pk__in=[practice.pk, *sharing])
        .order_by("-first_published_at", "pk")
    )
    candidates = sharing + list(same_theme.values_list("pk", flat=True)[:limit])
    pages = with_card_data(practices_for_reader().filter(pk__in=candidates)).in_bulk()
    return [pages[pk] for pk in candidates if pk in pages][:limit]


def practices_due_for_review(*, today: datetime.date | None = None) -> QuerySet[PracticePage]:
    """Practices whose last review is older than PRACTICE_REVIEW_MAX_AGE_DAYS, oldest first."""
    today = today or datetime.date.today()
    cutoff = today - datetime.timedelta(days=settings.PRACTICE_REVIEW_MAX_AGE_DAYS)
    overdue = PracticePage.objects.filter(last_reviewed__lt=cutoff).select_related("theme")
    return overdue.order_by("last_reviewed", "title", "pk")


def featured_practices(*, limit: int = 3) -> list[PracticePage]:
    """Practices marked as featured, newest first, topped up with the newest others to fill ``limit``
    (one pass: the featured sort first, so a home page with too few featured practices costs no more)."""
    ordered = practices_for_reader().order_by("-featured", "-first_published_at", "-pk")
    return list(with_card_data(ordered)[:limit])


def themes_with_counts() -> QuerySet[Theme]:
    live_ids = practices_for_reader().values("pk")
    return Theme.objects.annotate(practice_count=Count("practices", filter=Q(practices__in=live_ids)))


def target_groups_with_counts() -> QuerySet[TargetGroup]:
    live_ids = practices_for_reader().values("pk")
    return TargetGroup.objects.annotate(practice_count=Count("practices", filter=Q(practices__in=live_ids)))


def case_study_sections(practice: PracticePage) -> dict[str, Any]:
    """What the case study and its replication kit both show besides the page's own fields, one query each."""
    return {
        "index_page": practice.get_parent().specific,
        "target_groups": list(practice.target_groups.all()),
        "metrics": list(practice.metrics.all()),
        "steps": list(practice.replication_steps.all()),
        "partners": list(practice.partners.all()),
        "documents": list(practice.documents.select_related("document")),
        "sdgs": list(practice.sdgs.all()),
    }


def case_study_media(practice: PracticePage) -> dict[str, Any]:
    """What only the case study page shows (the printable kit leaves it out): images and tags."""
    hero_image = practice.hero_image
    if hero_image is not None:
        prefetch_related_objects([practice], renditions("hero_image", "fill-1200x600", "fill-480x320"))
    gallery = practice.gallery_images.select_related("image").prefetch_related(
        renditions("image", "fill-480x320")
    )
    return {"hero_image": hero_image, "gallery": list(gallery), "tags": list(practice.tags.all())}
