"""Database backend: Wagtail's search on the active database, facets by ORM aggregation in one query."""

from django.db import connection
from django.db.models import Case, F, IntegerField, QuerySet, Value, When

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from portal.text import fold, words
from practices import selectors
from practices.models import PracticePage, PracticeTag

from ..snippets import cached_vocabulary, has_match, highlight, suggest
from ..synonyms import expand
from ..types import SearchHit, SearchQuery, SearchResult
from .facets import BrowseScope, FacetScope, browse_facet_counts, facet_counts, province_label

__all__ = ["DatabaseSearchBackend", "make_hit", "province_label"]

MAX_TERMS = 10


def text_query(text: str):
    """Every word must match: as typed, folded, by a Turkish stem or by a synonym (search/synonyms.py)."""
    parts = []
    for alternatives in expand(text):
        options = [PlainText(word) for word in alternatives.words]
        options += [Phrase(phrase) for phrase in alternatives.phrases]
        parts.append(options[0] if len(options) == 1 else Or(options))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


class DatabaseSearchBackend:
    name = "database"

    def __init__(self):
        self.wagtail_backend = get_search_backend()

    # Matching -----------------------------------------------------------------------------------------

    def matching(self, base: QuerySet, text: str) -> QuerySet | None:
        """Pages of ``base`` matching the text, by relevance, title/tag matches first; None for no words."""
        query = text_query(text)
        if query is None:
            return None
        # modelsearch gets every practice and ``base`` is ANDed on afterwards: modelsearch refuses filters it
        # cannot translate into its own (such as an Exists() in the published/public restriction).
        everything = PracticePage.objects.all()
        matched = self.wagtail_backend.search(
            query, everything, operator="and", order_by_relevance=True
        ).get_queryset()
        relevance = matched.query.order_by
        # Title and tag matches rank first on every database: SQLite's index weighs all body fields alike.
        strong_terms = " ".join(fold(word) for word in words(text)[:MAX_TERMS])
        strong = self.wagtail_backend.autocomplete(
            strong_terms, everything, fields=None, order_by_relevance=False
        )
        if connection.vendor == "postgresql":
            # The matched row's own index entry already holds the autocomplete vector: test it in place
            # rather than running the autocomplete search over every practice as a subquery.
            compiler = strong.query_compiler
            prefix_query = compiler.build_tsquery(
                compiler.query, config=compiler.get_config(self.wagtail_backend)
            )
            matched = matched.alias(_autocomplete_=F("index_entries__autocomplete"))
            condition = When(_autocomplete_=prefix_query, then=Value(1))
        else:
            condition = When(pk__in=strong.get_queryset().order_by().values("pk"), then=Value(1))
        title_first = Case(condition, default=Value(0), output_field=IntegerField())
        return (matched & base).order_by(title_first.desc(), *relevance)

    def search(self, query: SearchQuery) -> SearchResult:
        base = selectors.published_practices()
        matched = self.matching(base, query.text) if query.text.strip() else None
        filters = query.filters
        facets: dict = {}
        if matched is not None:
            # The full-text match is the expensive part, so it runs once: every match in order, with what
            # the facets count and whether it passes each filter; the page, total and facets come from it.
            sort = query.effective_sort
            scope = FacetScope(
                matched if sort == "relevance" else selectors.sort_practices(matched, sort),
                filters,
                by_ids=True,
            )
            ranked_ids = [row.pk for row in scope.passing()]
            total = len(ranked_ids)
            page_ids = ranked_ids[query.offset : query.offset + query.page_size]
            loaded = selectors.with_listing_data(PracticePage.objects.filter(pk__in=page_ids)).in_bulk()
            pages = [loaded[pk] for pk in page_ids if pk in loaded]
        else:
            filtered = selectors.filter_practices(base, filters)
            if query.with_facets:
                total, facets = browse_facet_counts(query, BrowseScope(base, filters))
            else:
                total = filtered.order_by().count()
            sort = "newest" if query.sort == "relevance" else query.sort
            ordered = selectors.sort_practices(filtered, sort)
            pages = list(selectors.with_listing_data(ordered)[query.offset : query.offset + query.page_size])
        text = query.text if matched is not None else ""
        hits = [self.hit(page, text) for page in pages]
        if matched is not None and query.with_facets:
            facets = facet_counts(query, scope)
        suggestion = None
        if matched is not None and total == 0:
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

    def autocomplete(self, text: str, *, limit: int = 8) -> list[dict]:
        """Titles whose words start with what was typed (folded, so "cocu" completes "Çocuk")."""
        terms = " ".join(fold(word) for word in words(text)[:MAX_TERMS])
        if not terms:
            return []
        # As in matching(): modelsearch gets every practice, the published/public restriction comes after.
        results = self.wagtail_backend.autocomplete(
            terms, PracticePage.objects.all(), order_by_relevance=True
        ).get_queryset()
        pages = (results & selectors.published_practices()).order_by(*results.query.order_by)[:limit]
        return [{"title": page.title, "url": page.url} for page in pages]

    def health(self) -> dict[str, str]:
        return {"search": f"ok ({self.name})"}

    @staticmethod
    def hit(page: PracticePage, text: str) -> SearchHit:
        return make_hit(page, text)


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
