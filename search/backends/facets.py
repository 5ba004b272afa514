"""Facet counts for the database backend; each facet ignores its own filter (like Elasticsearch post_filter).

Every filter of the vocabulary (practices.filters) is a facet. The practices in scope (the text's matches,
or every published practice) are read once, with the columns the single-valued facets count and one flag
per active filter group. Theme, status, evidence level, budget band, province and start year are counted
from those rows in Python; target groups, SDGs and tags (many-to-many) are aggregated by
the database in one UNION ALL query. A search with facets therefore costs two queries for them whatever
the number of matches.
"""

from collections import Counter
from dataclasses import fields, replace
from typing import NamedTuple

from django.db.models import BooleanField, Case, CharField, Count, F, QuerySet, Value, When
from django.db.models.functions import Cast

from portal.provinces import PROVINCE_BY_PLATE
from practices import selectors
from practices.filters import FACETS, FILTER_BY_PARAM, FILTERS, YEAR_FACET, YEAR_FROM, YEAR_TO, year_selected
from practices.models import PracticePage, PracticeTag
from practices.selectors import PracticeFilters

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
ROW_COLUMNS = (
    "pk",
    "theme__slug",
    "theme__name",
    "status",
    "evidence_level",
    "budget_band",
    "province",
    "start_year",
)
# Many-to-many facet rows: sort_1..3 reproduce each facet's own order in one ORDER BY.
MANY_COLUMNS = ("value", "label", "n", "sort_1", "sort_2", "sort_3")


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

    def __init__(self, ordered: QuerySet[PracticePage], filters: PracticeFilters, *, by_ids: bool):
        self.filters = filters
        self.by_ids = by_ids
        self.groups = list(filter_groups(filters).items())
        flags = {
            f"passes_{index}": Case(
                When(
                    pk__in=selectors.filter_practices(PracticePage.objects.all(), alone).values("pk"),
                    then=True,
                ),
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
        members = selectors.filter_practices(self.queryset, cleared(self.filters, FACET_FILTER_FIELDS[facet]))
        return queryset.filter(**{f"{column}__in": members.order_by().values("pk")})


def facet_counts(query: SearchQuery, scope: FacetScope) -> dict[str, list[FacetValue]]:
    facets: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
    if not scope.rows:
        return facets  # nothing in scope: every facet is empty, no query needed
    facets.update(single_valued_facets(query, scope))
    facets.update(many_valued_facets(query, scope))
    return facets


def single_valued_facets(query: SearchQuery, scope: FacetScope) -> dict[str, list[FacetValue]]:
    """Theme, the fixed choices (status, evidence, budget), province and start year, from the scope's rows."""

    def counts(facet: str, key) -> Counter:
        return Counter(key(row) for row in scope.passing(ignoring=facet))

    themes = counts("theme", lambda row: (row.theme_slug, row.theme_name))
    provinces = counts("province", lambda row: row.province)
    years = counts(YEAR_FACET, lambda row: row.start_year)
    facets = {
        "theme": [
            FacetValue(slug, name, n, slug in query.themes)
            for (slug, name), n in sorted(themes.items(), key=lambda item: (-item[1], item[0][1] or ""))
        ],
        "province": [
            FacetValue(str(plate), province_label(plate), n, plate in query.provinces)
            for plate, n in sorted(provinces.items(), key=lambda item: (-item[1], item[0]))
        ],
        YEAR_FACET: [
            FacetValue(str(year), str(year), n, year_selected(year, query.filters))
            for year, n in sorted(years.items(), reverse=True)
        ],
    }
    for column, facet in (("status", "status"), ("evidence_level", "evidence"), ("budget_band", "budget")):
        spec = FILTER_BY_PARAM[facet]
        found = counts(facet, lambda row, column=column: getattr(row, column))
        chosen = query.filters.values_of(facet)
        facets[facet] = [
            FacetValue(value, str(label), found[value], value in chosen)
            for value, label in spec.choices.choices
            if found[value]
        ]
    return facets


def many_valued_facets(query: SearchQuery, scope: FacetScope) -> dict[str, list[FacetValue]]:
    """Target groups, tags (the top 20) and SDGs: one aggregate each, in one query."""
    zero, empty = Value(0), Value("")
    tagged = Count("content_object_id", distinct=True)
    parts = [
        (
            "target_group",
            scope.restrict(PracticePage.target_groups.through.objects, "practicepage_id", "target_group")
            .values(
                value=F("targetgroup__slug"),
                label=F("targetgroup__name"),
                sort_1=F("targetgroup__life_stage_order"),
                sort_2=zero,
                sort_3=F("targetgroup__name"),
            )
            .annotate(n=Count("practicepage_id", distinct=True))
            .order_by(),
        ),
        (
            "tag",
            scope.restrict(PracticeTag.objects, "content_object_id", "tag")
            .values(value=F("tag__slug"), label=F("tag__name"), sort_2=zero, sort_3=F("tag__name"))
            .annotate(n=tagged, sort_1=-tagged)
            .order_by(),
        ),
        (
            "sdg",
            scope.restrict(PracticePage.sdgs.through.objects, "practicepage_id", "sdg")
            .values(
                value=Cast("sdg__number", CharField()),
                label=F("sdg__name"),
                sort_1=F("sdg__number"),
                sort_2=zero,
                sort_3=empty,
            )
            .annotate(n=Count("practicepage_id", distinct=True))
            .order_by(),
        ),
    ]
    facets: dict[str, list[FacetValue]] = {"target_group": [], "tag": [], "sdg": []}
    for facet, value, label, n, *_ in union_all_rows(
        parts, MANY_COLUMNS, order_by=("sort_1", "sort_2", "sort_3")
    ):
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
