"""The search page's form: a query string in, a validated SearchQuery (or clear messages) out."""

from django import forms
from django.utils.translation import gettext_lazy as _

from practices.forms import LibraryFilterForm
from practices.selectors import PracticeFilters

from .types import DEFAULT_PAGE_SIZE, MAX_TEXT_LENGTH, SearchQuery

SEARCH_SORT_CHOICES = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest")),
    ("title", _("A–Z")),
    ("most_adopted", _("Most adopted")),
    ("start_year", _("Start year")),
]
MAX_PAGE = 10_000


class SearchForm(LibraryFilterForm):
    """The library's filters plus free text, relevance sorting and a page number (all GET parameters)."""

    q = forms.CharField(required=False, max_length=MAX_TEXT_LENGTH, strip=True, label=_("Search for"))
    sort = forms.ChoiceField(choices=SEARCH_SORT_CHOICES, required=False, label=_("Sort by"))
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, label=_("Page"))

    field_order = ["q", "sort"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Facets list provinces as checkboxes with counts; the library's multi-select is not used here.
        self.fields["province"].widget = forms.CheckboxSelectMultiple()

    def to_query(self, *, page_size: int = DEFAULT_PAGE_SIZE) -> SearchQuery:
        data = self.cleaned_data
        filters = PracticeFilters.from_form_data(data)
        return SearchQuery.from_filters(
            filters,
            text=data.get("q") or "",
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            page_size=page_size,
        )
