"""Database backend: the persisted search documents (search.models.SearchDocument) on the active database.

Search, facets and the filtered library read only the documents: PostgreSQL matches their tsvector (GIN
index, Turkish or English configuration per document), other databases match their folded word columns
with LIKE. Pages are loaded only for the page of results shown.
"""

from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery as TextQuery
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Q, QuerySet, Value, When

from portal.text import fold, words
from practices import selectors
from practices.filters import DEFAULT_LANGUAGE
from practices.models import PracticePage, PracticeTag

from ..models import SearchDocument
from ..result_cache import cached_result
from ..snippets import cached_vocabulary, has_match, highlight, suggest
from ..store import TEXT_SEARCH_CONFIGS
from ..synonyms import Alternatives, expand
from ..types import SearchHit, SearchQuery, SearchResult, active_search_language
from .facets import (
    BrowseScope,
    FacetScope,
    browse_facet_counts,
    facet_counts,
    filter_documents,
    province_label,
)

__all__ = ["DatabaseSearchBackend", "make_hit", "province_label", "shown_documents"]

MAX_TERMS = 10
DOCUMENT_SORTS: dict[str, tuple] = {
    "newest": ("-first_published_at", "-pk"),
    "title": ("title_sort", "pk"),
    "most_adopted": ("-adoption_count", "title_sort", "pk"),
    "start_year": ("-start_year", "title_sort", "pk"),
}
TEXT_COLUMNS = ("title_folded", "body_folded", "stems")


def shown_documents(language: str) -> QuerySet[SearchDocument]:
    """The documents a reader of ``language`` sees: theirs, and the Turkish originals not translated."""
    return SearchDocument.objects.filter(serves__contains=f"|{language}|")


def searched_languages(language: str) -> list[str]:
    """The document languages in a reader's scope, each matched with its own analysis."""
    return list(dict.fromkeys([language, DEFAULT_LANGUAGE]))


def folded_alternatives(alternatives: Alternatives) -> tuple[list[str], list[str]]:
    """An Alternatives' words and phrases folded like the documents' text, without repeats."""
    single = list(dict.fromkeys(fold(word) for word in alternatives.words if fold(word)))
    phrases = list(dict.fromkeys(" ".join(words(fold(phrase))) for phrase in alternatives.phrases))
    return single, [phrase for phrase in phrases if phrase]


def text_query(text: str, language: str) -> TextQuery | None:
    """PostgreSQL: every word must match, as typed/folded, by a stem or by a synonym (search/synonyms.py)."""
    config = TEXT_SEARCH_CONFIGS[language]
    combined = None
    for alternatives in expand(text, language):
        single, phrases = folded_alternatives(alternatives)
        options = [TextQuery(word, config=config, search_type="plain") for word in single]
        options += [TextQuery(phrase, config=config, search_type="phrase") for phrase in phrases]
        if not options:
            continue
        group = options[0]
        for option in options[1:]:
            group = group | option
        combined = group if combined is None else combined & group
    return combined


def like_condition(text: str, language: str) -> Q | None:
    """Other databases: the same rule over the folded word columns (" word " inside " w1 w2 ... ")."""
    condition = None
    for alternatives in expand(text, language):
        single, phrases = folded_alternatives(alternatives)
        group = Q()
        for term in [*single, *phrases]:
            for column in TEXT_COLUMNS:
                group |= Q(**{f"{column}__contains": f" {term} "})
        if group:
            condition = group if condition is None else condition & group
    return condition


def title_first(text: str):
    """1 when every typed word starts a word of the folded title and tags, else 0."""
    typed = [fold(word) for word in words(text)[:MAX_TERMS] if fold(word)]
    condition = Q()
    for word in typed:
        condition &= Q(title_folded__contains=f" {word}")
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def load_pages(page_ids: list[int]) -> list[PracticePage]:
    """The practices of one page of results, in order, with what a card shows, their tags and their texts
    for the hits."""
    loaded = selectors.with_listing_data(PracticePage.objects.live().filter(pk__in=page_ids)).in_bulk()
    return [loaded[pk] for pk in page_ids if pk in loaded]


class Found(NamedTuple):
    """A search's answer before its pages are loaded: kept between requests by search.result_cache."""

    page_ids: list[int]
    total: int
    facets: dict
    suggestion: str | None
    highlighted: str  # the text whose words the hits' snippets mark ("" when browsing)


class DatabaseSearchBackend:
    name = "database"

    # Matching -----------------------------------------------------------------------------------------

    def matching(self, documents: QuerySet[SearchDocument], text: str, language: str) -> QuerySet | None:
        """Documents matching the text, by relevance, title/tag matches first; None for no words.

        Each document language in the reader's scope is matched with its own stemming: an English reader's
        "elderly" matches English documents by its English stem and Turkish originals through the synonym
        list ("yaşlı").
        """
        if not words(text):
            return None
        postgres = connection.vendor == "postgresql"
        scoped = searched_languages(language)
        condition, ranks = Q(pk__in=[]), []
        for code in scoped:
            own = Q(language=code) if len(scoped) > 1 else Q()
            if postgres:
                query = text_query(text, code)
                if query is None:
                    continue
                condition |= own & Q(vector=query)
                ranks.append((code, SearchRank(F("vector"), query)))
            else:
                match = like_condition(text, code)
                if match is not None:
                    condition |= own & match
        matched = documents.filter(condition).alias(_title_first_=title_first(text))
        ordering = [F("_title_first_").desc()]
        if len(ranks) == 1:
            matched = matched.alias(_rank_=ranks[0][1])
            ordering.append(F("_rank_").desc())
        elif ranks:
            by_language = [When(language=code, then=rank) for code, rank in ranks]
            matched = matched.alias(_rank_=Case(*by_language, default=Value(0.0), output_field=FloatField()))
            ordering.append(F("_rank_").desc())
        return matched.order_by(*ordering, "-first_published_at", "-pk")

    def search(self, query: SearchQuery, *, cards_only: bool = False) -> SearchResult:
        found = cached_result(query, lambda: self.find(query))
        hits = (
            [] if cards_only else [self.hit(page, found.highlighted) for page in load_pages(found.page_ids)]
        )
        return SearchResult(
            hits=hits,
            page_ids=tuple(found.page_ids) if cards_only else (),
            total=found.total,
            page=query.page,
            page_size=query.page_size,
            facets=found.facets,
            suggestion=found.suggestion,
            backend=self.name,
            took_ms=0.0,
        )

    def find(self, query: SearchQuery) -> "Found":
        """What the query finds, without loading pages: the part of a search kept between requests."""
        documents = shown_documents(query.language)
        matched = self.matching(documents, query.text, query.language) if query.text.strip() else None
        filters = query.filters
        facets: dict = {}
        if matched is not None:
            # The full-text match is the expensive part, so it runs once: every match in order, with what
            # the facets count and whether it passes each filter; the page, total and facets come from it.
            sort = query.effective_sort
            ordered = matched if sort == "relevance" else matched.order_by(*DOCUMENT_SORTS[sort])
            scope = FacetScope(ordered, filters, by_ids=True)
            ranked_ids = [row.pk for row in scope.passing()]
            total = len(ranked_ids)
            page_ids = ranked_ids[query.offset : query.offset + query.page_size]
        else:
            filtered = filter_documents(documents, filters)
            if query.with_facets:
                total, facets = browse_facet_counts(query, BrowseScope(documents, filters))
            else:
                total = filtered.order_by().count()
            sort = "newest" if query.sort == "relevance" else query.sort
            ordered = filtered.order_by(*DOCUMENT_SORTS[sort]).values_list("pk", flat=True)
            page_ids = list(ordered[query.offset : query.offset + query.page_size])
        if matched is not None and query.with_facets:
            facets = facet_counts(query, scope)
        suggestion = None
        if matched is not None and total == 0:
            suggestion = suggest(query.text, cached_vocabulary(vocabulary_texts))
        highlighted = query.text if matched is not None else ""
        return Found(page_ids, total, facets, suggestion, highlighted)

    def autocomplete(self, text: str, *, limit: int = 8, language: str | None = None) -> list[dict]:
        """Titles whose words start with what was typed (folded, so "cocu" completes "Çocuk")."""
        typed = [fold(word) for word in words(text)[:MAX_TERMS] if fold(word)]
        if not typed:
            return []
        documents = shown_documents(language or active_search_language())
        for word in typed:
            documents = documents.filter(title_folded__contains=f" {word}")
        page_ids = list(documents.order_by("title_sort", "pk").values_list("pk", flat=True)[:limit])
        pages = PracticePage.objects.live().filter(pk__in=page_ids).in_bulk()
        return [{"title": pages[pk].title, "url": pages[pk].url} for pk in page_ids if pk in pages]

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
