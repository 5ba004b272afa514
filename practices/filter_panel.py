"""What the library's and the search page's filter panel shows: options with counts, chips, the sort.

Both pages build it here from their form (the vocabulary) and the facet counts of the search service, so
they show the same options in the same order with the same counts.
"""

from dataclasses import dataclass, replace

from django.http import QueryDict
from django.template.loader import render_to_string

from .filters import FILTERS, YEAR_FACET, YEAR_FROM, YEAR_LABELS, YEAR_TO, FacetValue
from .forms import LibraryFilterForm


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int | None  # None when no counts are known
    selected: bool


@dataclass(frozen=True)
class Group:
    param: str
    label: str
    control: str  # "checkboxes" or "select"
    options: list[Option]

    @property
    def selected(self) -> list[Option]:
        return [option for option in self.options if option.selected]


@dataclass(frozen=True)
class Chip:
    """An applied filter value, with the address of the same list without it."""

    label: str
    value_label: str
    remove_query: str


@dataclass(frozen=True)
class FilterPanel:
    groups: list[Group]
    years: list[Option]  # start years that have practices, oldest first (with counts)
    year_from: str
    year_to: str
    chips: list[Chip]
    clear_query: str  # the address without any filter (search text and sort kept)
    # The groups already rendered (components/_filter_groups.html), when the library kept them; else empty.
    groups_html: str = ""

    @property
    def active_count(self) -> int:
        return len(self.chips)

    @property
    def first_year(self) -> str:
        return self.years[0].label if self.years else ""

    @property
    def last_year(self) -> str:
        return self.years[-1].label if self.years else ""


def build_filter_panel(
    form: LibraryFilterForm, facets: dict[str, list[FacetValue]], params: QueryDict
) -> FilterPanel:
    """The panel for ``form`` (bound to ``params``) with the counts in ``facets``.

    An option is listed when practices have it or when it is chosen (a chosen value stays visible at zero).
    Without counts (no facets given), every option of the vocabulary is listed.
    """
    chosen = form.filters
    groups = []
    for spec in FILTERS:
        counts = {value.value: value.count for value in facets.get(spec.param, [])}
        selected = {str(value) for value in chosen.values_of(spec.param)}
        options = []
        for value, label in form.fields[spec.param].choices:
            value = str(value)
            count = counts.get(value, 0) if facets else None
            if count or value in selected or not facets:
                options.append(Option(value, str(label), count, value in selected))
        if options:
            groups.append(Group(spec.param, str(spec.label), spec.control, options))
    years = sorted((int(value.value), value.count) for value in facets.get(YEAR_FACET, []))
    year_options = [Option(str(year), str(year), count, False) for year, count in years]
    return FilterPanel(
        groups=groups,
        years=year_options,
        year_from=str(chosen.year_from or ""),
        year_to=str(chosen.year_to or ""),
        chips=chips(groups, params, chosen.year_from, chosen.year_to),
        clear_query=without(params, [spec.param for spec in FILTERS] + [YEAR_FROM, YEAR_TO]),
    )


def chips(groups: list[Group], params: QueryDict, year_from: int | None, year_to: int | None) -> list[Chip]:
    result = [
        Chip(group.label, option.label, without(params, [], value=(group.param, option.value)))
        for group in groups
        for option in group.selected
    ]
    for name, year in ((YEAR_FROM, year_from), (YEAR_TO, year_to)):
        if year:
            result.append(Chip(str(YEAR_LABELS[name]), str(year), without(params, [name])))
    return result


def without(params: QueryDict, names: list[str], *, value: tuple[str, str] | None = None) -> str:
    """The query string without the parameters ``names``, one ``(name, value)`` pair, and the page number."""
    remaining = params.copy()
    for name in [*names, "page"]:
        remaining.pop(name, None)
    if value is not None:
        name, dropped = value
        remaining.setlist(name, [kept for kept in remaining.getlist(name) if kept != dropped])
    return remaining.urlencode()


def with_rendered_groups(panel: FilterPanel, html: str) -> FilterPanel:
    return replace(panel, groups_html=html)


def render_groups(panel: FilterPanel) -> str:
    """The option groups' HTML: a function of the chosen filters, the facet counts, the vocabulary and the
    interface language only (no address, no sort, no page), so the library keeps it with its search result."""
    return render_to_string("components/_filter_groups.html", {"panel": panel})
