"""The library's filter form: turns a query string into validated filters, or clear messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.provinces import PROVINCE_CHOICES

from .models import SDG, BudgetBand, EvidenceLevel, PracticeStatus, TargetGroup, Theme
from .models.pages import FIRST_START_YEAR
from .selectors import used_tags

LAST_START_YEAR = 2100

SORT_CHOICES = [
    ("newest", _("Newest")),
    ("title", _("A–Z")),
    ("most_adopted", _("Most adopted")),
    ("start_year", _("Start year")),
]


class LibraryFilterForm(forms.Form):
    """Every filter is a GET parameter, so each combination has a shareable URL.

    All choices are plain strings compared in Python (vocabularies are loaded once in ``__init__``), so no
    value from the query string ever reaches the database unvalidated: "sdg=99" or "theme=\\x00" is a form
    error with a message, never a database error.
    """

    theme = forms.MultipleChoiceField(required=False, label=_("Theme"), widget=forms.CheckboxSelectMultiple)
    target_group = forms.MultipleChoiceField(
        required=False, label=_("Target group"), widget=forms.CheckboxSelectMultiple
    )
    tag = forms.MultipleChoiceField(required=False, label=_("Tag"), widget=forms.CheckboxSelectMultiple)
    sdg = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        label=_("Sustainable development goal"),
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.MultipleChoiceField(
        choices=PracticeStatus.choices,
        required=False,
        label=_("Status"),
        widget=forms.CheckboxSelectMultiple,
    )
    evidence = forms.MultipleChoiceField(
        choices=EvidenceLevel.choices,
        required=False,
        label=_("Evidence level"),
        widget=forms.CheckboxSelectMultiple,
    )
    budget = forms.MultipleChoiceField(
        choices=BudgetBand.choices,
        required=False,
        label=_("Budget band"),
        widget=forms.CheckboxSelectMultiple,
    )
    province = forms.TypedMultipleChoiceField(
        choices=PROVINCE_CHOICES,
        coerce=int,
        required=False,
        label=_("Province"),
        help_text=_("Hold Ctrl (or ⌘) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    year_from = forms.IntegerField(
        required=False, min_value=FIRST_START_YEAR, max_value=LAST_START_YEAR, label=_("Started from")
    )
    year_to = forms.IntegerField(
        required=False, min_value=FIRST_START_YEAR, max_value=LAST_START_YEAR, label=_("Started until")
    )
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sort by"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query per vocabulary, whatever the number of practices.
        self.fields["theme"].choices = list(Theme.objects.values_list("slug", "name"))
        self.fields["target_group"].choices = list(TargetGroup.objects.values_list("slug", "name"))
        self.fields["sdg"].choices = [(sdg.number, str(sdg)) for sdg in SDG.objects.all()]
        self.fields["tag"].choices = list(used_tags().values_list("slug", "name"))

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from and year_to and year_from > year_to:
            self.add_error("year_to", _("“Started until” must not be before “Started from”."))
        return cleaned

    @property
    def has_active_filters(self) -> bool:
        if not self.is_bound or not self.is_valid():
            return False
        return any(value for name, value in self.cleaned_data.items() if name != "sort")
