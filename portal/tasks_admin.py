"""Reports → Background tasks: the task queue's results (django-tasks-db), failed ones first to look at,
each with its error and a "Run again" button. Superusers only: a task's arguments are internal."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

import django_filters
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def user_can_see_tasks(user) -> bool:
    return bool(user.is_active and user.is_superuser)


class SuperuserRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_tasks(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TaskResultFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=TaskResultStatus.choices, empty_label=_("All")
    )

    class Meta:
        model = DBTaskResult
        fields = ["status"]


def task_result_retry(*, result: DBTaskResult) -> DBTaskResult:
    """Enqueue the same task with the same arguments again, as a new result (the failed one stays)."""
    task = result.task.using(run_after=None)
    with transaction.atomic():
        new = task.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    return DBTaskResult.objects.get(pk=new.id)


class BackgroundTasksReportView(SuperuserRequiredMixin, ReportView):
    page_title = _("Background tasks")
    header_icon = "cogs"
    index_url_name = "portal_background_tasks"
    index_results_url_name = "portal_background_tasks_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    filterset_class = TaskResultFilterSet
    columns = [
        TitleColumn("task_name", label=_("Task"), url_name="portal_background_task"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("enqueued_at", label=_("Enqueued")),
        DateColumn("finished_at", label=_("Finished")),
        Column("exception_class_path", label=_("Error")),
    ]

    def get_queryset(self):
        return DBTaskResult.objects.order_by("-enqueued_at")


class BackgroundTaskDetailView(SuperuserRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """One task result: arguments, times, the traceback of a failure, and "Run again"."""

    template_name = "portal/admin/background_task.html"
    page_title = _("Background task")
    header_icon = "cogs"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.result = get_object_or_404(DBTaskResult, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.result.task_name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["result"] = self.result
        context["can_retry"] = self.result.status == TaskResultStatus.FAILED
        context["index_url"] = reverse("portal_background_tasks")
        return context

    def post(self, request, *args, **kwargs):
        if self.result.status != TaskResultStatus.FAILED:
            messages.error(request, _("Only a failed task can be run again."))
            return HttpResponseRedirect(request.path)
        new = task_result_retry(result=self.result)
        messages.success(request, _("“%(task)s” was queued again.") % {"task": self.result.task_name})
        return HttpResponseRedirect(reverse("portal_background_task", args=(new.pk,)))


class BackgroundTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_tasks(request.user)


@hooks.register("register_admin_urls")
def register_background_task_urls():
    return [
        path(
            "reports/background-tasks/", BackgroundTasksReportView.as_view(), name="portal_background_tasks"
        ),
        path(
            "reports/background-tasks/results/",
            BackgroundTasksReportView.as_view(results_only=True),
            name="portal_background_tasks_results",
        ),
        path(
            "reports/background-tasks/<uuid:pk>/",
            BackgroundTaskDetailView.as_view(),
            name="portal_background_task",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_background_tasks_menu_item():
    return BackgroundTasksMenuItem(
        _("Background tasks"), reverse("portal_background_tasks"), icon_name="cogs", order=800
    )
