"""Exports a mentor can open: hostile text typed on the public form stays text in every CSV export; UTF-8
with a BOM and a charset; times in Europe/Istanbul in CSV and XLSX; the export buttons in plain sight."""

import csv
import datetime
import io

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from mentorship.factories import ContactPersonFactory, MunicipalityFactory, VisitFactory
from mentorship.models import Municipality
from portal.exports import neutralise_cell
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

HOSTILE = {
    "new_municipality_name": '=HYPERLINK("http://x","y")',
    "contact_name": "+Saldırgan Kişi",
    "role": "@SUM(1+1)*cmd|' /C calc'!A0",
    "message": "-2+3",
}
VIEWSETS = ("municipalities", "contacts", "visits", "follow_ups", "adoptions")
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile_request(client, settings):
    """A visit request sent through the public form with formula-like text in every free field."""
    settings.LANGUAGE_CODE = "en"
    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    cache.clear()
    practice = PracticePageFactory()
    data = {
        "municipality": "",
        "new_municipality_kind": "district",
        "new_municipality_province": "33",
        "email": "saldirgan@example.org",
        "phone": "\t0555 000 00 01",
        "preferred_date_1": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        "delegation_size": "8",
        "preferred_format": "hosted",
        "purpose": "learn",
        "practices": [str(practice.pk)],
        "consent": "on",
        "website": "",
        **HOSTILE,
    }
    response = client.post("/ziyaret-talebi/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return Municipality.objects.get(name=HOSTILE["new_municipality_name"])


def download(client, viewset: str, export: str):
    response = client.get(reverse(f"mentorship_{viewset}:index"), {"export": export})
    assert response.status_code == 200
    return response, b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_rule_prefixes_only_text_that_starts_like_a_formula():
    assert [neutralise_cell(v) for v in ("=1+1", "+90 555", "-x", "@a", "\tx", "\rx")] == [
        "'=1+1",
        "'+90 555",
        "'-x",
        "'@a",
        "'\tx",
        "'\rx",
    ]
    assert [neutralise_cell(v) for v in ("Mersin", "a=b", "", None, 5, -3)] == [
        "Mersin",
        "a=b",
        "",
        None,
        5,
        -3,
    ]


def test_hostile_values_from_the_public_form_stay_text_in_every_csv_export(client, mentor, hostile_request):
    client.force_login(mentor)
    cells = []
    for viewset in VIEWSETS:
        response, content = download(client, viewset, "csv")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert content.startswith(b"\xef\xbb\xbf"), viewset
        cells += [cell for row in csv_rows(content)[1:] for cell in row]
    live = [cell for cell in cells if cell.startswith(TRIGGERS)]
    assert live == []
    assert "'" + HOSTILE["new_municipality_name"] in cells
    assert "'" + HOSTILE["contact_name"] in cells and "'" + HOSTILE["role"] in cells


def test_xlsx_keeps_hostile_text_as_text(client, mentor, hostile_request):
    client.force_login(mentor)
    _response, content = download(client, "municipalities", "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [
        cell
        for row in sheet.iter_rows(min_row=2)
        for cell in row
        if cell.value == HOSTILE["new_municipality_name"]
    ]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_turkish_letters_survive_with_the_byte_order_mark(client, mentor):
    MunicipalityFactory(name="Gölçük Şişli İğdır")
    client.force_login(mentor)
    _response, content = download(client, "municipalities", "csv")
    assert "Gölçük Şişli İğdır" in content.decode("utf-8-sig")
    assert content.count(b"\xef\xbb\xbf") == 1


def test_times_are_in_istanbul_in_csv_and_xlsx(client, mentor):
    created = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)  # 11:00 in Istanbul
    ContactPersonFactory(name="Saat Kişisi", created_at=created)
    client.force_login(mentor)
    _response, content = download(client, "contacts", "csv")
    [_header, row] = csv_rows(content)
    assert row[-1] == "2026-03-02 11:00"  # "created at" is the last column
    _response, content = download(client, "contacts", "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [cell.value for cell in next(sheet.iter_rows(min_row=2))]
    assert datetime.datetime(2026, 3, 2, 11, 0) in values


def test_export_buttons_are_labelled_in_the_header_not_hidden_in_a_menu(client, mentor):
    VisitFactory()
    client.force_login(mentor)
    for viewset in VIEWSETS:
        page = client.get(reverse(f"mentorship_{viewset}:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        for label, export in (("Download CSV", "csv"), ("Download XLSX", "xlsx")):
            index = page.index(label)
            button = page[page.rindex("<a", 0, index) : index]
            assert "w-header-button" in button and f"export={export}" in button, (viewset, label)
            assert page.count(label) == 1, (viewset, label)  # not repeated in the "…" menu


def test_the_review_report_exports_the_same_way(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("practices_review_due"), {"export": "csv"})
    content = b"".join(response.streaming_content)
    assert response["Content-Type"] == "text/csv; charset=utf-8" and content.startswith(b"\xef\xbb\xbf")
