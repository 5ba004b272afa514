"""A visiting official takes the replication kit away: from the kit page, the PDF and the ZIP download."""

import io
import zipfile

from playwright.sync_api import expect
from pypdf import PdfReader

from practices.factories import PracticeDocumentFactory, PracticePageFactory, ReplicationStepFactory


def test_official_downloads_the_kit_as_pdf_and_zip(page, screenshot):
    practice = PracticePageFactory(title="Sosyal Market", slug="sosyal-market")
    ReplicationStepFactory(page=practice, title="Bağışçı ağını kurun")
    PracticeDocumentFactory(page=practice, title="Uygulama rehberi")

    page.goto(f"{practice.url}kit/")
    expect(page.locator("h1")).to_contain_text("Sosyal Market")
    expect(page.locator(".kit__qr img")).to_be_visible()
    screenshot(page, "kit-downloads")

    with page.expect_download() as pdf_download:
        page.locator(f"a[href='{practice.url}kit.pdf']").click()
    assert pdf_download.value.suggested_filename == "sosyal-market-kit.pdf"
    text = "".join(p.extract_text() for p in PdfReader(pdf_download.value.path()).pages)
    assert "Bağışçı ağını kurun" in text

    with page.expect_download() as zip_download:
        page.locator(f"a[href='{practice.url}kit.zip']").click()
    assert zip_download.value.suggested_filename == "sosyal-market-kit.zip"
    with open(zip_download.value.path(), "rb") as file:
        names = zipfile.ZipFile(io.BytesIO(file.read())).namelist()
    assert names == ["sosyal-market-kit.pdf", "documents/01-uygulama-rehberi.pdf"]
