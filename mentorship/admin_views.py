"""Admin views beyond Wagtail's generic ones: record pages, stage change, visit completion, calendar settings.

Views stay thin: they check permissions, call selectors/services and render.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import CreateView, DeleteView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import log

from portal.exports import SafeSpreadsheetExportMixin

from . import matchmaking, needs_proposals, selectors, services
from .forms import AdoptionStageForm
from .models import Adoption, CalendarFeedToken, Visit, VisitStatus
from .permissions import user_can_mentor


class QuerysetIndexView(SafeSpreadsheetExportMixin, IndexView):
    """An index view whose rows come with their relations, so the list costs the same for 5 or 500 rows.

    Its CSV/XLSX exports are safe to open (portal.exports): BOM, charset, no live formulas, Istanbul time.
    """

    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    # (label, url name, icon, permission, shown-for-row predicate or None)
    extra_row_buttons: tuple[tuple, ...] = ()

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        return queryset

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for label, url_name, icon, permission, shown in self.extra_row_buttons:
            if self.user_has_permission(permission) and (shown is None or shown(instance)):
                buttons.append(
                    MenuItem(label, reverse(url_name, args=(instance.pk,)), icon_name=icon, priority=15)
                )
        return buttons


class SafeDeleteView(DeleteView):
    """Deleting a record that visits or adoptions still point to gives a message, not an error page."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("“%(object)s” cannot be deleted while visits or adoptions refer to it.")
                % {"object": self.object},
            )
            return HttpResponseRedirect(reverse(self.index_url_name))


class AdoptionCreateView(CreateView):
    """New adoptions get their first history event; the stage form field is not offered."""

    def save_instance(self):
        adoption = services.adoption_create(adoption=self.form.save(commit=False), user=self.request.user)
        log(instance=adoption, action="wagtail.create", user=self.request.user)
        return adoption


class AdoptionDeleteView(SafeDeleteView):
    """The admin's "Delete" archives an adoption with history (hidden from lists, every event kept).

    Only an adoption without any history (never the case for one made through the admin) is deleted.
    """

    template_name = "mentorship/admin/adoption_archive.html"
    page_title = _("Archive")

    @property
    def confirmation_message(self):
        return _(
            "Archive this adoption? It disappears from lists, choosers and figures; its stage history, "
            "follow-ups and figures are kept and can still be read."
        )

    def get_success_message(self):
        if self.archived:
            return _("Adoption “%(object)s” archived; its history is kept.") % {"object": self.object}
        return super().get_success_message()

    def delete_action(self):
        pk = self.object.pk
        self.archived = services.adoption_delete(adoption=self.object)
        self.object.pk = pk  # Django clears the pk of a deleted row; the log entry needs it
        action = "mentorship.archive" if self.archived else "wagtail.delete"
        log(instance=self.object, action=action, user=self.request.user)


class AdoptionIndexView(QuerysetIndexView):
    """Adoptions, without the archived ones; `?archived=1` lists only those (read-only, history kept)."""

    @cached_property
    def show_archived(self) -> bool:
        return self.request.GET.get("archived") == "1"

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.show_archived:
            queryset = Adoption.all_objects.filter(archived_at__isnull=False).select_related(
                *self.select_related
            )
        return queryset

    def get_edit_url(self, instance):
        # An archived adoption is not edited; its title opens its page with the history.
        return self.get_inspect_url(instance) if self.show_archived else super().get_edit_url(instance)

    def get_list_more_buttons(self, instance):
        buttons = []
        for button in super().get_list_more_buttons(instance):
            if self.show_archived and button.icon_name != "info-circle":
                continue  # an archived adoption is only read
            if button.icon_name == "bin":
                button.label = _("Archive")
                button.icon_name = "folder-inverse"
            buttons.append(button)
        return buttons

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.show_archived:
            buttons.append(
                Button(_("Current adoptions"), url=reverse(self.index_url_name), icon_name="list-ul")
            )
        else:
            url = reverse(self.index_url_name) + "?archived=1"
            buttons.append(Button(_("Archived adoptions"), url=url, icon_name="folder-inverse"))
        return buttons


class LocalTimeInspectView(InspectView):
    """Times in the admin's time zone (Europe/Istanbul), as the lists and the history show them.

    Wagtail's inspect template formats values with ``|localize``, which does not convert a datetime to the
    current time zone: without this the page said 08:00 (UTC) where the list said 11:00.
    """

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value


class MunicipalityInspectView(LocalTimeInspectView):
    """A municipality's page: its details, then contacts, visits, follow-ups and adoptions together."""

    template_name = "mentorship/admin/municipality_inspect.html"
    confirm_url_name = None
    merge_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["detail"] = selectors.municipality_detail(municipality=self.object)
        context["finder"] = AdminURLFinder(self.request.user)
        context["matches"] = matchmaking.practices_for_municipality(municipality=self.object)
        context["has_needs"] = not matchmaking.Needs.of(self.object).empty
        if not self.object.confirmed:
            context["confirm_url"] = (
                reverse(self.confirm_url_name, args=(self.object.pk,))
                if self.user_has_permission("change")
                else ""
            )
            context["merge_url"] = (
                reverse(self.merge_url_name, args=(self.object.pk,))
                if self.user_has_permission("delete")
                else ""
            )
        return context


def visit_can_be_completed(visit: Visit) -> bool:
    """Scheduled and its day has come (a visit is completed once held, never ahead of its date)."""
    return (
        visit.status == VisitStatus.SCHEDULED
        and visit.date is not None
        and visit.date <= timezone.localdate()
    )


class VisitInspectView(LocalTimeInspectView):
    """A visit's page; a public request's proposed needs show with "Apply these needs" and "Discard"."""

    template_name = "mentorship/admin/visit_inspect.html"
    complete_url_name = None
    schedule_url_name = None
    decline_url_name = None
    needs_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["proposed"] = needs_proposals.visit_proposed_needs(visit=self.object)
        context["needs_url"] = (
            reverse(self.needs_url_name, args=(self.object.pk,))
            if self.user_has_permission("change")
            and self.request.user.has_perm("mentorship.change_municipality")
            else ""
        )
        return context

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if not self.user_has_permission("change"):
            return buttons
        if visit_can_be_completed(self.object):
            buttons.append(
                Button(
                    _("Complete visit"),
                    url=reverse(self.complete_url_name, args=(self.object.pk,)),
                    icon_name="check",
                    priority=5,
                )
            )
        if self.object.status == VisitStatus.REQUESTED:
            buttons += [
                Button(
                    _("Schedule"),
                    url=reverse(self.schedule_url_name, args=(self.object.pk,)),
                    icon_name="date",
                    priority=5,
                ),
                Button(
                    _("Decline"),
                    url=reverse(self.decline_url_name, args=(self.object.pk,)),
                    icon_name="cross",
                    priority=6,
                ),
            ]
        return buttons


class FollowUpInspectView(LocalTimeInspectView):
    """A follow-up's page, with "Mark done" as one button while it is open."""

    template_name = "mentorship/admin/follow_up_inspect.html"
    mark_done_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.done_at is None and self.user_has_permission("change"):
            context["mark_done_url"] = reverse(self.mark_done_url_name, args=(self.object.pk,))
        return context


class AdoptionInspectView(LocalTimeInspectView):
    """An adoption's page with its read-only stage history."""

    template_name = "mentorship/admin/adoption_inspect.html"
    change_stage_url_name = None
    results_url_name = None

    def get_object(self, queryset=None):
        # Archived adoptions keep a readable page with their whole history.
        return get_object_or_404(
            Adoption.all_objects.select_related("municipality", "practice", "mentor"), pk=self.pk
        )

    @cached_property
    def header_buttons(self):
        if not self.user_has_permission("change") or self.object.archived_at is not None:
            return []
        return [
            HeaderButton(
                _("Change stage"),
                url=reverse(self.change_stage_url_name, args=(self.object.pk,)),
                icon_name="resubmit",
            ),
            HeaderButton(
                _("Results and adaptation"),
                url=reverse(self.results_url_name, args=(self.object.pk,)),
                icon_name="doc-full",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.select_related("user", "evidence_document")
        context["metrics"] = self.object.metrics.select_related("origin_metric")
        context["follow_ups"] = self.object.follow_ups.select_related("assignee")
        return context


class AdoptionChangeStageView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """The only way to change a stage in the admin; the service's refusal shows next to the field."""

    model = Adoption
    permission_required = "change"
    template_name = "mentorship/admin/adoption_change_stage.html"
    form_class = AdoptionStageForm
    header_icon = "resubmit"
    page_title = _("Change stage")
    index_url_name = None
    inspect_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.adoption = get_object_or_404(
            Adoption.objects.select_related("municipality", "practice"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.adoption)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Adoptions")},
            {"url": reverse(self.inspect_url_name, args=(self.adoption.pk,)), "label": str(self.adoption)},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "adoption": self.adoption}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["adoption"] = self.adoption
        context["action_url"] = self.request.path
        context["submit_button_label"] = _("Change stage")
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        try:
            services.adoption_change_stage(
                adoption=self.adoption, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(adoption)s” is now at the stage “%(stage)s”.")
            % {"adoption": self.adoption, "stage": self.adoption.get_stage_display()},
        )
        return HttpResponseRedirect(reverse(self.inspect_url_name, args=(self.adoption.pk,)))


class VisitCompleteView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then mark a visit held and move the adoptions of the practices discussed to "visited"."""

    model = Visit
    permission_required = "change"
    template_name = "mentorship/admin/visit_complete.html"
    header_icon = "check"
    page_title = _("Complete visit")
    index_url_name = None
    inspect_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.visit = get_object_or_404(Visit.objects.select_related("municipality"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.visit)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["visit"] = self.visit
        context["practices"] = self.visit.practices.all()
        context["cancel_url"] = reverse(self.inspect_url_name, args=(self.visit.pk,))
        return context

    def post(self, request, *args, **kwargs):
        try:
            services.visit_complete(visit=self.visit, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return HttpResponseRedirect(reverse(self.inspect_url_name, args=(self.visit.pk,)))
        messages.success(request, _("Visit “%(visit)s” completed.") % {"visit": self.visit})
        return HttpResponseRedirect(reverse(self.inspect_url_name, args=(self.visit.pk,)))


class MentorRequiredMixin(AccessMixin):
    def dispatch(self, request, *args, **kwargs):
        if not user_can_mentor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CalendarFeedSettingsView(MentorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """A mentor's own secret calendar URL, with regenerate (revokes the old one) and turn-off buttons."""

    template_name = "mentorship/admin/calendar_settings.html"
    page_title = _("My calendar feed")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        token = CalendarFeedToken.objects.filter(user=self.request.user).first()
        context["feed_url"] = (
            self.request.build_absolute_uri(reverse("mentorship_calendar_feed", args=(token.token,)))
            if token
            else ""
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "revoke":
            services.calendar_token_revoke(user=request.user)
            messages.success(request, _("Your calendar feed is turned off; the old address no longer works."))
        else:
            services.calendar_token_regenerate(user=request.user)
            messages.success(request, _("A new calendar address was created; the old one no longer works."))
        return HttpResponseRedirect(reverse("mentorship_calendar_settings"))
