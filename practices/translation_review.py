"""Review for translated pages (issue 15): wagtail-localize's translation editor saves texts segment by
segment and only offers "Publish", so a translation is sent into the page's own workflow here, as Wagtail's
edit view sends a Turkish page; the publisher's "Approve" then publishes that latest revision.
"""

import enum

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Revision, WorkflowState

from wagtail_localize.models import Translation


class ReviewSubmission(enum.Enum):
    STARTED = "started"
    RESUMED = "resumed"
    ALREADY_IN_REVIEW = "already_in_review"


class NoWorkflowError(Exception):
    """The page has no active workflow to submit to (Settings -> Workflows)."""


def synced_translation_for(*, page: Page) -> Translation | None:
    """The synced translation whose target is ``page`` (the one wagtail-localize's editor edits), if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


def translation_review_state(*, page: Page) -> WorkflowState | None:
    """The page's workflow in progress or waiting for changes, else None."""
    return page.current_workflow_state


def user_can_submit_translation_for_review(*, page: Page, user: AbstractBaseUser) -> bool:
    """Wagtail's own rule for "Submit for moderation": may edit, not locked for the user (a page in review is
    locked to everyone but its reviewers), a workflow applies and none is in progress."""
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and permissions.can_submit_for_moderation()


def _translation_draft_save(*, translation: Translation, page: Page, user: AbstractBaseUser) -> Revision:
    """A revision of the target page with the texts translated so far (untranslated ones stay Turkish).

    A page that is not live is saved through wagtail-localize's own ``save_target(publish=False)``. That also
    writes the page's row, which for a live page would put unreviewed texts on the public site; there only a
    revision is written (as Wagtail's edit view does for a live page), from the same ephemeral translated
    instance wagtail-localize builds for its preview."""
    if not page.live:
        translation.save_target(user=user, publish=False)
        return page.get_latest_revision()
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    draft.slug = find_available_slug(draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk)
    return draft.save_revision(user=user, log_action=True)


@transaction.atomic
def translation_submit_for_review(*, page: Page, user: AbstractBaseUser) -> ReviewSubmission:
    """Save the translation as a draft revision and start the page's workflow (or resume it after "Request
    changes"). A page already in review is left alone: no second workflow, no new revision; the texts the
    translator saves meanwhile stay in wagtail-localize and go with the next submission.

    Raises PermissionDenied, NoWorkflowError, LookupError (not a synced translation) and ValidationError (the
    translated page does not validate)."""
    # The row lock serialises two submissions of the same page (a double click, two tabs).
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    translation = synced_translation_for(page=page)
    if translation is None:
        raise LookupError("not the target of a synced translation")
    state = translation_review_state(page=page)
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return ReviewSubmission.ALREADY_IN_REVIEW
    if not user_can_submit_translation_for_review(page=page, user=user):
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None:
        raise NoWorkflowError
    _translation_draft_save(translation=translation, page=page, user=user)
    page.refresh_from_db()
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return ReviewSubmission.RESUMED
    workflow.start(page, user)
    return ReviewSubmission.STARTED
