"""Mentors' admin home: new requests, upcoming visits, overdue follow-ups, funnel, stalled adoptions."""

from django.utils import timezone

from wagtail.admin.ui.components import Component

from . import selectors

PANEL_ROWS = 10


class MentorshipPanel(Component):
    def __init__(self, user=None):
        self.user = user


class NewRequestsPanel(MentorshipPanel):
    """Public requests waiting for an answer, for every mentor: anyone may schedule or decline them."""

    name = "mentorship_new_requests"
    template_name = "mentorship/admin/panels/new_requests.html"
    order = 105

    def get_context_data(self, parent_context):
        requests = selectors.visit_requests_new()
        return {
            "requests": list(requests[:PANEL_ROWS]),
            "total": requests.count(),
            "can_answer": self.user is not None and self.user.has_perm("mentorship.change_visit"),
        }


class UpcomingVisitsPanel(MentorshipPanel):
    name = "mentorship_upcoming_visits"
    template_name = "mentorship/admin/panels/upcoming_visits.html"
    order = 110

    def get_context_data(self, parent_context):
        visits = selectors.visits_upcoming(user=self.user)
        return {"visits": list(visits[:PANEL_ROWS]), "total": visits.count()}


class OverdueFollowUpsPanel(MentorshipPanel):
    name = "mentorship_overdue_follow_ups"
    template_name = "mentorship/admin/panels/overdue_follow_ups.html"
    order = 120

    def get_context_data(self, parent_context):
        follow_ups = selectors.follow_ups_overdue(user=self.user)
        return {
            "follow_ups": list(follow_ups[:PANEL_ROWS]),
            "total": follow_ups.count(),
            "today": timezone.localdate(),
        }


class AdoptionFunnelPanel(MentorshipPanel):
    name = "mentorship_adoption_funnel"
    template_name = "mentorship/admin/panels/adoption_funnel.html"
    order = 130

    def get_context_data(self, parent_context):
        funnel = selectors.adoption_funnel()
        top = max((row.count for row in funnel), default=0) or 1
        return {"funnel": funnel, "top": top, "total": sum(row.count for row in funnel)}


class StalledAdoptionsPanel(MentorshipPanel):
    name = "mentorship_stalled_adoptions"
    template_name = "mentorship/admin/panels/stalled_adoptions.html"
    order = 140

    def get_context_data(self, parent_context):
        adoptions = selectors.adoptions_stalled()
        return {
            "adoptions": list(adoptions[:PANEL_ROWS]),
            "total": adoptions.count(),
            "days": selectors.STALLED_AFTER_DAYS,
        }
