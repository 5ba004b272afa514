"""The library's filter form, built from the filter vocabulary: a query string in, validated filters out."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.provinces import PROVINCES
from portal.text import turkish_sorted

from .filters import (
    FILTERS,
    FIRST_START_YEAR,
    LAST_START_YEAR,
    LIBRARY_SORTS,
    YEAR_FROM,
    YEAR_LABELS,
    YEAR_TO,
    Filter,
    PracticeFilters,
)
from .models import SDG, TargetGroup, Theme
from .selectors import used_tags


def vocabulary_choices(spec: Filter) -> list[tuple]:
    """Every valid value of a filter with its label, in the order people expect to read them: themes and
    target groups as editors ordered them, SDGs by number, tags and provinces in Turkish alphabetical order.
    One query per database vocabulary, whatever the number of practices."""
    if spec.choices is not None:
        return list(spec.choices.choices)
    # Labels in the reader's language (name_en on English pages), values the one shared vocabulary of slugs.
    if spec.param == "theme":
        return [(theme.slug, theme.display_name) for theme in Theme.objects.only("slug", "name", "name_en")]
    if spec.param == "target_group":
        groups = TargetGroup.objects.only("slug", "name", "name_en")
        return [(group.slug, group.display_name) for group in groups]
    if spec.param == "sdg":
        return [(sdg.number, str(sdg)) for sdg in SDG.objects.all()]
    if spec.param == "tag":
        return list(used_tags().values_list("slug", "name"))
    if spec.param == "province":
        return [
            (province.plate, province.name) for province in turkish_sorted(PROVINCES, key=lambda p: p.name)
        ]
    raise ValueError(f"No vocabulary for the filter {spec.param!r}.")


# The vocabularies read from the database (the others are fixed choices or the province list).
DATABASE_VOCABULARIES = ("theme", "target_group", "sdg", "tag")


def database_vocabularies() -> dict[str, list[tuple]]:
    """The choices of the filters whose vocabulary is in the database, labels as plain strings (so they can
    be kept between requests: practices.listing.keep() keys them on the interface language)."""
    return {
        spec.param: [(value, str(label)) for value, label in vocabulary_choices(spec)]
        for spec in FILTERS
        if spec.param in DATABASE_VOCABULARIES
    }


class SkipEmptyMixin:
    """An empty value means "no restriction": a select's "All" option sends ``province=``."""

    def to_python(self, value):
        return [item for item in super().to_python(value) if item != ""]


class FilterChoiceField(SkipEmptyMixin, forms.MultipleChoiceField):
    pass


class NumberFilterChoiceField(SkipEmptyMixin, forms.TypedMultipleChoiceField):
    pass


def filter_field(spec: Filter) -> forms.Field:
    if spec.value_type is int:
        return NumberFilterChoiceField(coerce=int, required=False, label=spec.label)
    return FilterChoiceField(required=False, label=spec.label)


class LibraryFilterForm(forms.Form):
    """Every filter is a GET parameter, so each combination has a shareable URL.

    All choices are plain strings compared in Python (vocabularies are loaded once in ``__init__``), so no
    value from the query string ever reaches the database unvalidated: "sdg=99" or "theme=\\x00" is a form
    error with a message, never a database error.
    """

    sort_choices = LIBRARY_SORTS

    def __init__(self, *args, vocabularies: dict[str, list[tuple]] | None = None, **kwargs):
        """``vocabularies``: database_vocabularies() read earlier (kept by the library); read here if None."""
        super().__init__(*args, **kwargs)
        known = vocabularies or {}
        for spec in FILTERS:
            field = filter_field(spec)
            field.choices = known[spec.param] if spec.param in known else vocabulary_choices(spec)
            self.fields[spec.param] = field
        for name in (YEAR_FROM, YEAR_TO):
            self.fields[name] = forms.IntegerField(
                required=False, min_value=FIRST_START_YEAR, max_value=LAST_START_YEAR, label=YEAR_LABELS[name]
            )
        self.fields["sort"] = forms.ChoiceField(
            choices=list(self.sort_choices.items()), required=False, label=_("Sort by")
        )

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get(YEAR_FROM), cleaned.get(YEAR_TO)
        if year_from and year_to and year_from > year_to:
            self.add_error(YEAR_TO, _("“Started until” must not be before “Started from”."))
        return cleaned

    @property
    def filters(self) -> PracticeFilters:
        """The valid filters (none when the form is unbound or invalid)."""
        if not self.is_bound or not self.is_valid():
            return PracticeFilters()
        return PracticeFilters.from_form_data(self.cleaned_data)

    @property
    def has_active_filters(self) -> bool:
        return not self.filters.is_empty()
