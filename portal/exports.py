"""Spreadsheet exports a mentor can open: one mixin for every admin list with Wagtail's `list_export`.

- CSV is UTF-8 with a byte-order mark and says so (`text/csv; charset=utf-8`), so Excel on a Turkish
  Windows shows "Görev", not "GÃ¶rev".
- Any text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single quote
  (the OWASP rule against CSV injection): a name typed on the public form as `=HYPERLINK(...)` stays text.
  XLSX cells are written as text by Wagtail already (a formula is never a formula there).
- Times are in the site's time zone (Europe/Istanbul) in both formats, as the admin's lists show them.
- "Download CSV" and "Download XLSX" are buttons in the header, not hidden in the "…" menu.

defusedcsv was considered: it replaces the csv module's writer, while Wagtail's export builds its own
DictWriter inside `stream_csv`; the rule fits in `neutralise_cell` below instead.
"""

import codecs
import datetime
import itertools
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.mixins import SpreadsheetExportMixin, list_to_str
from wagtail.admin.widgets.button import HeaderButton

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
CSV_DATETIME_FORMAT = "%Y-%m-%d %H:%M"


def neutralise_cell(value):
    """A text value starting with a formula trigger, prefixed with a single quote; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def local_datetime(value: datetime.datetime) -> datetime.datetime:
    """An aware time in the site's time zone, without tzinfo (what a spreadsheet cell holds)."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


class SafeSpreadsheetExportMixin:
    """Put before Wagtail's index or report view: its exports follow the rules in the module docstring."""

    custom_value_preprocess = {
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: local_datetime,
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: local_datetime(value).strftime(
                CSV_DATETIME_FORMAT
            ),
        },
        (datetime.date, datetime.time): {SpreadsheetExportMixin.FORMAT_XLSX: None},
        list: {
            SpreadsheetExportMixin.FORMAT_CSV: list_to_str,
            SpreadsheetExportMixin.FORMAT_XLSX: list_to_str,
        },
    }

    def preprocess_field_value(self, field, value, export_format):
        processed = super().preprocess_field_value(field, value, export_format)
        if export_format == SpreadsheetExportMixin.FORMAT_CSV and not isinstance(
            value, int | float | Decimal
        ):
            processed = neutralise_cell(processed)
        return processed

    def write_csv_response(self, queryset):
        stream = itertools.chain([codecs.BOM_UTF8], self.stream_csv(queryset))
        response = StreamingHttpResponse(stream, content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.show_export_buttons:
            buttons += [
                HeaderButton(_("Download CSV"), url=self.csv_export_url, icon_name="download"),
                HeaderButton(_("Download XLSX"), url=self.xlsx_export_url, icon_name="download"),
            ]
        return buttons

    @cached_property
    def header_more_buttons(self):
        if not self.show_export_buttons:
            return super().header_more_buttons
        exports = {self.csv_export_url, self.xlsx_export_url}
        return [
            button for button in super().header_more_buttons if getattr(button, "url", None) not in exports
        ]
