"""The library's one filter vocabulary: each filter's parameter, field, bounds, repeat rule and label.

The library and search forms, the search API, both search backends, the facet engine and the listing
templates read these definitions; nothing else spells out a filter, a sort or a bound.

Repeat rule, the same everywhere: values of one filter are alternatives (``?tag=a&tag=b`` lists practices
with tag a OR tag b); different filters must all match (``?theme=x&tag=a``: theme x AND tag a).
"""

from dataclasses import dataclass, fields
from typing import Any, Literal

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models.pages import FIRST_START_YEAR  # noqa: F401 - part of the vocabulary; defined beside the field
from .models.taxonomy import BudgetBand, EvidenceLevel, PracticeStatus

LAST_START_YEAR = 2100
MAX_TEXT_LENGTH = 200
MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 12


@dataclass(frozen=True)
class Filter:
    """One filter: ``param`` in URLs and the API, ``attr`` on PracticeFilters/SearchQuery, ``field`` the
    practice's field (a many-to-many relation when ``many``), ``index_field`` its Elasticsearch field."""

    param: str
    attr: str
    label: Promise
    field: str
    index_field: str
    value_type: type = str
    many: bool = False
    # Fixed choices; filters without them take their vocabulary from the database (themes, tags, ...).
    choices: type[TextChoices] | None = None
    # "checkboxes" (a few options), "select" (many options: one choice from a compact list, more by URL).
    control: Literal["checkboxes", "select"] = "checkboxes"
    min_value: int | None = None
    max_value: int | None = None


FILTERS: tuple[Filter, ...] = (
    Filter("theme", "themes", _("Theme"), "theme__slug", "theme_slug"),
    Filter(
        "target_group", "target_groups", _("Target group"), "targetgroup__slug", "target_groups", many=True
    ),
    Filter("tag", "tags", _("Tag"), "tag__slug", "tag_slugs", many=True),
    Filter(
        "sdg",
        "sdgs",
        _("Sustainable development goal"),
        "sdg__number",
        "sdgs",
        value_type=int,
        many=True,
        min_value=1,
        max_value=17,
    ),
    Filter("status", "statuses", _("Status"), "status", "status", choices=PracticeStatus),
    Filter(
        "evidence",
        "evidence_levels",
        _("Evidence level"),
        "evidence_level",
        "evidence_level",
        choices=EvidenceLevel,
    ),
    Filter("budget", "budget_bands", _("Budget band"), "budget_band", "budget_band", choices=BudgetBand),
    Filter(
        "province",
        "provinces",
        _("Province"),
        "province",
        "province",
        value_type=int,
        control="select",
        min_value=1,
        max_value=81,
    ),
)
FILTER_BY_PARAM = {spec.param: spec for spec in FILTERS}

# The start year is a range: two parameters, one facet ("start_year") counting practices per year.
YEAR_FROM, YEAR_TO = "year_from", "year_to"
YEAR_FACET = "start_year"
YEAR_LABELS = {YEAR_FROM: _("Started from"), YEAR_TO: _("Started until")}
# Every facet, in the order pages show them: one per filter, then the start year.
FACETS: tuple[str, ...] = (*(spec.param for spec in FILTERS), YEAR_FACET)
FACET_LABELS = {spec.param: spec.label for spec in FILTERS} | {YEAR_FACET: _("Start year")}

# Sorts: relevance needs search text, so the library offers the others.
SORTS: dict[str, Promise] = {
    "relevance": _("Relevance"),
    "newest": _("Newest"),
    "title": _("A–Z"),
    "most_adopted": _("Most adopted"),
    "start_year": _("Start year"),
}
# Content languages search knows (a page's locale.language_code): each has its own text analysis. A reader
# searches the documents of their language, plus the DEFAULT_LANGUAGE (Turkish) document of every practice
# not translated into it.
SEARCH_LANGUAGES: dict[str, Promise] = {"tr": _("Turkish"), "en": _("English")}
DEFAULT_LANGUAGE = "tr"


def search_language(code: str | None) -> str:
    """The search language for a language code ("en-gb" -> "en"); unknown or empty codes give Turkish."""
    base = (code or "").lower().split("-")[0].split("_")[0]
    return base if base in SEARCH_LANGUAGES else DEFAULT_LANGUAGE


LIBRARY_SORTS = {name: label for name, label in SORTS.items() if name != "relevance"}
DEFAULT_LIBRARY_SORT = "newest"


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
        """Build filters from cleaned form data or API parameters keyed by each filter's ``param``."""
        values = {spec.attr: tuple(data.get(spec.param) or ()) for spec in FILTERS}
        return cls(**values, year_from=data.get(YEAR_FROM), year_to=data.get(YEAR_TO))

    def is_empty(self) -> bool:
        return self == PracticeFilters()

    def values_of(self, param: str) -> tuple:
        """The chosen values of one filter, by parameter name."""
        return getattr(self, FILTER_BY_PARAM[param].attr)


PRACTICE_FILTER_FIELDS = tuple(f.name for f in fields(PracticeFilters))


@dataclass(frozen=True)
class FacetValue:
    """One option of a facet: its value in URLs, its label, how many practices it would list."""

    value: str
    label: str
    count: int
    selected: bool = False


def year_selected(year: int, filters: PracticeFilters) -> bool:
    if filters.year_from is None and filters.year_to is None:
        return False
    return (filters.year_from or year) <= year <= (filters.year_to or year)
