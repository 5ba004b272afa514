"""Admin registration for the library: theme and target-group snippets and the review-due report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.cache import PARAMETERS_HOOK as PUBLIC_CACHE_PARAMETERS_HOOK
from portal.figures import HEADLINE_FIGURES_HOOK, HeadlineFigure

from . import selectors, translation_review_admin  # noqa: F401 (translation_review_admin registers hooks)
from .filters import FILTERS, YEAR_FROM, YEAR_TO
from .models import TargetGroup, Theme
from .views_admin import ReviewDueReportView


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "folder-open-inverse"
    menu_label = _("Themes")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    add_to_admin_menu = False


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Target groups")
    list_display = ["name", "slug", "life_stage_order"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)
register_snippet(TargetGroupViewSet)


@hooks.register(PUBLIC_CACHE_PARAMETERS_HOOK)
def library_query_parameters() -> list[str]:
    """What the library and tag pages read from the query string (LibraryFilterForm's fields and the page),
    from the one filter vocabulary: no query, it runs on every anonymous request."""
    return [*(spec.param for spec in FILTERS), YEAR_FROM, YEAR_TO, "sort", "page"]


@hooks.register(PUBLIC_CACHE_PARAMETERS_HOOK)
def publication_query_parameters() -> list[str]:
    """The publications list's filters (its ?theme= is the library's, registered above)."""
    from .models.publications import KIND_PARAMETER, THEME_PARAMETER

    return [KIND_PARAMETER, THEME_PARAMETER]


@hooks.register("register_admin_urls")
def register_review_report_url():
    return [
        path("reports/review-due/", ReviewDueReportView.as_view(), name="practices_review_due"),
        path(
            "reports/review-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="practices_review_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return MenuItem(
        _("Practices due for review"),
        reverse("practices_review_due"),
        icon_name="time",
        order=700,
    )


@hooks.register(HEADLINE_FIGURES_HOOK)
def practice_headline_figures():
    """The home page's first figure: practices a visitor can read (one query)."""
    count = selectors.published_practices().count()
    label = ngettext("practice documented for replication", "practices documented for replication", count)
    return [HeadlineFigure(key="practices", value=count, label=label, order=10)]
