"""Admin actions on one record: answer a public request (schedule, decline), confirm or merge a municipality
typed by the public, apply the needs a request proposed, record an adopter's results, mark a follow-up done.

Each view checks the model permission it needs (mentors have them, editors do not), calls one service and
logs the change in the record's Wagtail history.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.log_actions import log

from practices.models import PracticeMetric

from . import needs_proposals, services
from .forms import AdoptionResultsForm, MunicipalityMergeForm, VisitDeclineForm, VisitScheduleForm
from .models import Adoption, FollowUp, Municipality, Visit, VisitStatus


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal next to the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class RecordActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A form about one record, reached from its page, list row or the dashboard; back to its page after."""

    permission_required = "change"
    template_name = "mentorship/admin/record_action.html"
    summary_template_name = ""
    index_url_name = None
    inspect_url_name = None
    submit_button_label = _("Save")

    def get_queryset(self):
        return self.model._default_manager.all()

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.model._meta.verbose_name_plural.capitalize()},
            {"url": self.inspect_url, "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    @property
    def inspect_url(self) -> str:
        return reverse(self.inspect_url_name, args=(self.object.pk,))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            summary_template_name=self.summary_template_name,
            action_url=self.request.path,
            submit_button_label=self.submit_button_label,
            cancel_url=self.inspect_url,
            media=context["form"].media,
        )
        return context

    def done(self, message) -> HttpResponseRedirect:
        messages.success(self.request, message)
        return HttpResponseRedirect(self.inspect_url)


class VisitRequestActionView(RecordActionView):
    """Schedule or decline: only a request still waiting for an answer (the requester is told once)."""

    model = Visit
    summary_template_name = "mentorship/admin/_visit_request_summary.html"

    def get_queryset(self):
        return Visit.objects.select_related("municipality", "contact").prefetch_related("practices")

    def get(self, request, *args, **kwargs):
        if self.object.status != VisitStatus.REQUESTED:
            messages.warning(request, _("This request was already answered."))
            return HttpResponseRedirect(self.inspect_url)
        return super().get(request, *args, **kwargs)


class VisitAnswerView(VisitRequestActionView):
    """Schedule or decline: one service call, logged, then back to the visit with a message."""

    def answer(self, data: dict) -> None:
        raise NotImplementedError

    def done_message(self) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.answer(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        log(instance=self.object, action="wagtail.edit", user=self.request.user)
        return self.done(self.done_message())


class VisitScheduleView(VisitAnswerView):
    form_class = VisitScheduleForm
    page_title = _("Schedule the visit")
    header_icon = "date"
    submit_button_label = _("Schedule and tell the requester")

    def answer(self, data: dict) -> None:
        services.visit_request_schedule(visit=self.object, **data)

    def done_message(self) -> str:
        return _(
            "The visit of %(municipality)s is scheduled for %(date)s; the requester is told by e-mail."
        ) % {
            "municipality": self.object.municipality,
            "date": self.object.date.isoformat(),
        }


class VisitDeclineView(VisitAnswerView):
    form_class = VisitDeclineForm
    page_title = _("Decline the request")
    header_icon = "cross"
    submit_button_label = _("Decline and tell the requester")

    def answer(self, data: dict) -> None:
        services.visit_request_decline(visit=self.object, reason=data["reason"])

    def done_message(self) -> str:
        return _("The request of %(municipality)s is declined; the requester is told by e-mail.") % {
            "municipality": self.object.municipality
        }


class MunicipalityMergeView(RecordActionView):
    """Merge a municipality typed by the public into the existing one it stands for; the typed one goes."""

    model = Municipality
    permission_required = "delete"
    form_class = MunicipalityMergeForm
    page_title = _("Merge into an existing municipality")
    header_icon = "resubmit"
    summary_template_name = "mentorship/admin/_municipality_merge_summary.html"
    submit_button_label = _("Merge")

    def get(self, request, *args, **kwargs):
        if self.object.confirmed:
            messages.warning(
                request, _("Only a municipality typed in by the public (unconfirmed) can be merged.")
            )
            return HttpResponseRedirect(self.inspect_url)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "duplicate": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["moving"] = {
            "visits": self.object.visits.count(),
            "adoptions": self.object.adoptions.count(),
            "contacts": self.object.contacts.count(),
        }
        return context

    def form_valid(self, form):
        name = str(self.object)
        try:
            result = services.municipality_merge(duplicate=self.object, into=form.cleaned_data["into"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        log(instance=result.into, action="wagtail.edit", user=self.request.user)
        messages.success(
            self.request,
            _(
                "“%(duplicate)s” was merged into “%(into)s”: %(visits)d visits, %(adoptions)d adoptions and "
                "%(contacts)d contacts moved."
            )
            % {
                "duplicate": name,
                "into": result.into,
                "visits": result.visits,
                "adoptions": result.adoptions,
                "contacts": result.contacts,
            },
        )
        return HttpResponseRedirect(reverse(self.inspect_url_name, args=(result.into.pk,)))


class AdoptionResultsView(RecordActionView):
    """The adopter's figures beside each metric at origin, and the adaptation record, on one screen."""

    model = Adoption
    form_class = AdoptionResultsForm
    page_title = _("Results and adaptation")
    header_icon = "doc-full"
    template_name = "mentorship/admin/adoption_results.html"
    submit_button_label = _("Save results")

    def get_queryset(self):
        return Adoption.objects.select_related("municipality", "practice")

    def get_form_kwargs(self):
        origin_metrics = PracticeMetric.objects.filter(page_id=self.object.practice_id).order_by(
            "sort_order", "pk"
        )
        return {**super().get_form_kwargs(), "adoption": self.object, "origin_metrics": origin_metrics}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.adoption_results_save(
                adoption=self.object,
                kept=data["kept"],
                changed=data["changed"],
                show_publicly=data["show_publicly"],
                figures=form.figures(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        log(instance=self.object, action="wagtail.edit", user=self.request.user)
        return self.done(_("The results of “%(adoption)s” are saved.") % {"adoption": self.object})


class RecordPostView(PermissionCheckedMixin, View):
    """A one-click action: POST only (with the CSRF token), then back to where the button was."""

    http_method_names = ["post"]
    permission_required = "change"
    index_url_name = None
    inspect_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.model._default_manager.all(), pk=kwargs["pk"])

    def back(self) -> HttpResponseRedirect:
        target = self.request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            target = reverse(self.inspect_url_name, args=(self.object.pk,))
        return HttpResponseRedirect(target)


class MunicipalityConfirmView(RecordPostView):
    model = Municipality

    def post(self, request, *args, **kwargs):
        if services.municipality_confirm(municipality=self.object):
            log(instance=self.object, action="wagtail.edit", user=request.user)
            messages.success(
                request,
                _("“%(municipality)s” is confirmed; it may now be named publicly.")
                % {"municipality": self.object},
            )
        return self.back()


class VisitNeedsProposalView(RecordPostView):
    """Apply the needs a request proposed to its municipality ("apply"), or discard them."""

    model = Visit

    def post(self, request, *args, **kwargs):
        # It changes the municipality's needs: the municipality permission too, not only the visit's.
        if not request.user.has_perm("mentorship.change_municipality"):
            raise PermissionDenied
        municipality = self.object.municipality
        if request.POST.get("action") == "discard":
            if needs_proposals.visit_proposed_needs_discard(visit=self.object):
                log(instance=self.object, action="wagtail.edit", user=request.user)
                messages.success(request, _("The proposed needs were discarded."))
            return self.back()
        added = needs_proposals.visit_proposed_needs_apply(visit=self.object)
        log(instance=municipality, action="wagtail.edit", user=request.user)
        messages.success(
            request,
            _("%(count)d need(s) added to “%(municipality)s”.")
            % {"count": added, "municipality": municipality},
        )
        return self.back()


class FollowUpMarkDoneView(RecordPostView):
    model = FollowUp

    def post(self, request, *args, **kwargs):
        if services.follow_up_mark_done(follow_up=self.object):
            log(instance=self.object, action="wagtail.edit", user=request.user)
            messages.success(request, _("“%(action)s” is done.") % {"action": self.object})
        else:
            messages.info(request, _("“%(action)s” was already done.") % {"action": self.object})
        return self.back()


class MarkDoneColumn(Column):
    """The follow-ups list's "done at" column: the time once done, else a one-click "Mark done" button."""

    cell_template_name = "mentorship/admin/_mark_done_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = context.get("request")
        if (
            instance.done_at is None
            and request is not None
            and request.user.has_perm("mentorship.change_followup")
        ):
            context.update(
                mark_done_url=reverse("mentorship_follow_ups:mark_done", args=(instance.pk,)),
                csrf_token=get_token(request),
                next_url=request.get_full_path(),
            )
        return context
