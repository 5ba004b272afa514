"""Mentors' view of one practice: the municipalities whose recorded needs it meets, with the reasons.

Needs are mentor data, so this lives in the admin only (never on a public page); reached from the
practice's page in the admin (a header button) and from the dashboard's matchmaking panel.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from practices.models import PracticePage

from . import matchmaking
from .permissions import user_can_mentor

URL_NAME = "mentorship_practice_municipalities"
# More than the dashboard's few: this page is about one practice, so mentors see the longer list.
SHOWN = 20


class PracticeMunicipalitiesView(WagtailAdminTemplateMixin, TemplateView):
    """Municipalities that could adopt a practice, best first, leaving out those that adopt(ed) it.

    Anonymous visitors go to the admin login (Wagtail's admin URLs); a signed-in user without the mentor
    permission gets a plain 403 (Wagtail would turn a PermissionDenied into a redirect to the dashboard).
    """

    template_name = "mentorship/admin/practice_municipalities.html"
    page_title = _("Municipalities that could adopt this")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_mentor(request.user):
            return permission_denied(request, PermissionDenied())
        self.practice = get_object_or_404(PracticePage.objects.select_related("theme"), pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.practice.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["practice"] = self.practice
        context["matches"] = matchmaking.municipalities_for_practice(practice=self.practice, limit=SHOWN)
        return context


def practice_municipalities_url(page_id: int) -> str:
    return reverse(URL_NAME, args=(page_id,))


def practice_header_buttons(page, user, view_name, next_url=None):
    """A "Municipalities that could adopt this" button on a practice's admin pages, for mentors only."""
    if page.pk is None or not user_can_mentor(user):
        return
    try:
        is_practice = issubclass(page.specific_class, PracticePage)
    except (AttributeError, Http404):
        return
    if is_practice:
        yield Button(
            _("Municipalities that could adopt this"),
            url=practice_municipalities_url(page.pk),
            icon_name="site",
            priority=80,
        )
