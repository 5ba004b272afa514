"""The library's filter form: turns a query string into validated filters, or clear messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.provinces import PROVINCE_CHOICES

from .models import SDG, BudgetBand, EvidenceLevel, PracticeStatus, TargetGroup, Theme
from .models.pages import FIRST_START_YEAR




SORT_CHOICES = [
    ("newest", _("Newest")),
    ("title", _("A–Z")),
    ("most_adopted", _("Most adopted")),
    ("start_year", _("Start year")),
]


class LibraryFilterForm(forms.Form):
    """Every filter is a GET parameter, so each combination has a shareable URL."""

    theme = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(), to_field_name="slug", required=False, label=_("Theme"),
        widget=forms.CheckboxSelectMultiple,
    )
    target_group = forms.ModelMultipleChoiceField(
        queryset=TargetGroup.objects.all(), to_field_name="slug", required=False, label=_("Target group"),
        widget=forms.CheckboxSelectMultiple,
    )
    tag = forms.CharField(required=False, max_length=100, label=_("Tag"))
    sdg = forms.ModelMultipleChoiceField(
        queryset=SDG.objects.all(), to_field_name="number", required=False, label=_("Sustainable development goal"),
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.MultipleChoiceField(
        choices=PracticeStatus.choices, required=False, label=_("Status"), widget=forms.CheckboxSelectMultiple
    )
    evidence = forms.MultipleChoiceField(
        choices=EvidenceLevel.choices, required=False, label=_("Evidence level"), widget=forms.CheckboxSelectMultiple
    )
    budget = forms.MultipleChoiceField(
        choices=BudgetBand.choices, required=False, label=_("Budget band"), widget=forms.CheckboxSelectMultiple
    )
    province = forms.TypedChoiceField(
        choices=[("", _("All provinces"))] + PROVINCE_CHOICES, coerce=int, empty_value=None,
        required=False, label=_("Province"),
    )
    year_from = forms.IntegerField(required=False, min_value=FIRST_START_YEAR, max_value=2100, label=_("Started from"))
    year_to = forms.IntegerField(required=False, min_value=FIRST_START_YEAR, max_value=2100, label=_("Started until"))
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sort by"))

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from and year_to and year_from > year_to:
            self.add_error("year_to", _("“Started until” must not be before “Started from”."))
        return cleaned
