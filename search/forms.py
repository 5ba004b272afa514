"""The search page's form: a query string in, a validated SearchQuery (or clear messages) out."""

from django import forms
from django.utils.translation import gettext_lazy as _

from practices.filters import MAX_PAGE, SORTS
from practices.forms import LibraryFilterForm

from .types import DEFAULT_PAGE_SIZE, MAX_TEXT_LENGTH, SearchQuery


class SearchForm(LibraryFilterForm):
    """The library's filters plus free text, relevance sorting and a page number (all GET parameters)."""

    q = forms.CharField(required=False, max_length=MAX_TEXT_LENGTH, strip=True, label=_("Search for"))
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, label=_("Page"))

    sort_choices = SORTS

    def to_query(self, *, page_size: int = DEFAULT_PAGE_SIZE) -> SearchQuery:
        data = self.cleaned_data
        return SearchQuery.from_filters(
            self.filters,
            text=data.get("q") or "",
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            page_size=page_size,
        )
