"""Read-only queries over the library, shared by pages, template tags, feeds and the search service."""

import datetime
import functools
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import (
    Count,
    F,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from taggit.models import Tag

from portal.collation import TurkishOrder
from portal.languages import active_language, locale_id

from .digest import not_restricted as digest_not_restricted
from .digest import reader_scope
from .filters import DEFAULT_LIBRARY_SORT, FILTERS, PracticeFilters
from .models import (
    SDG,
    PracticeDocument,
    PracticeGalleryImage,
    PracticeMetric,
    PracticePage,
    PracticePartner,
    PracticeTag,
    ReplicationStep,
    TargetGroup,
    Theme,
)

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


def published_practices() -> QuerySet[PracticePage]:
    """Every live, public practice in every language (indexing, sitemaps, feeds)."""
    return PracticePage.objects.live().public()


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
    )


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


# The practice page from its digest ----------------------------------------------------------------------

# Rendition specs the practice page uses: its hero, its gallery, and the related practices' cards.
PAGE_RENDITIONS = ("fill-1200x600", "fill-480x320", "fill-640x360", "fill-320x180")


def _as_text(expression) -> Cast:
    return Cast(expression, output_field=TextField())


def _to_python(field, text: str | None):
    """A column read back from its text form (see case_study_rows), as the ORM would have given it."""
    if text is None:
        return None
    internal = field.get_internal_type()
    if internal == "BooleanField":
        return text.lower() in ("1", "t", "true")
    if internal == "DecimalField":
        return Decimal(text).quantize(Decimal(1).scaleb(-field.decimal_places))
    if internal == "JSONField":
        return json.loads(text)
    if internal == "DateTimeField":
        value = parse_datetime(text.replace(" ", "T", 1))
        if value is not None and settings.USE_TZ and timezone.is_naive(value):
            value = timezone.make_aware(value, datetime.UTC)
        return value
    return field.to_python(text)


@dataclass(frozen=True)
class _Relation:
    """One relation of the case study in the union: rows of ``model`` reached from ``queryset`` through
    ``prefix`` (the through table's path to the target model, or "" for the rows themselves)."""

    kind: str
    model: type[Model]
    queryset: QuerySet
    owner: str
    order: str
    prefix: str = ""
    skip: tuple[str, ...] = ()

    def fields(self) -> list:
        return [f for f in self.model._meta.concrete_fields if f.attname not in self.skip]


# The page shows the rows of one locale (the page's own): their translation keys and locale are not read.
_TRANSLATION_COLUMNS = ("translation_key", "locale_id")


def _relations(practice_id: int, card_ids: list[int]) -> list[_Relation]:
    document_model = get_document_model()
    image_model = get_image_model()
    groups = PracticePage.target_groups.through
    sdgs = PracticePage.sdgs.through
    documents = PracticeDocument.objects.filter(page_id=practice_id)
    gallery = PracticeGalleryImage.objects.filter(page_id=practice_id)
    return [
        _Relation(
            "target_groups",
            TargetGroup,
            groups.objects.filter(practicepage_id__in=[practice_id, *card_ids]),
            "practicepage_id",
            "targetgroup__life_stage_order",
            prefix="targetgroup__",
        ),
        _Relation(
            "sdgs",
            SDG,
            sdgs.objects.filter(practicepage_id=practice_id),
            "practicepage_id",
            "sdg__number",
            prefix="sdg__",
        ),
        _Relation(
            "tags",
            Tag,
            PracticeTag.objects.filter(content_object_id=practice_id),
            "content_object_id",
            "id",
            prefix="tag__",
        ),
        _Relation(
            "metrics",
            PracticeMetric,
            PracticeMetric.objects.filter(page_id=practice_id),
            "page_id",
            "sort_order",
            skip=_TRANSLATION_COLUMNS,
        ),
        _Relation(
            "steps",
            ReplicationStep,
            ReplicationStep.objects.filter(page_id=practice_id),
            "page_id",
            "sort_order",
            skip=_TRANSLATION_COLUMNS,
        ),
        _Relation(
            "partners",
            PracticePartner,
            PracticePartner.objects.filter(page_id=practice_id),
            "page_id",
            "sort_order",
            skip=_TRANSLATION_COLUMNS,
        ),
        # The document's extracted text is for search; the page does not need it.
        _Relation(
            "documents",
            PracticeDocument,
            documents,
            "page_id",
            "sort_order",
            skip=("text", *_TRANSLATION_COLUMNS),
        ),
        _Relation(
            "document_files",
            document_model,
            document_model.objects.filter(pk__in=documents.values("document_id")),
            "id",
            "id",
        ),
        _Relation(
            "gallery", PracticeGalleryImage, gallery, "page_id", "sort_order", skip=_TRANSLATION_COLUMNS
        ),
        _Relation(
            "images", image_model, image_model.objects.filter(pk__in=gallery.values("image_id")), "id", "id"
        ),
    ]


# Compiling the union costs more than running it (tens of milliseconds of ORM work for nine querysets), and
# its shape depends only on the number of related cards: it is compiled once per shape and process with
# stand-in ids, which each request swaps for its own (the ids are the only parameters that change).
_PRACTICE_STAND_IN = -917_001
_CARD_STAND_INS = tuple(-917_101 - n for n in range(16))
_UNION_SQL: dict[tuple[str, int], tuple[str, tuple]] = {}


def _union_sql(card_count: int) -> tuple[str, tuple]:
    key = (connection.vendor, card_count)
    if key not in _UNION_SQL:
        relations = _relations(_PRACTICE_STAND_IN, list(_CARD_STAND_INS[:card_count]))
        width = max(len(relation.fields()) for relation in relations)
        union = None
        for relation in relations:
            fields = relation.fields()
            columns = {
                "u_kind": Value(relation.kind, output_field=TextField()),
                "u_owner": F(relation.owner),
                "u_order": F(relation.order),
            }
            for n in range(width):
                if n < len(fields):
                    columns[f"u_{n}"] = _as_text(F(relation.prefix + fields[n].attname))
                else:
                    columns[f"u_{n}"] = Value(None, output_field=TextField())
            part = relation.queryset.order_by().annotate(**columns).values_list(*columns)
            union = part if union is None else union.union(part, all=True)
        assert union is not None  # there is always at least one relation
        _UNION_SQL[key] = union.query.sql_with_params()
    return _UNION_SQL[key]


@functools.cache
def _kinds() -> dict[str, tuple[_Relation, list]]:
    return {relation.kind: (relation, relation.fields()) for relation in _relations(0, [])}


def case_study_rows(practice_id: int, card_ids: list[int]) -> dict[str, dict[int, list[Model]]]:
    """Every relation the practice page shows, in ONE query: a UNION ALL of the rows of each relation with
    their columns as text, read back into model instances (kind -> owner id -> rows in display order)."""
    card_ids = list(card_ids)[: len(_CARD_STAND_INS)]
    sql, params = _union_sql(len(card_ids))
    swap = {_PRACTICE_STAND_IN: practice_id} | dict(zip(_CARD_STAND_INS, card_ids, strict=False))
    with connection.cursor() as cursor:
        cursor.execute(sql, [swap.get(param, param) if isinstance(param, int) else param for param in params])
        rows = cursor.fetchall()
    by_kind = _kinds()
    result: dict[str, dict[int, list]] = {kind: {} for kind in by_kind}
    rows.sort(key=lambda row: (row[0], row[1], row[2] if row[2] is not None else 0))
    for kind, owner, _order, *texts in rows:
        relation, fields = by_kind[kind]
        values = [_to_python(field, text) for field, text in zip(fields, texts, strict=False)]
        instance = relation.model.from_db(DEFAULT_DB_ALIAS, [f.attname for f in fields], values)
        result[kind].setdefault(owner, []).append(instance)
    return result


def _rows(rows: dict[str, dict[int, list]], kind: str, owner: int) -> list:
    return rows[kind].get(owner, [])


def practice_page_shell(practice: PracticePage, *, fragment: dict[str, Any]) -> dict[str, Any]:
    """What the case study page renders live around its stored fragment (practices.digest): the breadcrumb's
    library, and the steps, tags and hero image the share metadata names, rebuilt from the fragment without
    a query."""
    return {
        "index_page": practice.get_parent().specific,
        "share_image": fragment["share_image"],
        "steps": [ReplicationStep(page_id=practice.pk, **step) for step in fragment["steps"]],
        "tags": [Tag(name=tag["name"], slug=tag["slug"]) for tag in fragment["tags"]],
        "untranslated": fragment.get("untranslated", []),
        "source_language": settings.LANGUAGE_CODE,
        "fragment": fragment,
    }


def practice_page_context(practice: PracticePage, *, related: list[int], limit: int) -> dict[str, Any]:
    """What the case study page shows besides the page's own fields, from the digest's related ids:
    the related cards (one query), every relation of the case study and the cards' target groups (one
    union query), and the renditions of every image on the page (one query)."""
    cards_by_pk = (
        PracticePage.objects.live()
        .filter(digest_not_restricted(), reader_scope(practice.locale_id, practice.translation_key))
        .filter(pk__in=related)
        .select_related("theme", "hero_image")
        .in_bulk()
        if related
        else {}
    )
    cards = [cards_by_pk[pk] for pk in related if pk in cards_by_pk][:limit]
    rows = case_study_rows(practice.pk, [card.pk for card in cards])
    for card in cards:
        # modelcluster's set() keeps the list in memory (no query) sorted by TargetGroup's Meta.ordering
        # (life stage, then name), so the card's target_groups.all() costs nothing.
        card.target_groups.set(_rows(rows, "target_groups", card.pk))
    files = {document.pk: document for documents in rows["document_files"].values() for document in documents}
    documents = _rows(rows, "documents", practice.pk)
    for item in documents:
        item.document = files[item.document_id]
    images = {image.pk: image for found in rows["images"].values() for image in found}
    gallery = [item for item in _rows(rows, "gallery", practice.pk) if item.image_id in images]
    for item in gallery:
        item.image = images[item.image_id]
    page_images = [image for image in (practice.hero_image, *(c.hero_image for c in cards)) if image] + list(
        images.values()
    )
    if page_images:
        rendition_model = get_image_model().get_rendition_model()
        prefetch_related_objects(
            page_images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=PAGE_RENDITIONS),
                to_attr="prefetched_renditions",
            ),
        )
    return {
        "index_page": practice.get_parent().specific,
        "target_groups": sorted(
            _rows(rows, "target_groups", practice.pk), key=lambda g: (g.life_stage_order, g.name)
        ),
        "metrics": _rows(rows, "metrics", practice.pk),
        "steps": _rows(rows, "steps", practice.pk),
        "partners": _rows(rows, "partners", practice.pk),
        "documents": documents,
        "sdgs": _rows(rows, "sdgs", practice.pk),
        "hero_image": practice.hero_image,
        "gallery": gallery,
        "tags": _rows(rows, "tags", practice.pk),
        "related_practices": cards,
    }
