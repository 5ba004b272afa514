"""Admin side of the review for translated pages: "Submit for review" in a bar above wagtail-localize's
translation editor (templates/wagtail_localize/admin/edit_translation.html), reaching one view: GET asks for
confirmation and changes nothing, POST submits. Also "Sync translated pages" without its "Publish
immediately" for those who may not publish the translations.

Imported by wagtail_hooks.py, which thereby registers the URL below.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState

from wagtail_localize.views.update_translations import UpdateTranslationsView

from .translation_review import (
    NoWorkflowError,
    ReviewSubmission,
    synced_translation_for,
    translation_review_state,
    translation_submit_for_review,
    user_can_submit_translation_for_review,
)

URL_NAME = "practices_translation_review"


def submit_label(*, page: Page, state: WorkflowState | None) -> str:
    """Wagtail's own wording (and so its Turkish): "Submit to <workflow>" or "Resubmit to <task>"."""
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _("Resubmit to %(task_name)s") % {"task_name": state.current_task_state.task.name}
    workflow = page.get_workflow()
    return _("Submit to %(workflow_name)s") % {"workflow_name": workflow.name if workflow else ""}


def review_bar_context(*, page: Page, user) -> dict:
    """What the bar above the translation editor shows: the review's state and the submit button."""
    state = translation_review_state(page=page)
    can_submit = user_can_submit_translation_for_review(page=page, user=user)
    review_urls = {}
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
        # A reviewer (the task's group) gets Wagtail's own "Approve" / "Request changes" here too.
        task_state = state.current_task_state
        actions = {name for name, _label, _modal in task_state.task.specific.get_actions(page, user)}
        review_urls = {
            f"{name}_url": reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk])
            for name in ("approve", "reject")
            if name in actions
        }
    return {
        "page": page,
        "state": state,
        "in_review": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "comment": state.current_task_state.comment if state is not None and state.current_task_state else "",
        "can_submit": can_submit,
        "submit_label": submit_label(page=page, state=state) if can_submit else "",
        "submit_url": reverse(URL_NAME, args=[page.pk]),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        **review_urls,
    }


class TranslationReviewSubmitView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "practices/admin/translation_review_confirm.html"
    page_title = _("Submit the translation for review")
    header_icon = "resubmit"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        if synced_translation_for(page=self.page) is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(review_bar_context(page=self.page, user=self.request.user))
        context["cancel_url"] = self.edit_url()
        return context

    def post(self, request, *args, **kwargs):
        title = self.page.get_admin_display_title()
        try:
            outcome = translation_submit_for_review(page=self.page, user=request.user)
        except NoWorkflowError:
            messages.error(request, _("No workflow applies to this page; ask an administrator."))
        except ValidationError:
            messages.error(
                request,
                _("The translation of '%(title)s' could not be saved; check the texts marked with errors.")
                % {"title": title},
            )
        else:
            if outcome is ReviewSubmission.ALREADY_IN_REVIEW:
                messages.info(
                    request,
                    _("'%(title)s' is already awaiting review; nothing was sent again.") % {"title": title},
                )
            else:
                messages.success(
                    request,
                    _("The translation '%(title)s' has been submitted for review.") % {"title": title},
                )
        return HttpResponseRedirect(self.edit_url())


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" would publish every translation
    for anyone allowed to translate: for a user who cannot publish all the translated pages that box is
    disabled (a disabled field ignores what is posted), so syncing updates their texts and each translation
    goes through review."""

    def user_can_publish_translations(self) -> bool:
        if not isinstance(self.object.get_source_instance(), Page):
            return True
        targets = Page.objects.filter(
            translation_key=self.object.object_id,
            locale_id__in=self.object.translations.filter(enabled=True).values("target_locale_id"),
        )
        return all(page.permissions_for_user(self.request.user).can_publish() for page in targets)

    def get_form(self):
        form = super().get_form()
        if not self.user_can_publish_translations():
            field = form.fields["publish_translations"]
            field.disabled = True
            field.help_text = _("Publishing is for publishers: submit each translation for review.")
        return form


@hooks.register("register_admin_urls")
def register_translation_review_url():
    return [
        path(
            "pages/<int:page_id>/translation-review/",
            TranslationReviewSubmitView.as_view(),
            name=URL_NAME,
        ),
        # The same address as wagtail-localize's view (practices' hooks run before wagtail_localize's, see
        # INSTALLED_APPS), so its "Sync translated pages" links reach this one; a test checks it does.
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="practices_update_translations",
        ),
    ]
