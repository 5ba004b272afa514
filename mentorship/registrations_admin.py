"""Event registrations in the mentors' admin: a list per event with filters, search, the attended tick and
CSV/XLSX export (portal.exports rules). Guarded by the mentorship model permissions (Mentors, superusers)."""

import datetime

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from practices.models import EventPage

from .admin_views import LocalTimeInspectView, QuerysetIndexView, SafeDeleteView
from .forms import DateRangeFilter
from .models import EventRegistration


class EventRegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(queryset=EventPage.objects.order_by("-start"), label=_("event"))
    attended = django_filters.BooleanFilter(label=_("attended"))
    created_at = DateRangeFilter(label=_("registered at"))

    class Meta:
        model = EventRegistration
        fields = ["event", "attended", "created_at"]


class EventRegistrationViewSet(ModelViewSet):
    model = EventRegistration
    icon = "date"
    name = "mentorship_event_registrations"
    url_prefix = "mentorship/event-registrations"
    menu_label = _("Event registrations")
    menu_order = 600
    index_view_class = QuerysetIndexView
    delete_view_class = SafeDeleteView
    inspect_view_class = LocalTimeInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_admin_menu = False
    list_display = ["name", "organisation", "event", "email", "phone", "created_at", "attended"]
    search_fields = ["name", "organisation", "email"]
    filterset_class = EventRegistrationFilterSet
    ordering = ["-created_at"]
    form_fields = [
        "event",
        "name",
        "organisation",
        "role",
        "email",
        "phone",
        "consent_given_at",
        "consent_text_version",
        "attended",
    ]
    inspect_view_fields = [
        "event",
        "name",
        "organisation",
        "role",
        "email",
        "phone",
        "consent_given_at",
        "consent_text_version",
        "language",
        "attended",
        "reminder_sent_at",
        "anonymised_at",
        "created_at",
    ]
    list_export = [
        "event",
        "name",
        "organisation",
        "role",
        "email",
        "phone",
        "consent_given_at",
        "consent_text_version",
        "attended",
        "created_at",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(select_related=("event",), **kwargs)

    @property
    def export_filename(self):
        return f"event-registrations-{datetime.date.today():%Y-%m-%d}"
