"""Admin forms and list filters for the mentorship records; rules stay in services.py."""

from collections.abc import Iterable
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents import get_document_model
from wagtail.documents.widgets import AdminDocumentChooser

import django_filters

from portal.provinces import PROVINCE_CHOICES
from practices.models import PracticePage

from .choosers import AdoptionChooserWidget, PracticeChooserWidget, VisitChooserWidget, as_id
from .models import (
    STAGE_ORDER,
    Adoption,
    AdoptionStage,
    ContactPerson,
    ContactSource,
    FollowUp,
    Municipality,
    MunicipalityKind,
    PopulationBand,
    Visit,
    VisitFormat,
    VisitStatus,
)
from .services import AdopterFigure


def mentor_users(request=None):
    """Users who can take part in mentorship (Mentors group or superusers), for choosers and filters."""
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name="Mentors"), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class MentorChoiceMixin:
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class MentorChoiceField(MentorChoiceMixin, forms.ModelChoiceField):
    pass


class MentorMultipleChoiceField(MentorChoiceMixin, forms.ModelMultipleChoiceField):
    pass


# ---- edit forms -------------------------------------------------------------------------------------------

PRACTICE_ROWS = "practice_links"


def practice_choice_queryset(*, keep_ids: Iterable[int] = ()) -> QuerySet[PracticePage]:
    """Practices a mentor may choose: live and public, plus those already on the record."""
    published = PracticePage.objects.live().public().values("pk")
    return PracticePage.objects.filter(Q(pk__in=published) | Q(pk__in=list(keep_ids)))


class VisitForm(WagtailAdminModelForm):
    """Mentors plan and update visits here; completion goes through the "Complete visit" action.

    The practices discussed are chooser rows (formset "practice_links", see VisitViewSet's panels): the page
    never lists the library, whatever its size.
    """

    mentors = MentorMultipleChoiceField(
        queryset=mentor_users(), required=False, widget=forms.CheckboxSelectMultiple, label=_("mentors")
    )

    class Meta:
        model = Visit
        fields = [
            "municipality",
            "status",
            "date",
            "preferred_dates",
            "format",
            "mentors",
            "participants",
            "delegation_size",
            "purpose",
            "contact",
            "request_message",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentors"].queryset = mentor_users()
        # Completing and declining are actions of their own (adoptions updated, requester told).
        own = self.instance.status if self.instance.pk else None
        self.fields["status"].choices = [
            (value, label)
            for value, label in VisitStatus.choices
            if value not in (VisitStatus.COMPLETED, VisitStatus.DECLINED) or value == own
        ]
        if self.instance.pk and self.instance.status == VisitStatus.COMPLETED:
            self.fields["status"].choices = VisitStatus.choices
            self.fields["status"].disabled = True
        if "contact" in self.fields:
            self.fields["contact"].queryset = ContactPerson.objects.select_related("municipality")
        for form in self.practice_forms:
            field = form.fields["practice"]
            field.queryset = practice_choice_queryset(keep_ids=[form.instance.practice_id or 0])
            field.error_messages["invalid_choice"] = _("Choose a published practice.")

    @property
    def practice_forms(self) -> list:
        formset = self.formsets.get(PRACTICE_ROWS) if hasattr(self, "formsets") else None
        return list(formset.forms) if formset is not None else []

    def clean(self):
        cleaned = super().clean()
        seen = set()
        for form in self.practice_forms:
            data = getattr(form, "cleaned_data", None) or {}
            practice = data.get("practice")
            if practice is None or data.get("DELETE"):
                continue
            if practice.pk in seen:
                form.add_error("practice", _("This practice is already on the visit."))
            seen.add(practice.pk)
        status = cleaned.get("status")
        if status == VisitStatus.COMPLETED and not (
            self.instance.pk and self.instance.status == VisitStatus.COMPLETED
        ):
            self.add_error("status", _("Use the “Complete visit” action so the adoptions are updated."))
        contact = cleaned.get("contact")
        municipality = cleaned.get("municipality")
        if contact and municipality and contact.municipality_id != municipality.pk:
            self.add_error("contact", _("The contact person works at another municipality."))
        return cleaned


class RecordChoiceField(forms.ModelChoiceField):
    """A chooser's id; one that is not a plausible id is an invalid choice before reaching the database."""

    def to_python(self, value):
        if value not in self.empty_values and as_id(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class FollowUpForm(WagtailAdminModelForm):
    """The parent visit or adoption is picked in a chooser (searchable, paginated): the page never lists them.

    Exactly one of the two: FollowUp.clean() says so, the database constraint enforces it.
    """

    assignee = MentorChoiceField(queryset=mentor_users(), label=_("assignee"))

    class Meta:
        model = FollowUp
        fields = ["action", "assignee", "due_date", "done_at", "visit", "adoption"]
        field_classes = {"visit": RecordChoiceField, "adoption": RecordChoiceField}
        widgets = {"visit": VisitChooserWidget, "adoption": AdoptionChooserWidget}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = mentor_users()


class AdoptionForm(WagtailAdminModelForm):
    """Adaptation details; the stage is not editable here (use "Change stage" so the history is kept)."""

    mentor = MentorChoiceField(queryset=mentor_users(), required=False, label=_("responsible mentor"))

    class Meta:
        model = Adoption
        fields = ["municipality", "practice", "mentor", "kept", "changed", "show_publicly"]
        # The chooser, not a select of the whole library.
        widgets = {"practice": PracticeChooserWidget}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentor_users()
        practice = self.fields["practice"]
        practice.queryset = practice_choice_queryset(keep_ids=[self.instance.practice_id or 0])
        practice.error_messages["invalid_choice"] = _("Choose a published practice.")
        if self.instance.pk:
            # Moving an adoption to another municipality or practice would rewrite its history.
            self.fields["municipality"].disabled = True
            practice.disabled = True


class AdoptionStageForm(forms.Form):
    to_stage = forms.ChoiceField(choices=AdoptionStage.choices, label=_("new stage"))
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label=_("note"),
        help_text=_("Required when moving back to an earlier stage or re-opening a dropped adoption."),
    )
    evidence_url = forms.URLField(required=False, label=_("evidence link"), assume_scheme="https")
    evidence_document = forms.ModelChoiceField(
        queryset=get_document_model().objects.all(),
        required=False,
        widget=AdminDocumentChooser,
        label=_("evidence document"),
    )

    def __init__(self, *args, adoption: Adoption, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [
            ("", _("— choose —")),
            *((value, label) for value, label in AdoptionStage.choices if value != adoption.stage),
        ]
        # The usual move is one step forward: offer it, not the first stage (which would be a step back).
        self.fields["to_stage"].initial = next_stage(adoption.stage)


def next_stage(stage: str) -> str | None:
    """The stage after `stage` on the forward path; None after the last one and for "dropped"."""
    order = STAGE_ORDER.get(stage)
    if order is None:
        return None
    return next((value for value, position in STAGE_ORDER.items() if position == order + 1), None)


# ---- triage of public requests ----------------------------------------------------------------------------


class VisitScheduleForm(forms.Form):
    date = forms.DateField(label=_("date of the visit"), widget=AdminDateInput)
    mentors = MentorMultipleChoiceField(
        queryset=mentor_users(), widget=forms.CheckboxSelectMultiple, label=_("mentors")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentors"].queryset = mentor_users()


class VisitDeclineForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        label=_("reason"),
        help_text=_("Sent to the requester as written: be kind and say what they could do instead."),
    )


class MunicipalityMergeForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=Municipality.objects.none(),
        label=_("merge into"),
        help_text=_("The existing municipality this name stands for."),
    )

    def __init__(self, *args, duplicate: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Municipality.objects.filter(confirmed=True).exclude(pk=duplicate.pk).order_by("name", "pk")
        )


# ---- adopters' results ------------------------------------------------------------------------------------


class AdoptionResultsForm(forms.Form):
    """The adaptation record and the adopter's value for each of the origin practice's metrics.

    One row per metric at origin (value, unit, year); an empty value removes what was recorded.
    """

    kept = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label=_("what was kept of the original practice"),
    )
    changed = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label=_("what was changed, and why")
    )
    show_publicly = forms.BooleanField(
        required=False,
        label=_("publish this adaptation"),
        help_text=Adoption._meta.get_field("show_publicly").help_text,
    )

    def __init__(self, *args, adoption: Adoption, origin_metrics, **kwargs):
        super().__init__(*args, **kwargs)
        self.origin_metrics = list(origin_metrics)
        recorded = {row.origin_metric_id: row for row in adoption.metrics.filter(origin_metric__isnull=False)}
        self.initial.update(
            kept=adoption.kept, changed=adoption.changed, show_publicly=adoption.show_publicly
        )
        for origin in self.origin_metrics:
            row = recorded.get(origin.pk)
            self.fields[f"value_{origin.pk}"] = forms.DecimalField(
                max_digits=14, decimal_places=2, required=False, label=_("value")
            )
            self.fields[f"unit_{origin.pk}"] = forms.CharField(max_length=50, required=False, label=_("unit"))
            self.fields[f"year_{origin.pk}"] = forms.IntegerField(
                min_value=1900, max_value=2100, required=False, label=_("year")
            )
            self.initial[f"value_{origin.pk}"] = row.value if row else None
            self.initial[f"unit_{origin.pk}"] = row.unit if row else origin.unit
            self.initial[f"year_{origin.pk}"] = row.year if row else None

    def rows(self) -> list[tuple]:
        """(metric at origin, value field, unit field, year field) for the template."""
        return [
            (origin, self[f"value_{origin.pk}"], self[f"unit_{origin.pk}"], self[f"year_{origin.pk}"])
            for origin in self.origin_metrics
        ]

    def figures(self) -> list[AdopterFigure]:
        data = self.cleaned_data
        return [
            AdopterFigure(
                origin_metric_id=origin.pk,
                value=data.get(f"value_{origin.pk}"),
                unit=data.get(f"unit_{origin.pk}") or "",
                year=data.get(f"year_{origin.pk}"),
            )
            for origin in self.origin_metrics
        ]

    def clean(self):
        cleaned = super().clean()
        for origin in self.origin_metrics:
            value: Decimal | None = cleaned.get(f"value_{origin.pk}")
            if value is None and cleaned.get(f"year_{origin.pk}"):
                self.add_error(f"value_{origin.pk}", _("Give the value for this year, or clear the year."))
        return cleaned


# ---- list filters -----------------------------------------------------------------------------------------


class DateRangeFilter(django_filters.DateFromToRangeFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", DateRangePickerWidget)
        super().__init__(*args, **kwargs)


class MunicipalityFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=MunicipalityKind.choices, label=_("kind"))
    province = django_filters.ChoiceFilter(choices=PROVINCE_CHOICES, label=_("province"))
    population_band = django_filters.ChoiceFilter(choices=PopulationBand.choices, label=_("population band"))
    confirmed = django_filters.BooleanFilter(label=_("confirmed"))
    created_at = DateRangeFilter(label=_("created at"))

    class Meta:
        model = Municipality
        fields = ["kind", "province", "population_band", "confirmed", "is_demo", "created_at"]


class ContactPersonFilterSet(WagtailFilterSet):
    municipality__province = django_filters.ChoiceFilter(choices=PROVINCE_CHOICES, label=_("province"))
    source = django_filters.ChoiceFilter(choices=ContactSource.choices, label=_("source"))
    anonymised = django_filters.BooleanFilter(
        field_name="anonymised_at", lookup_expr="isnull", exclude=True, label=_("anonymised")
    )
    created_at = DateRangeFilter(label=_("created at"))

    class Meta:
        model = ContactPerson
        fields = ["municipality__province", "source", "anonymised", "created_at"]


class VisitFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=VisitStatus.choices, label=_("status"))
    municipality__confirmed = django_filters.BooleanFilter(label=_("municipality confirmed"))
    created_at = DateRangeFilter(label=_("received"))
    format = django_filters.ChoiceFilter(choices=VisitFormat.choices, label=_("format"))
    mentors = django_filters.ModelChoiceFilter(queryset=mentor_users, label=_("mentor"))
    municipality__kind = django_filters.ChoiceFilter(choices=MunicipalityKind.choices, label=_("kind"))
    municipality__province = django_filters.ChoiceFilter(choices=PROVINCE_CHOICES, label=_("province"))
    date = DateRangeFilter(label=_("date"))

    class Meta:
        model = Visit
        fields = [
            "status",
            "format",
            "mentors",
            "municipality__kind",
            "municipality__province",
            "municipality__confirmed",
            "date",
            "created_at",
        ]


class FollowUpFilterSet(WagtailFilterSet):
    assignee = django_filters.ModelChoiceFilter(queryset=mentor_users, label=_("assignee"))
    is_open = django_filters.BooleanFilter(field_name="done_at", lookup_expr="isnull", label=_("open"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("overdue"))
    due_date = DateRangeFilter(label=_("due date"))

    class Meta:
        model = FollowUp
        fields = ["assignee", "is_open", "overdue", "due_date"]

    def filter_overdue(self, queryset, name, value):
        overdue = Q(done_at__isnull=True, due_date__lt=timezone.localdate())
        if value is None:
            return queryset
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class AdoptionFilterSet(WagtailFilterSet):
    stage = django_filters.ChoiceFilter(choices=AdoptionStage.choices, label=_("stage"))
    mentor = django_filters.ModelChoiceFilter(queryset=mentor_users, label=_("mentor"))
    municipality__kind = django_filters.ChoiceFilter(choices=MunicipalityKind.choices, label=_("kind"))
    municipality__province = django_filters.ChoiceFilter(choices=PROVINCE_CHOICES, label=_("province"))
    stage_changed_at = DateRangeFilter(label=_("stage changed at"))

    class Meta:
        model = Adoption
        # No practice filter: a select of the whole library; the list's search matches practice titles.
        fields = [
            "stage",
            "mentor",
            "municipality__kind",
            "municipality__province",
            "stage_changed_at",
        ]
