"""Admin hooks that narrow what low-privilege admin users see (the Mentors group signs in to the admin
for mentorship records but holds no page permissions)."""

from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import tasks_admin  # noqa: F401 - registers Reports -> Background tasks


@hooks.register("construct_page_chooser_queryset")
def hide_unpublished_pages_from_users_without_page_permissions(pages, request):
    """Wagtail's page chooser lists every page, drafts included; someone who cannot edit pages only
    needs live ones (to link to), and must not learn the titles of unpublished practices."""
    user = request.user
    if PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"]):
        return pages
    return pages.live()
