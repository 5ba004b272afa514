"""Database backend: Wagtail's search on the active database, facets by ORM aggregation in fixed queries."""

from dataclasses import replace

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from portal.provinces import PROVINCE_BY_PLATE
from portal.text import fold, turkish_lower, words
from practices import selectors
from practices.models import PracticePage, PracticeStatus, PracticeTag
from practices.selectors import PracticeFilters

from ..snippets import cached_vocabulary, has_match, highlight, suggest
from ..types import FacetValue, SearchHit, SearchQuery, SearchResult

TOP_TAGS = 20
MAX_TERMS = 10

# Which PracticeFilters field each facet ignores, so a facet's counts show what choosing another value gives.
FACET_FILTER_FIELD = {
    "theme": "themes",
    "target_group": "target_groups",
    "tag": "tags",
    "sdg": "sdgs",
    "status": "statuses",
    "province": "provinces",
    "start_year": ("year_from", "year_to"),
}


def practice_filters(query: SearchQuery, *, without: str | tuple[str, ...] = ()) -> PracticeFilters:
    """The query's library filters, with the named ones cleared (a facet ignores its own filter)."""
    names = (without,) if isinstance(without, str) else without
    return replace(query.filters, **{name: None if name.startswith("year_") else () for name in names})


def text_query(text: str):
    """Every word must match, as typed (Turkish lower case, stemmed by PostgreSQL) or folded."""
    parts = []
    for word in words(text)[:MAX_TERMS]:
        variants = sorted({turkish_lower(word), fold(word)})
        parts.append(PlainText(variants[0]) if len(variants) == 1 else Or([PlainText(v) for v in variants]))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


class DatabaseSearchBackend:
    name = "database"

    def __init__(self):
        self.wagtail_backend = get_search_backend()

    # Matching -----------------------------------------------------------------------------------------

    def matching(self, base: QuerySet, text: str) -> QuerySet | None:
        """Pages matching the text, ordered by relevance with title/tag matches first; None for no words."""
        query = text_query(text)
        if query is None:
            return None
        results = self.wagtail_backend.search(query, base, operator="and", order_by_relevance=True)
        matched = results.get_queryset()
        # Title and tag matches rank first on every database: SQLite's index weighs all body fields alike.
        strong_terms = " ".join(fold(word) for word in words(text)[:MAX_TERMS])
        strong = self.wagtail_backend.autocomplete(
            strong_terms, PracticePage.objects.all(), fields=None, order_by_relevance=False
        ).get_queryset()
        title_first = Case(
            When(pk__in=strong.order_by().values("pk"), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return matched.order_by(title_first.desc(), *matched.query.order_by)

    def search(self, query: SearchQuery) -> SearchResult:
        base = selectors.published_practices()
        matched = self.matching(base, query.text) if query.text.strip() else None
        text_active = matched is not None
        if matched is None:
            matched = base
        filtered = selectors.filter_practices(matched, practice_filters(query))
        sort = (
            query.effective_sort if text_active else ("newest" if query.sort == "relevance" else query.sort)
        )
        ordered = filtered if sort == "relevance" else selectors.sort_practices(filtered, sort)
        if text_active:
            # Evaluating the full-text match is the expensive part (PostgreSQL scans title || body), so it
            # runs once: all matching ids in order, then the page, the total and the facets from that list.
            ranked_ids = list(ordered.values_list("pk", flat=True))
            total = len(ranked_ids)
            page_ids = ranked_ids[query.offset : query.offset + query.page_size]
            loaded = selectors.with_listing_data(PracticePage.objects.filter(pk__in=page_ids)).in_bulk()
            pages = [loaded[pk] for pk in page_ids if pk in loaded]
        else:
            total = filtered.order_by().count()
            pages = list(selectors.with_listing_data(ordered)[query.offset : query.offset + query.page_size])
        hits = [self.hit(page, query.text if text_active else "") for page in pages]
        facets = {}
        if query.with_facets:
            if not text_active:
                facet_ids = base.order_by().values("pk")
            elif practice_filters(query) == PracticeFilters():
                facet_ids = ranked_ids
            else:
                facet_ids = self.text_match_ids(base, query.text)
            facets = self.facets(query, facet_ids)
        suggestion = None
        if text_active and total == 0:
            suggestion = suggest(query.text, cached_vocabulary(vocabulary_texts))
        return SearchResult(
            hits=hits,
            total=total,
            page=query.page,
            page_size=query.page_size,
            facets=facets,
            suggestion=suggestion,
            backend=self.name,
            took_ms=0.0,
        )

    def text_match_ids(self, base: QuerySet, text: str) -> list[int]:
        """Ids matching the text alone (facets ignore the filters they show), one unranked query."""
        unranked = self.wagtail_backend.search(
            text_query(text), base, operator="and", order_by_relevance=False
        )
        return list(unranked.get_queryset().order_by().values_list("pk", flat=True))

    def autocomplete(self, text: str, *, limit: int = 8) -> list[dict]:
        """Titles whose words start with what was typed (folded, so "cocu" completes "Çocuk")."""
        terms = " ".join(fold(word) for word in words(text)[:MAX_TERMS])
        if not terms:
            return []
        results = self.wagtail_backend.autocomplete(
            terms, selectors.published_practices(), order_by_relevance=True
        )
        return [{"title": page.title, "url": page.url} for page in results[:limit]]

    def health(self) -> dict[str, str]:
        return {"search": f"ok ({self.name})"}

    # Hits and facets ----------------------------------------------------------------------------------

    @staticmethod
    def hit(page: PracticePage, text: str) -> SearchHit:
        return make_hit(page, text)

    def facets(self, query: SearchQuery, matched_ids: list[int] | QuerySet) -> dict[str, list[FacetValue]]:
        """One aggregate query per facet; each ignores its own filter (like Elasticsearch's post_filter)."""

        def subset(facet: str) -> list[int] | QuerySet:
            filters = practice_filters(query, without=FACET_FILTER_FIELD[facet])
            if filters == PracticeFilters():
                return matched_ids
            return selectors.filter_practices(
                PracticePage.objects.filter(pk__in=matched_ids), filters
            ).values("pk")

        facets: dict[str, list[FacetValue]] = {}
        rows = (
            PracticePage.objects.filter(pk__in=subset("theme"))
            .values("theme__slug", "theme__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "theme__name")
        )
        facets["theme"] = [
            FacetValue(r["theme__slug"], r["theme__name"], r["n"], r["theme__slug"] in query.themes)
            for r in rows
        ]
        through = PracticePage.target_groups.through
        rows = (
            through.objects.filter(practicepage_id__in=subset("target_group"))
            .values("targetgroup__slug", "targetgroup__name", "targetgroup__life_stage_order")
            .annotate(n=Count("practicepage_id", distinct=True))
            .order_by("targetgroup__life_stage_order", "targetgroup__name")
        )
        facets["target_group"] = [
            FacetValue(
                r["targetgroup__slug"],
                r["targetgroup__name"],
                r["n"],
                r["targetgroup__slug"] in query.target_groups,
            )
            for r in rows
        ]
        rows = (
            PracticeTag.objects.filter(content_object_id__in=subset("tag"))
            .values("tag__slug", "tag__name")
            .annotate(n=Count("content_object_id", distinct=True))
            .order_by("-n", "tag__name")[:TOP_TAGS]
        )
        facets["tag"] = [
            FacetValue(r["tag__slug"], r["tag__name"], r["n"], r["tag__slug"] in query.tags) for r in rows
        ]
        through = PracticePage.sdgs.through
        rows = (
            through.objects.filter(practicepage_id__in=subset("sdg"))
            .values("sdg__number", "sdg__name")
            .annotate(n=Count("practicepage_id", distinct=True))
            .order_by("sdg__number")
        )
        facets["sdg"] = [
            FacetValue(
                str(r["sdg__number"]),
                f"{r['sdg__number']}. {r['sdg__name']}",
                r["n"],
                r["sdg__number"] in query.sdgs,
            )
            for r in rows
        ]
        labels = dict(PracticeStatus.choices)
        rows = (
            PracticePage.objects.filter(pk__in=subset("status"))
            .values("status")
            .annotate(n=Count("pk"))
            .order_by("status")
        )
        facets["status"] = [
            FacetValue(
                r["status"], str(labels.get(r["status"], r["status"])), r["n"], r["status"] in query.statuses
            )
            for r in rows
        ]
        rows = (
            PracticePage.objects.filter(pk__in=subset("province"))
            .values("province")
            .annotate(n=Count("pk"))
            .order_by("-n", "province")
        )
        facets["province"] = [
            FacetValue(
                str(r["province"]), province_label(r["province"]), r["n"], r["province"] in query.provinces
            )
            for r in rows
        ]
        rows = (
            PracticePage.objects.filter(pk__in=subset("start_year"))
            .values("start_year")
            .annotate(n=Count("pk"))
            .order_by("-start_year")
        )
        facets["start_year"] = [
            FacetValue(
                str(r["start_year"]), str(r["start_year"]), r["n"], year_selected(r["start_year"], query)
            )
            for r in rows
        ]
        return facets


def province_label(plate: int) -> str:
    province = PROVINCE_BY_PLATE.get(plate)
    return province.name if province else str(plate)


def year_selected(year: int, query: SearchQuery) -> bool:
    if query.year_from is None and query.year_to is None:
        return False
    return (query.year_from or year) <= year <= (query.year_to or year)


def body_text(page: PracticePage) -> str:
    return " ".join(part for part in (page.problem, page.approach, page.results, page.lessons) if part)


def make_hit(page: PracticePage, text: str) -> SearchHit:
    """A hit for one page; the snippet comes from the summary, or from the body when only the body matches."""
    source = page.summary
    if text and not has_match(page.summary, text):
        body = body_text(page)
        if has_match(body, text):
            source = body
    return SearchHit(
        page_id=page.pk,
        title=page.title,
        summary=page.summary,
        highlight=highlight(source, text),
        url=page.url or "",
        theme=page.theme.name if page.theme_id else "",
        theme_slug=page.theme.slug if page.theme_id else "",
        tags=tuple(tag.name for tag in page.tags.all()),
        start_year=page.start_year,
        province=page.province_name,
        status=page.status,
        first_published_at=page.first_published_at.isoformat() if page.first_published_at else None,
        page=page,
    )


def vocabulary_texts() -> list[str]:
    """Titles, tags and theme names of published practices: the words a suggestion may use."""
    live = selectors.published_practices()
    texts = list(live.values_list("title", flat=True))
    texts += list(live.values_list("theme__name", flat=True).distinct())
    texts += list(
        PracticeTag.objects.filter(content_object__in=live).values_list("tag__name", flat=True).distinct()
    )
    return texts
