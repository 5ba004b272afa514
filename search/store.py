"""The persisted search documents (search.models.SearchDocument): computing, storing and rebuilding them.

One document per live, public practice page, in the page's language (``locale.language_code``). The
database backend and its facet engine read only these rows. Public entry points:

* ``sync_practices(page_ids=..., instances=...)``: recompute (or delete) the documents of these practices
  and of their translations; the signals in search/signals.py call it.
* ``rebuild_documents(progress=...)``: recompute every document (``manage.py rebuild_search_documents``).
* ``computed_documents()`` / ``stored_documents()``: fresh versus stored, for the consistency test.
* ``practice_stems(page_ids=...)``: the stored stems text of practices, for similarity (issue 17).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.db import connection, transaction

import snowballstemmer

from portal.text import fold, stems_of_text, turkish_sort_key, turkish_stems, words
from practices.filters import DEFAULT_LANGUAGE, SEARCH_LANGUAGES, search_language
from practices.models import PracticePage

from .models import FACET_COLUMNS, SearchDocument, SearchFacetValue
from .result_cache import documents_changed

# PostgreSQL text search configuration per search language.
TEXT_SEARCH_CONFIGS = {"tr": "turkish", "en": "english"}
DOCUMENT_FIELDS = (
    "translation_key",
    "language",
    "serves",
    "title_folded",
    "body_folded",
    "stems",
    "title_sort",
    "adoption_count",
    "first_published_at",
    *FACET_COLUMNS,
)
LISTING_PREFETCH = ("tags", "target_groups", "sdgs", "replication_steps", "partners", "metrics", "documents")

_ENGLISH = snowballstemmer.stemmer("english")


@lru_cache(maxsize=50_000)
def english_stems(word: str) -> tuple[str, ...]:
    """The Snowball English stem of a word ("disabilities" -> "disabl"), when it differs from the word."""
    lower = word.lower()
    stem = _ENGLISH.stemWord(lower)
    return (stem,) if len(stem) > 1 and stem != lower else ()


def language_stems(word: str, language: str) -> tuple[str, ...]:
    """A word's stems in a search language: Snowball English for "en", the Turkish chain otherwise."""
    return english_stems(word) if language == "en" else turkish_stems(word)


def stems_text(text: str, language: str) -> str:
    """Every distinct folded stem of a text's words, as a token text (" stem1 stem2 ")."""
    if language == "en":
        kept = [word for word in words(text) if len(word) > 2 and not word.isdigit()]
        stems = [stem for word in kept for stem in english_stems(word)]
    else:
        stems = stems_of_text(text)
    return token_text(" ".join(dict.fromkeys(fold(stem) for stem in stems)))


def token_text(text: str) -> str:
    """Folded words between single spaces, with a space at each end: a word matches LIKE '% word %'."""
    tokens = words(fold(text))
    return f" {' '.join(tokens)} " if tokens else " "


def page_language(page: PracticePage) -> str:
    return search_language(page.locale.language_code if page.locale_id else None)


def served_languages(language: str, present: Iterable[str]) -> str:
    """The languages whose readers see a document: its own, and for the Turkish original every language
    the practice has no translation in."""
    served = {language}
    if language == DEFAULT_LANGUAGE:
        served |= {code for code in SEARCH_LANGUAGES if code not in set(present)}
    return "|" + "|".join(code for code in SEARCH_LANGUAGES if code in served) + "|"


def compute_document(page: PracticePage, *, present: Iterable[str]) -> tuple[dict, list[dict]]:
    """A practice's document fields and many-valued facet values, from the page object as it is in memory
    (its cluster's tags and target groups may not be saved yet when a signal calls this)."""
    language = page_language(page)
    # Sorted: a page object's in-memory tags and the stored ones come in different orders.
    tags = sorted(page.tags.all(), key=lambda tag: (tag.name, tag.slug))
    title = " ".join([page.title, *(tag.name for tag in tags)])
    body = page.search_body
    fields = {
        "translation_key": page.translation_key,
        "language": language,
        "serves": served_languages(language, present),
        "title_folded": token_text(title),
        "body_folded": token_text(body),
        "stems": stems_text(f"{title} {body}", language),
        "title_sort": turkish_sort_key(page.title),
        "adoption_count": page.adoption_count,
        "start_year": page.start_year,
        "first_published_at": page.first_published_at,
        "theme_slug": page.theme.slug if page.theme_id else "",
        "theme_name": page.theme.name if page.theme_id else "",
        "status": page.status,
        "evidence_level": page.evidence_level,
        "budget_band": page.budget_band,
        "province": page.province,
    }
    values = [
        {"facet": "target_group", "key": group.slug, "name": group.name, "position": position}
        for group in page.target_groups.all()
        for position in [group.life_stage_order]
    ]
    values += [{"facet": "tag", "key": tag.slug, "name": tag.name, "position": 0} for tag in tags]
    values += [
        {"facet": "sdg", "key": str(sdg.number), "name": sdg.name, "position": sdg.number}
        for sdg in page.sdgs.all()
    ]
    # One row per value (a page object can carry the same tag twice before it is saved).
    values = list({(value["facet"], value["key"]): value for value in values}.values())
    return fields, values


def _public_live_pages():
    return PracticePage.objects.live().public()


def languages_present(*, keys: Iterable | None = None, gone: Iterable[int] = ()) -> dict:
    """translation key -> the search languages a practice is live and public in (every key when None),
    not counting the pages ``gone`` (being unpublished or deleted)."""
    present = defaultdict(set)
    pages = _public_live_pages().exclude(pk__in=list(gone))
    if keys is not None:
        pages = pages.filter(translation_key__in=list(keys))
    for key, code in pages.values_list("translation_key", "locale__language_code"):
        present[key].add(search_language(code))
    return present


@transaction.atomic
def sync_practices(
    *, page_ids: Iterable[int], instances: dict[int, PracticePage] | None = None, gone: Iterable[int] = ()
) -> int:
    """Recompute the documents of these practices and of every translation of them; practices that are
    not live and public lose theirs. ``instances`` are page objects to read instead of the database (a page
    being saved, whose tags are not stored yet); ``gone`` are pages being unpublished or deleted, whatever
    the database says yet (Wagtail announces an unpublish before deleting a live page, unsaved).
    Returns the number of documents written."""
    instances = instances or {}
    gone = set(gone)
    ids = set(page_ids) | set(instances)
    if not ids:
        return 0
    keys = set(PracticePage.objects.filter(pk__in=ids).values_list("translation_key", flat=True))
    keys |= {page.translation_key for page in instances.values()}
    family = set(PracticePage.objects.filter(translation_key__in=keys).values_list("pk", flat=True)) | ids
    # post_save runs after the page row is written, so the database already says whether it is live.
    public = set(_public_live_pages().filter(pk__in=family).values_list("pk", flat=True)) - gone
    present = languages_present(keys=keys, gone=gone)
    deleted, _ = SearchDocument.objects.filter(pk__in=family).delete()
    if deleted or public:
        documents_changed()
    loaded = PracticePage.objects.filter(pk__in=public - set(instances)).select_related("theme", "locale")
    pages = [*loaded.prefetch_related(*LISTING_PREFETCH), *(p for pk, p in instances.items() if pk in public)]
    _write(pages, present)
    return len(pages)


def _write(pages: list[PracticePage], present: dict) -> None:
    documents, values = [], []
    for page in pages:
        fields, facet_values = compute_document(page, present=present[page.translation_key])
        documents.append(SearchDocument(page_id=page.pk, **fields))
        values += [SearchFacetValue(document_id=page.pk, **value) for value in facet_values]
    SearchDocument.objects.bulk_create(documents)
    SearchFacetValue.objects.bulk_create(values)
    update_vectors([page.pk for page in pages])


def update_vectors(page_ids: list[int] | None = None) -> None:
    """PostgreSQL: recompute the documents' tsvector (title A, body B, stems C) in their language's config."""
    if connection.vendor != "postgresql" or page_ids == []:
        return
    config = "CASE language " + " ".join(
        f"WHEN '{code}' THEN '{name}'::regconfig" for code, name in TEXT_SEARCH_CONFIGS.items()
    )
    config += f" ELSE '{TEXT_SEARCH_CONFIGS[DEFAULT_LANGUAGE]}'::regconfig END"
    weighted = " || ".join(
        f"setweight(to_tsvector({config}, {column}), '{weight}')"
        for column, weight in (("title_folded", "A"), ("body_folded", "B"), ("stems", "C"))
    )
    sql = f"UPDATE search_searchdocument SET vector = {weighted}"  # noqa: S608
    with connection.cursor() as cursor:
        if page_ids is None:
            cursor.execute(sql)
        else:
            cursor.execute(sql + " WHERE page_id = ANY(%s)", [list(page_ids)])


def _all_pages(batch_size: int):
    """Every live public practice, in batches of page objects with everything a document reads."""
    ids = list(_public_live_pages().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        pages = PracticePage.objects.filter(pk__in=batch).select_related("theme", "locale")
        yield len(ids), list(pages.prefetch_related(*LISTING_PREFETCH).order_by("pk"))


def rebuild_documents(*, batch_size: int = 500, progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute every document (in one transaction: searches see the old set until it commits)."""
    with transaction.atomic():
        SearchFacetValue.objects.all().delete()
        SearchDocument.objects.all().delete()
        documents_changed()
        present = languages_present()
        done = 0
        for total, pages in _all_pages(batch_size):
            documents, values = [], []
            for page in pages:
                fields, facet_values = compute_document(page, present=present[page.translation_key])
                documents.append(SearchDocument(page_id=page.pk, **fields))
                values += [SearchFacetValue(document_id=page.pk, **value) for value in facet_values]
            SearchDocument.objects.bulk_create(documents)
            SearchFacetValue.objects.bulk_create(values, batch_size=2000)
            done += len(pages)
            if progress:
                progress(done, total)
        update_vectors()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument; ANALYZE search_searchfacetvalue")
    return done


def computed_documents() -> dict[int, tuple[dict, set]]:
    """What every document should hold now: page id -> (fields, {(facet, key, name, position)})."""
    present = languages_present()
    computed = {}
    for _total, pages in _all_pages(500):
        for page in pages:
            fields, values = compute_document(page, present=present[page.translation_key])
            computed[page.pk] = (fields, {tuple(value.values()) for value in values})
    return computed


def stored_documents() -> dict[int, tuple[dict, set]]:
    """The stored documents in the shape of computed_documents()."""
    values = defaultdict(set)
    for row in SearchFacetValue.objects.values_list("document_id", "facet", "key", "name", "position"):
        values[row[0]].add(row[1:])
    return {
        row["page"]: ({name: row[name] for name in DOCUMENT_FIELDS}, values[row["page"]])
        for row in SearchDocument.objects.values("page", *DOCUMENT_FIELDS)
    }


def practice_stems(*, page_ids: Iterable[int]) -> dict[int, str]:
    """The stored stems text of practices (folded stems of every searchable word, space-separated), by
    page id; practices without a document (unpublished, private) are missing. For similarity measures."""
    rows = SearchDocument.objects.filter(pk__in=list(page_ids)).values_list("pk", "stems")
    return {pk: stems.strip() for pk, stems in rows}
