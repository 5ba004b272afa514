"""Admin choosers for the mentors' forms.

Practices: live, public practices only, searchable by title. Visits and adoptions (the parent of a follow-up):
mentors only, newest first, searchable, labelled so a mentor recognises them ("Tepebaşı — 12.03.2026, …").
"""

import datetime
import re
from functools import wraps

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.urls import URLPattern
from django.utils import dateformat
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser

from practices.models import PracticePage

from .models import Adoption, Visit
from .permissions import user_can_mentor


class RecordSearchForm(BaseFilterForm):
    """One search box; each chooser says which fields it matches (search_for: query -> Q)."""

    search_for = None
    q = forms.CharField(
        label=_("Search term"), widget=forms.TextInput(attrs={"placeholder": _("Search")}), required=False
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(type(self).search_for(query))
            self.is_searching = True
            self.search_query = query
        return objects


class PracticeTitleSearchForm(RecordSearchForm):
    # A title filter rather than the search backend: the backend cannot apply public()'s restriction filter.
    search_for = staticmethod(lambda query: Q(title__icontains=query))


class PracticeChooseView(chooser_views.ChooseView):
    filter_form_class = PracticeTitleSearchForm


class PracticeChooseResultsView(chooser_views.ChooseResultsView):
    filter_form_class = PracticeTitleSearchForm


class PracticeChooserViewSet(ChooserViewSet):
    model = PracticePage
    icon = "doc-full-inverse"
    choose_one_text = _("Choose a practice")
    choose_another_text = _("Choose another practice")
    page_title = _("Choose practices")
    per_page = 20
    # Only the mentorship forms use it; other PracticePage foreign keys keep their own widgets.
    register_widget = False
    choose_view_class = PracticeChooseView
    choose_results_view_class = PracticeChooseResultsView

    def get_object_list(self):
        return PracticePage.objects.live().public().order_by("title", "pk")


practice_chooser_viewset = PracticeChooserViewSet(
    "mentorship_practice_chooser", url_prefix="mentorship/practices"
)
PracticeChooserWidget = practice_chooser_viewset.widget_class


# ---- visits and adoptions (the parent of a follow-up) ------------------------------------------------------

# Largest id a chooser accepts from a URL or a posted form (bigger numbers overflow SQLite's integers).
MAX_ID = 2**63 - 1


def as_id(value) -> int | None:
    """A posted or URL id as an int, or None for anything that is not a plausible primary key."""
    if isinstance(value, int):
        return value if 0 < value <= MAX_ID else None
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    return as_id(int(text))


def visit_choice_queryset() -> QuerySet[Visit]:
    """Visits with what their label needs (municipality name, kind, province; date, format, status)."""
    return Visit.objects.select_related("municipality").only(
        "date",
        "format",
        "status",
        "created_at",
        "municipality__name",
        "municipality__kind",
        "municipality__province",
    )


def adoption_choice_queryset() -> QuerySet[Adoption]:
    """Adoptions with what their label needs; the practice's title only, not its page row."""
    return Adoption.objects.select_related("municipality", "practice").only(
        "stage",
        "created_at",
        "municipality__name",
        "municipality__kind",
        "municipality__province",
        "practice__title",
    )


def visit_label(visit: Visit) -> str:
    when = dateformat.format(visit.date, "d.m.Y") if visit.date else gettext("date to be agreed")
    return gettext("%(municipality)s — %(date)s, %(format)s") % {
        "municipality": visit.municipality,
        "date": when,
        "format": visit.get_format_display(),
    }


def adoption_label(adoption: Adoption) -> str:
    return gettext("%(municipality)s — %(practice)s (%(stage)s)") % {
        "municipality": adoption.municipality,
        "practice": adoption.practice.title,
        "stage": adoption.get_stage_display(),
    }


def date_search(query: str) -> Q | None:
    """A day (12.03.2026, 2026-03-12), a month (03.2026, 2026-03) or a year (2026), else None."""
    for pattern in ("%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return Q(date=datetime.datetime.strptime(query, pattern).date())
        except ValueError:
            pass
    for pattern in ("%m.%Y", "%m/%Y", "%Y-%m"):
        try:
            month = datetime.datetime.strptime(query, pattern)
        except ValueError:
            continue
        return Q(date__year=month.year, date__month=month.month)
    if re.fullmatch(r"\d{4}", query):
        return Q(date__year=int(query))
    return None


def visit_search(query: str) -> Q:
    found = Q(municipality__name__icontains=query)
    on_date = date_search(query)
    return found | on_date if on_date is not None else found


def adoption_search(query: str) -> Q:
    return Q(municipality__name__icontains=query) | Q(practice__title__icontains=query)


class VisitSearchForm(RecordSearchForm):
    search_for = staticmethod(visit_search)


class AdoptionSearchForm(RecordSearchForm):
    search_for = staticmethod(adoption_search)


class LabelledRecordsMixin:
    """Rows titled with the record's label (not str()), plus the columns listed in extra_columns."""

    label_for = None
    extra_columns: tuple[Column, ...] = ()

    @property
    def columns(self):
        title = self.title_column
        title.accessor = type(self).label_for
        title.label = capfirst(self.model_class._meta.verbose_name)
        return [title, *self.extra_columns]

    def can_create(self):
        return False


class LabelledChosenMixin:
    label_for = None
    queryset = None

    def get_object(self, pk):
        pk = as_id(pk)
        if pk is None:
            raise type(self).queryset().model.DoesNotExist
        return type(self).queryset().get(pk=pk)

    def get_objects(self, pks):
        return type(self).queryset().filter(pk__in=[pk for pk in map(as_id, pks) if pk is not None])

    def get_display_title(self, instance):
        return type(self).label_for(instance)


class LabelledChooserWidget(BaseChooser):
    """The form widget: shows the chosen record's label, loaded with one query (or none when re-shown)."""

    label_for = None
    queryset = None

    def get_instance(self, value):
        if value is None or isinstance(value, self.model_class):
            return value
        pk = as_id(value)
        return type(self).queryset().filter(pk=pk).first() if pk is not None else None

    def get_display_title(self, instance):
        return type(self).label_for(instance)


def mentors_only(view):
    """Editors and publishers get the refusal the other mentorship views give; anonymous users never get here
    (Wagtail sends them to the login page first)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not user_can_mentor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


class RecordChooserViewSet(ChooserViewSet):
    """A chooser for mentorship records: mentors only, no "create" tab (records have their own forms)."""

    register_widget = False
    per_page = 20
    label_for = None
    queryset = None
    ordering: tuple = ()
    search_form_class = RecordSearchForm
    extra_columns: tuple[Column, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_for, queryset = staticmethod(type(self).label_for), staticmethod(type(self).queryset)
        listing = {
            "label_for": label_for,
            "extra_columns": self.extra_columns,
            "filter_form_class": self.search_form_class,
        }
        self.choose_view_class = type("ChooseView", (LabelledRecordsMixin, chooser_views.ChooseView), listing)
        self.choose_results_view_class = type(
            "ChooseResultsView", (LabelledRecordsMixin, chooser_views.ChooseResultsView), listing
        )
        chosen = {"label_for": label_for, "queryset": queryset}
        self.chosen_view_class = type("ChosenView", (LabelledChosenMixin, chooser_views.ChosenView), chosen)
        self.chosen_multiple_view_class = type(
            "ChosenMultipleView", (LabelledChosenMixin, chooser_views.ChosenMultipleView), chosen
        )
        self.base_widget_class = type("ChooserWidget", (LabelledChooserWidget,), chosen)

    def get_object_list(self):
        return type(self).queryset().order_by(*self.ordering)

    def get_urlpatterns(self):
        return [
            URLPattern(pattern.pattern, mentors_only(pattern.callback), pattern.default_args, pattern.name)
            for pattern in super().get_urlpatterns()
            if pattern.name != "create"
        ]


class VisitChooserViewSet(RecordChooserViewSet):
    model = Visit
    icon = "date"
    choose_one_text = _("Choose a visit")
    choose_another_text = _("Choose another visit")
    label_for = visit_label
    queryset = visit_choice_queryset
    # Newest first, as in the visit list: requests without a date yet, then by date, latest first.
    ordering = (F("date").desc(nulls_first=True), "-created_at", "-pk")
    search_form_class = VisitSearchForm
    extra_columns = (Column("status", label=_("status"), accessor="get_status_display"),)


class AdoptionChooserViewSet(RecordChooserViewSet):
    model = Adoption
    icon = "resubmit"
    choose_one_text = _("Choose an adoption")
    choose_another_text = _("Choose another adoption")
    label_for = adoption_label
    queryset = adoption_choice_queryset
    ordering = ("-created_at", "-pk")
    search_form_class = AdoptionSearchForm


visit_chooser_viewset = VisitChooserViewSet("mentorship_visit_chooser", url_prefix="mentorship/visit-chooser")
adoption_chooser_viewset = AdoptionChooserViewSet(
    "mentorship_adoption_chooser", url_prefix="mentorship/adoption-chooser"
)
VisitChooserWidget = visit_chooser_viewset.widget_class
AdoptionChooserWidget = adoption_chooser_viewset.widget_class
