"""History that cannot be lost, in the page admin: a practice whose adoptions have history cannot be deleted
(its events protect their adoptions, PROTECT), so the delete screens answer with a message instead of an
error page, and suggest unpublishing. Imported by wagtail_hooks.py."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from .models import AdoptionEvent


def pages_with_adoption_history(pages) -> bool:
    """Whether any of the pages, or a page below them, is a practice with adoption history."""
    page_ids = set()
    for page in pages:
        page_ids.update(page.get_descendants(inclusive=True).values_list("pk", flat=True))
    return AdoptionEvent.objects.filter(adoption__practice_id__in=page_ids).exists()


def _refuse(request, fallback_url: str):
    messages.error(
        request,
        _(
            "This practice has adoption history, which is kept for good, so it cannot be deleted. "
            "Unpublish it instead: it leaves the public site and its history stays."
        ),
    )
    return redirect(fallback_url)


@hooks.register("before_delete_page")
def keep_adoption_history_on_delete(request, page):
    if pages_with_adoption_history([page]):
        return _refuse(request, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    return None


@hooks.register("before_bulk_action")
def keep_adoption_history_on_bulk_delete(request, action_type, objects, action_class_instance):
    is_page_delete = action_type == "delete" and objects and hasattr(objects[0], "get_descendants")
    if is_page_delete and pages_with_adoption_history(objects):
        return _refuse(request, reverse("wagtailadmin_explore_root"))
    return None
