"""Facet counts for the database backend; each facet ignores its own filter (like Elasticsearch post_filter).

Everything here reads the search documents (search.models.SearchDocument and its SearchFacetValue rows),
never the pages. Every filter of the vocabulary (practices.filters) is a facet. The documents in scope
(the text's matches, or every document shown in the reader's language) are read once, with the columns
the single-valued facets count and one flag per active filter group. Theme, status, evidence level,
budget band, province and start year are counted from those rows in Python; target groups, SDGs and tags
(SearchFacetValue rows) are aggregated by the database in one UNION ALL query. A search with facets
therefore costs two queries for them whatever the number of matches.
"""

from collections import Counter
from dataclasses import fields, replace
from typing import NamedTuple

from django.db.models import BooleanField, Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import Cast

from portal.provinces import PROVINCE_BY_PLATE
from practices.filters import (
    FACETS,
    FILTER_BY_PARAM,
    FILTERS,
    YEAR_FACET,
    YEAR_FROM,
    YEAR_TO,
    Filter,
    PracticeFilters,
    year_selected,
)

from ..models import FACET_COLUMNS, SearchDocument, SearchFacetValue
from ..types import FacetValue, SearchQuery
from .sql import Among, union_all_rows

# Enough for every tag of the library (the demo has 42); beyond it the most used ones.
TOP_TAGS = 100

# Which PracticeFilters fields each facet ignores, so a facet's counts show what choosing another value gives.
FACET_FILTER_FIELDS: dict[str, tuple[str, ...]] = {spec.param: (spec.attr,) for spec in FILTERS} | {
    YEAR_FACET: (YEAR_FROM, YEAR_TO)
}
# Filters no facet shows apply to every facet (none today: every filter is a facet).
ALWAYS = ""
ROW_COLUMNS = ("pk", *FACET_COLUMNS)
# Many-to-many facet rows: sort_1..3 reproduce each facet's own order in one ORDER BY.
MANY_COLUMNS = ("value", "label", "n", "sort_1", "sort_2", "sort_3")


def document_column(spec: Filter) -> str:
    """The SearchDocument column of a single-valued filter: its practice field, one level flattened
    ("theme__slug" -> "theme_slug")."""
    return spec.field.replace("__", "_")


def filter_condition(filters: PracticeFilters) -> Q:
    """The vocabulary's filters on search documents: values of one filter OR-ed, filters AND-ed; the
    many-valued ones through SearchFacetValue (an id subquery, so documents are never duplicated)."""
    condition = Q()
    for spec in FILTERS:
        values = filters.values_of(spec.param)
        if not values:
            continue
        if spec.many:
            keys = [str(value) for value in values]
            ids = SearchFacetValue.objects.filter(facet=spec.param, key__in=keys).values("document_id")
            condition &= Q(pk__in=ids)
        else:
            condition &= Q(**{f"{document_column(spec)}__in": values})
    if filters.year_from:
        condition &= Q(start_year__gte=filters.year_from)
    if filters.year_to:
        condition &= Q(start_year__lte=filters.year_to)
    return condition


def filter_documents(queryset: QuerySet[SearchDocument], filters: PracticeFilters) -> QuerySet:
    return queryset.filter(filter_condition(filters))


def cleared(filters: PracticeFilters, names) -> PracticeFilters:
    return replace(filters, **{name: None if name.startswith("year_") else () for name in names})


def filter_groups(filters: PracticeFilters) -> dict[str, PracticeFilters]:
    """The active filters by the facet that ignores them (ALWAYS: those no facet shows), each group alone."""
    every = [f.name for f in fields(PracticeFilters)]
    shown = {name for names in FACET_FILTER_FIELDS.values() for name in names}
    groups = {**FACET_FILTER_FIELDS, ALWAYS: tuple(name for name in every if name not in shown)}
    active = {}
    for group, names in groups.items():
        alone = cleared(filters, [name for name in every if name not in names])
        if alone != PracticeFilters():
            active[group] = alone
    return active


ALL_PASS = None
SEVERAL_FAIL = -1


class ScopeRow(NamedTuple):
    pk: int
    theme_slug: str | None
    theme_name: str | None
    status: str
    evidence_level: str
    budget_band: str
    province: int
    start_year: int
    # Which active filter group the practice fails: ALL_PASS, the group's index, or SEVERAL_FAIL.
    fails: int | None


def failed_group(flags: tuple[bool, ...]) -> int | None:
    if all(flags):
        return ALL_PASS
    first = flags.index(False)
    return first if all(flags[first + 1 :]) else SEVERAL_FAIL


class FacetScope:
    """The practices in scope, read once: every text match in order, or every published practice."""

    def __init__(self, ordered: QuerySet[SearchDocument], filters: PracticeFilters, *, by_ids: bool):
        self.filters = filters
        self.by_ids = by_ids
        self.groups = list(filter_groups(filters).items())
        flags = {
            f"passes_{index}": Case(
                When(filter_condition(alone), then=True),
                default=False,
                output_field=BooleanField(),
            )
            for index, (_, alone) in enumerate(self.groups)
        }
        self.queryset = ordered
        rows = ordered.annotate(**flags).values_list(*ROW_COLUMNS, *flags)
        width = len(ROW_COLUMNS)
        if flags:
            self.rows = [ScopeRow(*row[:width], fails=failed_group(row[width:])) for row in rows]
        else:
            self.rows = [ScopeRow(*row, fails=ALL_PASS) for row in rows]

    def passing(self, *, ignoring: str | None = None) -> list[ScopeRow]:
        """Rows passing every filter, or every filter except those the facet ``ignoring`` shows."""
        if not self.groups:
            return self.rows
        ignored = next((index for index, (group, _) in enumerate(self.groups) if group == ignoring), ALL_PASS)
        return [row for row in self.rows if row.fails is ALL_PASS or row.fails == ignored]

    def restrict(self, queryset: QuerySet, column: str, facet: str) -> QuerySet:
        """Rows of a many-to-many table whose practice is in scope and passes every filter but the facet's."""
        if self.by_ids:
            return queryset.filter(Among(column, [row.pk for row in self.passing(ignoring=facet)]))
        return BrowseScope(self.queryset, self.filters).restrict(queryset, column, facet)


class BrowseScope:
    """Every document shown (no search text): facets are counted by the database, never row by row."""

    by_ids = False

    def __init__(self, queryset: QuerySet[SearchDocument], filters: PracticeFilters):
        self.queryset, self.filters = queryset.order_by(), filters

    def members(self, facet: str | None) -> QuerySet[SearchDocument]:
        """Documents passing every filter, or every filter except the facet's own."""
        ignored = FACET_FILTER_FIELDS[facet] if facet else ()
        return filter_documents(self.queryset, cleared(self.filters, ignored))

    def restrict(self, queryset: QuerySet, column: str, facet: str) -> QuerySet:
        return queryset.filter(**{f"{column}__in": self.members(facet).values("pk")})


def facet_counts(query: SearchQuery, scope: FacetScope) -> dict[str, list[FacetValue]]:
    facets: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
    if not scope.rows:
        return facets  # nothing in scope: every facet is empty, no query needed
    facets.update(single_valued_facets(query, scope))
    facets.update(many_valued_facets(query, scope))
    return facets


# Single-valued facets and the practice column each counts.
SINGLE_VALUED = {
    "theme": "theme_slug",
    "status": "status",
    "evidence": "evidence_level",
    "budget": "budget_band",
    "province": "province",
    YEAR_FACET: "start_year",
}


def single_valued_facets(query: SearchQuery, scope: FacetScope) -> dict[str, list[FacetValue]]:
    """Theme, the fixed choices (status, evidence, budget), province and start year, from the scope's rows."""
    attributes = {"theme": "theme_slug", "evidence": "evidence_level", "budget": "budget_band"}
    counts = {
        facet: Counter(
            str(getattr(row, attributes.get(facet, column))) for row in scope.passing(ignoring=facet)
        )
        for facet, column in SINGLE_VALUED.items()
    }
    theme_names = {row.theme_slug: row.theme_name for row in scope.rows}
    return single_valued_from_counts(query, counts, theme_names)


def single_valued_from_counts(
    query: SearchQuery, counts: dict[str, Counter], theme_names: dict[str, str]
) -> dict[str, list[FacetValue]]:
    """Facet values from counts keyed by each value as a string, in the order each facet is shown."""
    filters = query.filters
    themes = counts["theme"]
    facets = {
        "theme": [
            FacetValue(slug, theme_names.get(slug, slug), n, slug in query.themes)
            for slug, n in sorted(themes.items(), key=lambda item: (-item[1], theme_names.get(item[0], "")))
            if n
        ],
        "province": [
            FacetValue(plate, province_label(int(plate)), n, int(plate) in query.provinces)
            for plate, n in sorted(counts["province"].items(), key=lambda item: (-item[1], int(item[0])))
            if n
        ],
        YEAR_FACET: [
            FacetValue(year, year, n, year_selected(int(year), filters))
            for year, n in sorted(counts[YEAR_FACET].items(), key=lambda item: -int(item[0]))
            if n and year != "None"
        ],
    }
    for facet in ("status", "evidence", "budget"):
        found, chosen = counts[facet], filters.values_of(facet)
        facets[facet] = [
            FacetValue(value, str(label), found[value], value in chosen)
            for value, label in FILTER_BY_PARAM[facet].choices.choices
            if found[value]
        ]
    return facets


def browse_facet_counts(query: SearchQuery, scope: BrowseScope) -> tuple[int, dict[str, list[FacetValue]]]:
    """The total and every facet when browsing (no text), in one query whatever the number of practices:
    the database groups and counts, so the cost grows with the number of values, not of practices."""
    zero, empty = Value(0), Value("")
    parts = [
        (
            "",
            scope.members(None)
            .values(value=empty, label=empty, sort_1=zero, sort_2=zero, sort_3=empty)
            .annotate(n=Count("pk")),
        )
    ]
    for facet, column in SINGLE_VALUED.items():
        label = F("theme_name") if facet == "theme" else empty
        grouped = scope.members(facet).values(
            value=Cast(column, CharField()), label=label, sort_1=zero, sort_2=zero, sort_3=empty
        )
        parts.append((facet, grouped.annotate(n=Count("pk"))))
    rows = union_all_rows(
        parts + many_valued_parts(scope), MANY_COLUMNS, order_by=("sort_1", "sort_2", "sort_3")
    )
    total = next((n for part, _value, _label, n, *_ in rows if part == ""), 0)
    counts = {facet: Counter() for facet in SINGLE_VALUED}
    theme_names = {}
    for part, value, label, n, *_ in rows:
        if part in counts:
            counts[part][str(value)] += n
            if part == "theme":
                theme_names[str(value)] = label
    facets = {name: [] for name in FACETS}
    facets.update(single_valued_from_counts(query, counts, theme_names))
    facets.update(read_many_valued(query, [row for row in rows if row[0] in MANY_VALUED]))
    return total, facets


MANY_VALUED = ("target_group", "tag", "sdg")


def many_valued_facets(query: SearchQuery, scope: FacetScope) -> dict[str, list[FacetValue]]:
    """Target groups, tags (the top ones) and SDGs: one aggregate each, in one query."""
    rows = union_all_rows(many_valued_parts(scope), MANY_COLUMNS, order_by=("sort_1", "sort_2", "sort_3"))
    return read_many_valued(query, rows)


def many_valued_parts(scope) -> list[tuple[str, QuerySet]]:
    """The many-valued facets as values() querysets with MANY_COLUMNS, for union_all_rows: each counts the
    SearchFacetValue rows of the documents passing every filter but the facet's own."""
    zero, empty = Value(0), Value("")
    documents = Count("document_id")
    rows = {
        facet: scope.restrict(SearchFacetValue.objects.filter(facet=facet), "document_id", facet)
        for facet in MANY_VALUED
    }
    return [
        (
            "target_group",
            rows["target_group"]
            .values(value=F("key"), label=F("name"), sort_1=F("position"), sort_2=zero, sort_3=F("name"))
            .annotate(n=documents)
            .order_by(),
        ),
        (
            "tag",
            rows["tag"]
            .values(value=F("key"), label=F("name"), sort_2=zero, sort_3=F("name"))
            .annotate(n=documents, sort_1=-documents)
            .order_by(),
        ),
        (
            "sdg",
            rows["sdg"]
            .values(value=F("key"), label=F("name"), sort_1=F("position"), sort_2=zero, sort_3=empty)
            .annotate(n=documents)
            .order_by(),
        ),
    ]


def read_many_valued(query: SearchQuery, rows) -> dict[str, list[FacetValue]]:
    facets: dict[str, list[FacetValue]] = {facet: [] for facet in MANY_VALUED}
    for facet, value, label, n, *_ in rows:
        if facet == "target_group":
            facets[facet].append(FacetValue(value, label, n, value in query.target_groups))
        elif facet == "tag" and len(facets[facet]) < TOP_TAGS:
            facets[facet].append(FacetValue(value, label, n, value in query.tags))
        elif facet == "sdg":
            facets[facet].append(FacetValue(value, f"{value}. {label}", n, int(value) in query.sdgs))
    return facets


def province_label(plate: int) -> str:
    province = PROVINCE_BY_PLATE.get(plate)
    return province.name if province else str(plate)
