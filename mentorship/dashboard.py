"""Mentors' admin home: new requests, upcoming visits, overdue follow-ups, funnel, stalled adoptions,
matchmaking suggestions and the readiness self-check's demand signal."""

from django.utils import timezone

from wagtail.admin.ui.components import Component

from . import matchmaking, selectors

PANEL_ROWS = 10


class MentorshipPanel(Component):
    def __init__(self, user=None):
        self.user = user


class ListPanel(MentorshipPanel):
    """A panel listing the first PANEL_ROWS rows of one selector's queryset, with the total."""

    rows_name = "rows"

    def get_queryset(self):
        raise NotImplementedError

    def get_extra_context(self) -> dict:
        return {}

    def get_context_data(self, parent_context):
        rows = self.get_queryset()
        return {self.rows_name: list(rows[:PANEL_ROWS]), "total": rows.count(), **self.get_extra_context()}


class NewRequestsPanel(ListPanel):
    """Public requests waiting for an answer, for every mentor: anyone may schedule or decline them."""

    name = "mentorship_new_requests"
    template_name = "mentorship/admin/panels/new_requests.html"
    order = 105
    rows_name = "requests"

    def get_queryset(self):
        return selectors.visit_requests_new()

    def get_extra_context(self) -> dict:
        return {"can_answer": self.user is not None and self.user.has_perm("mentorship.change_visit")}


class UpcomingVisitsPanel(ListPanel):
    name = "mentorship_upcoming_visits"
    template_name = "mentorship/admin/panels/upcoming_visits.html"
    order = 110
    rows_name = "visits"

    def get_queryset(self):
        return selectors.visits_upcoming(user=self.user)


class OverdueFollowUpsPanel(ListPanel):
    name = "mentorship_overdue_follow_ups"
    template_name = "mentorship/admin/panels/overdue_follow_ups.html"
    order = 120
    rows_name = "follow_ups"

    def get_queryset(self):
        return selectors.follow_ups_overdue(user=self.user)

    def get_extra_context(self) -> dict:
        return {"today": timezone.localdate()}


class AdoptionFunnelPanel(MentorshipPanel):
    name = "mentorship_adoption_funnel"
    template_name = "mentorship/admin/panels/adoption_funnel.html"
    order = 130

    def get_context_data(self, parent_context):
        funnel = selectors.adoption_funnel()
        top = max((row.count for row in funnel), default=0) or 1
        return {"funnel": funnel, "top": top, "total": sum(row.count for row in funnel)}


class StalledAdoptionsPanel(ListPanel):
    name = "mentorship_stalled_adoptions"
    template_name = "mentorship/admin/panels/stalled_adoptions.html"
    order = 140
    rows_name = "adoptions"

    def get_queryset(self):
        return selectors.adoptions_stalled()

    def get_extra_context(self) -> dict:
        return {"days": selectors.STALLED_AFTER_DAYS}


class MatchmakingPanel(MentorshipPanel):
    """Practices to suggest to municipalities whose needs are recorded, with the reasons."""

    name = "mentorship_matchmaking"
    template_name = "mentorship/admin/panels/matchmaking.html"
    order = 150
    municipalities_shown = 5
    suggestions_each = 3

    def get_context_data(self, parent_context):
        municipalities = list(matchmaking.municipalities_with_needs()[: self.municipalities_shown])
        matches = matchmaking.practices_for_municipalities(
            municipalities=municipalities, limit=self.suggestions_each
        )
        return {"rows": [(m, matches[m.pk]) for m in municipalities], "has_needs": bool(municipalities)}


class ReadinessDemandPanel(MentorshipPanel):
    """The readiness self-check's anonymous counts of the last months: which themes are asked about."""

    name = "mentorship_readiness_demand"
    template_name = "mentorship/admin/panels/readiness_demand.html"
    order = 160
    months = 3

    def get_context_data(self, parent_context):
        rows = selectors.readiness_demand(months=self.months, today=timezone.localdate())
        return {"rows": rows, "months": self.months}
