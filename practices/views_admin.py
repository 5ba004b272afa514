"""Admin report: practices whose last review is older than the allowed age, so the library stays current."""

import datetime

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from portal.exports import SafeSpreadsheetExportMixin

from .selectors import practices_due_for_review


class ReviewDueReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Practices due for review")
    header_icon = "time"
    index_url_name = "practices_review_due"
    index_results_url_name = "practices_review_due_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    list_export = ["title", "theme", "last_reviewed", "implementing_unit"]
    columns = [
        TitleColumn("title", label=_("Practice"), url_name="wagtailadmin_pages:edit"),
        Column("theme", label=_("Theme")),
        Column("implementing_unit", label=_("Implementing unit")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
    ]

    def get_filename(self) -> str:
        return f"practices-due-for-review-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        return practices_due_for_review()
