"""Mentorship in the Wagtail admin: the menu group with its viewsets, dashboard panels and calendar settings.

Every view is guarded by the mentorship model permissions (Mentors group, superusers); editors see none of it.
"""

import datetime

from django import forms
from django.db import models
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from portal.figures import HEADLINE_FIGURES_HOOK

from . import history_admin  # noqa: F401 - practices with adoption history cannot be deleted
from .admin_actions import (
    AdoptionResultsView,
    FollowUpMarkDoneView,
    MarkDoneColumn,
    MunicipalityConfirmView,
    MunicipalityMergeView,
    VisitDeclineView,
    VisitNeedsProposalView,
    VisitScheduleView,
)
from .admin_views import (
    AdoptionChangeStageView,
    AdoptionCreateView,
    AdoptionDeleteView,
    AdoptionIndexView,
    AdoptionInspectView,
    CalendarFeedSettingsView,
    FollowUpInspectView,
    LocalTimeInspectView,
    MunicipalityInspectView,
    QuerysetIndexView,
    SafeDeleteView,
    VisitCompleteView,
    VisitInspectView,
    user_can_mentor,
    visit_can_be_completed,
)
from .choosers import (
    PracticeChooserWidget,
    adoption_chooser_viewset,
    practice_chooser_viewset,
    visit_chooser_viewset,
)
from .dashboard import (
    AdoptionFunnelPanel,
    MatchmakingPanel,
    NewRequestsPanel,
    OverdueFollowUpsPanel,
    ReadinessDemandPanel,
    StalledAdoptionsPanel,
    UpcomingVisitsPanel,
)
from .forms import (
    PRACTICE_ROWS,
    AdoptionFilterSet,
    AdoptionForm,
    ContactPersonFilterSet,
    FollowUpFilterSet,
    FollowUpForm,
    MunicipalityFilterSet,
    VisitFilterSet,
    VisitForm,
)
from .models import Adoption, ContactPerson, FollowUp, Municipality, Visit, VisitStatus
from .practice_matches_admin import URL_NAME as PRACTICE_MUNICIPALITIES_URL_NAME
from .practice_matches_admin import PracticeMunicipalitiesView, practice_header_buttons
from .privacy_admin import ContactInspectView  # also registers the KVKK views and log actions
from .public import figures as public_figures
from .registrations_admin import EventRegistrationViewSet


class MentorOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_mentor(request.user)


def visit_is_new_request(visit: Visit) -> bool:
    return visit.status == VisitStatus.REQUESTED


def dated_filename(stem: str) -> str:
    return f"{stem}-{datetime.date.today():%Y-%m-%d}"


class MentorshipModelViewSet(ModelViewSet):
    index_view_class = QuerysetIndexView
    delete_view_class = SafeDeleteView
    inspect_view_class = LocalTimeInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_admin_menu = False
    form_class = None

    def get_form_class(self, for_update=False):
        return self.form_class or super().get_form_class(for_update=for_update)

    def formfield_for_dbfield(self, db_field, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, **kwargs)


class MunicipalityViewSet(MentorshipModelViewSet):
    model = Municipality
    icon = "site"
    name = "mentorship_municipalities"
    url_prefix = "mentorship/municipalities"
    menu_order = 100
    inspect_view_class = MunicipalityInspectView
    inspect_view_fields_exclude = ["id", "is_demo"]
    list_display = ["name", "kind", "province", "district", "population_band", "confirmed"]
    search_fields = ["name", "district"]
    filterset_class = MunicipalityFilterSet
    ordering = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("kind"),
            FieldPanel("population_band"),
            FieldPanel("province"),
            FieldPanel("district"),
            FieldPanel("latitude"),
            FieldPanel("longitude"),
            FieldPanel("website"),
            MultiFieldPanel(
                [
                    FieldPanel("needed_themes", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("needed_target_groups", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("budget_band"),
                    FieldPanel("needs_notes"),
                ],
                heading=_("Needs"),
                help_text=_("Matchmaking suggests practices from these, on this page and the dashboard."),
            ),
        ]
    )
    list_export = [
        "name",
        "get_kind_display",
        "province",
        "province_name",
        "district",
        "get_population_band_display",
        "latitude",
        "longitude",
        "website",
    ]
    export_headings = {
        "get_kind_display": _("Kind"),
        "province": _("Plate code"),
        "province_name": _("Province"),
        "get_population_band_display": _("Population band"),
    }

    @property
    def export_filename(self):
        return dated_filename("municipalities")

    def get_inspect_view_kwargs(self, **kwargs):
        # A municipality a mentor enters is confirmed (the field's default); a visitor's typed one is
        # confirmed, or merged into the one it stands for, from its page.
        return super().get_inspect_view_kwargs(
            confirm_url_name=self.get_url_name("confirm"), merge_url_name=self.get_url_name("merge"), **kwargs
        )

    @property
    def confirm_view(self):
        return self.construct_view(MunicipalityConfirmView, inspect_url_name=self.get_url_name("inspect"))

    @property
    def merge_view(self):
        return self.construct_view(
            MunicipalityMergeView,
            inspect_url_name=self.get_url_name("inspect"),
            index_url_name=self.get_url_name("index"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("confirm/<int:pk>/", self.confirm_view, name="confirm"),
            path("merge/<int:pk>/", self.merge_view, name="merge"),
        ]


class ContactPersonViewSet(MentorshipModelViewSet):
    model = ContactPerson
    icon = "user"
    name = "mentorship_contacts"
    url_prefix = "mentorship/contacts"
    menu_order = 200
    inspect_view_class = ContactInspectView  # with the KVKK actions: download, erase
    list_display = ["name", "municipality", "role", "email", "phone", "source", "consent_given_at"]
    search_fields = ["name", "email", "role", "municipality__name"]
    filterset_class = ContactPersonFilterSet
    form_fields = [
        "municipality",
        "name",
        "role",
        "email",
        "phone",
        "consent_given_at",
        "consent_text_version",
        "source",
    ]
    inspect_view_fields = [
        "municipality",
        "name",
        "role",
        "email",
        "phone",
        "source",
        "consent_given_at",
        "consent_text_version",
        "anonymised_at",
        "created_at",
    ]
    list_export = [
        "name",
        "municipality",
        "role",
        "email",
        "phone",
        "get_source_display",
        "consent_given_at",
        "consent_text_version",
        "anonymised_at",
        "created_at",
    ]
    export_headings = {"get_source_display": _("Source")}

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(select_related=("municipality",), **kwargs)

    @property
    def export_filename(self):
        return dated_filename("contacts")


class VisitViewSet(MentorshipModelViewSet):
    model = Visit
    icon = "date"
    name = "mentorship_visits"
    url_prefix = "mentorship/visits"
    menu_order = 300
    inspect_view_class = VisitInspectView
    # Panels so the practices discussed are chosen in Wagtail's chooser (searchable, paginated, several at
    # once) instead of a list of the whole library; VisitForm keeps the rules.
    edit_handler = ObjectList(
        [
            *(FieldPanel(name) for name in ("municipality", "status", "date", "preferred_dates", "format")),
            FieldPanel("mentors"),
            MultipleChooserPanel(
                PRACTICE_ROWS,
                chooser_field_name="practice",
                panels=[FieldPanel("practice", widget=PracticeChooserWidget)],
                heading=_("Practices discussed"),
                label=_("Practice"),
            ),
            *(FieldPanel(name) for name in ("participants", "delegation_size", "purpose", "contact")),
            *(FieldPanel(name) for name in ("request_message", "notes")),
        ],
        base_form_class=VisitForm,
    )
    # What triage needs without opening each request: when it came, what and when they asked, how many.
    list_display = [
        "municipality",
        Column("created_at", label=_("Received"), sort_key="created_at"),
        "status",
        "date",
        Column("preferred_dates", label=_("Preferred dates")),
        Column("practice_titles", label=_("Practices")),
        Column("delegation_size", label=_("Delegation")),
        "mentor_names",
    ]
    search_fields = ["municipality__name", "notes", "preferred_dates"]
    filterset_class = VisitFilterSet
    inspect_view_fields = [
        "municipality",
        "status",
        "date",
        "preferred_dates",
        "format",
        "mentors",
        "practices",
        "participants",
        "delegation_size",
        "purpose",
        "contact",
        "request_message",
        "decline_reason",
        "notes",
        "scheduled_at",
        "completed_at",
        "created_at",
    ]
    list_export = [
        "municipality",
        "date",
        "get_status_display",
        "get_format_display",
        "mentor_names",
        "practice_titles",
        "participants",
        "delegation_size",
        "get_purpose_display",
        "created_at",
    ]
    export_headings = {
        "get_status_display": _("Status"),
        "get_format_display": _("Format"),
        "get_purpose_display": _("Purpose of the visit"),
        "mentor_names": _("Mentors"),
        "practice_titles": _("Practices discussed"),
    }

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            select_related=("municipality",),
            prefetch_related=("mentors", "practices"),
            extra_row_buttons=(
                (
                    _("Complete visit"),
                    self.get_url_name("complete"),
                    "check",
                    "change",
                    visit_can_be_completed,
                ),
                (_("Schedule"), self.get_url_name("schedule"), "date", "change", visit_is_new_request),
                (_("Decline"), self.get_url_name("decline"), "cross", "change", visit_is_new_request),
            ),
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            complete_url_name=self.get_url_name("complete"),
            schedule_url_name=self.get_url_name("schedule"),
            decline_url_name=self.get_url_name("decline"),
            needs_url_name=self.get_url_name("proposed_needs"),
            **kwargs,
        )

    def _request_action_view(self, view_class):
        return self.construct_view(
            view_class,
            inspect_url_name=self.get_url_name("inspect"),
            index_url_name=self.get_url_name("index"),
        )

    @property
    def complete_view(self):
        return self.construct_view(
            VisitCompleteView,
            inspect_url_name=self.get_url_name("inspect"),
            index_url_name=self.get_url_name("index"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("complete/<int:pk>/", self.complete_view, name="complete"),
            path("schedule/<int:pk>/", self._request_action_view(VisitScheduleView), name="schedule"),
            path("decline/<int:pk>/", self._request_action_view(VisitDeclineView), name="decline"),
            path(
                "proposed-needs/<int:pk>/",
                self._request_action_view(VisitNeedsProposalView),
                name="proposed_needs",
            ),
        ]

    @property
    def export_filename(self):
        return dated_filename("visits")


class FollowUpViewSet(MentorshipModelViewSet):
    model = FollowUp
    icon = "tasks"
    name = "mentorship_follow_ups"
    url_prefix = "mentorship/follow-ups"
    menu_order = 400
    form_class = FollowUpForm
    inspect_view_class = FollowUpInspectView
    list_display = [
        "action",
        "assignee",
        "due_date",
        MarkDoneColumn("done_at", label=_("done at"), sort_key="done_at"),
        "visit",
        "adoption",
    ]
    search_fields = ["action"]
    filterset_class = FollowUpFilterSet
    list_export = ["action", "assignee", "due_date", "done_at", "visit", "adoption", "created_at"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            select_related=(
                "assignee",
                "visit__municipality",
                "adoption__municipality",
                "adoption__practice",
            ),
            **kwargs,
        )

    @property
    def export_filename(self):
        return dated_filename("follow-ups")

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(mark_done_url_name=self.get_url_name("mark_done"), **kwargs)

    @property
    def mark_done_view(self):
        return self.construct_view(FollowUpMarkDoneView, inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("done/<int:pk>/", self.mark_done_view, name="mark_done")]


class AdoptionViewSet(MentorshipModelViewSet):
    model = Adoption
    icon = "resubmit"
    name = "mentorship_adoptions"
    url_prefix = "mentorship/adoptions"
    menu_order = 500
    inspect_view_class = AdoptionInspectView
    index_view_class = AdoptionIndexView
    add_view_class = AdoptionCreateView
    delete_view_class = AdoptionDeleteView
    form_class = AdoptionForm
    list_display = ["municipality", "practice", "stage", "stage_changed_at", "mentor"]
    search_fields = ["municipality__name", "practice__title", "kept", "changed"]
    filterset_class = AdoptionFilterSet
    list_export = [
        "municipality",
        "practice",
        "get_stage_display",
        "stage_changed_at",
        "mentor",
        "kept",
        "changed",
        "show_publicly",
    ]
    export_headings = {"get_stage_display": _("Stage")}

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            select_related=("municipality", "practice", "mentor"),
            extra_row_buttons=(
                (_("Change stage"), self.get_url_name("change_stage"), "resubmit", "change", None),
                (_("Results and adaptation"), self.get_url_name("results"), "doc-full", "change", None),
            ),
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            change_stage_url_name=self.get_url_name("change_stage"),
            results_url_name=self.get_url_name("results"),
            **kwargs,
        )

    @property
    def change_stage_view(self):
        return self.construct_view(
            AdoptionChangeStageView,
            inspect_url_name=self.get_url_name("inspect"),
            index_url_name=self.get_url_name("index"),
        )

    @property
    def results_view(self):
        return self.construct_view(
            AdoptionResultsView,
            inspect_url_name=self.get_url_name("inspect"),
            index_url_name=self.get_url_name("index"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("stage/<int:pk>/", self.change_stage_view, name="change_stage"),
            path("results/<int:pk>/", self.results_view, name="results"),
        ]

    @property
    def export_filename(self):
        return dated_filename("adoptions")


class MentorshipViewSetGroup(ModelViewSetGroup):
    menu_label = _("Mentorship")
    menu_icon = "group"
    menu_order = 250
    items = (
        MunicipalityViewSet,
        ContactPersonViewSet,
        VisitViewSet,
        FollowUpViewSet,
        AdoptionViewSet,
        EventRegistrationViewSet,
    )

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            MentorOnlyMenuItem(
                _("My calendar feed"),
                reverse("mentorship_calendar_settings"),
                icon_name="calendar",
                order=900,
            ),
        ]


@hooks.register("register_admin_viewset")
def register_mentorship_viewsets():
    return MentorshipViewSetGroup()


@hooks.register("register_admin_viewset")
def register_practice_chooser():
    return practice_chooser_viewset


@hooks.register("register_admin_viewset")
def register_follow_up_parent_choosers():
    return [visit_chooser_viewset, adoption_chooser_viewset]


@hooks.register("register_admin_urls")
def register_calendar_settings_url():
    return [
        path("mentorship/calendar/", CalendarFeedSettingsView.as_view(), name="mentorship_calendar_settings")
    ]


@hooks.register("register_admin_urls")
def register_practice_municipalities_url():
    return [
        path(
            "mentorship/practices/<int:page_id>/municipalities/",
            PracticeMunicipalitiesView.as_view(),
            name=PRACTICE_MUNICIPALITIES_URL_NAME,
        )
    ]


# "Municipalities that could adopt this" on a practice's admin pages, for mentors.
hooks.register("register_page_header_buttons", practice_header_buttons)


@hooks.register("register_account_menu_item")
def register_calendar_menu_item(request):
    if not user_can_mentor(request.user):
        return None
    return {
        "url": reverse("mentorship_calendar_settings"),
        "label": _("My calendar feed"),
        "help_text": _("A private address for your calendar app with your visits and follow-ups."),
    }


@hooks.register("construct_homepage_panels")
def add_mentorship_panels(request, panels):
    if not user_can_mentor(request.user):
        return
    panels.extend(
        [
            NewRequestsPanel(user=request.user),
            UpcomingVisitsPanel(user=request.user),
            OverdueFollowUpsPanel(user=request.user),
            AdoptionFunnelPanel(),
            StalledAdoptionsPanel(),
            MatchmakingPanel(),
            ReadinessDemandPanel(),
        ]
    )


# The home page's municipality figures (portal asks through its hook; it never imports mentorship).
hooks.register(HEADLINE_FIGURES_HOOK, public_figures.headline_figures)


@hooks.register("practices_adopters_block")
def practices_adopters_block(page_ids):
    """The "Adopted elsewhere" block of practices, stored in their digest (practices.digest)."""
    from .public.adopters import practice_adopters_blocks

    return practice_adopters_blocks(page_ids)
