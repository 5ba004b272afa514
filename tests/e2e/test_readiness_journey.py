"""An official checks their municipality's readiness for a practice, at a phone and a desktop width: a
forgotten answer is shown with what was chosen kept, then the summary lists gaps with the steps that close
them, and the PDF downloads."""

from playwright.sync_api import expect
from pypdf import PdfReader

from practices.factories import PracticePageFactory, PracticePartnerFactory, ReplicationStepFactory
from practices.models import ReadinessCheckCount


def test_official_checks_readiness_and_downloads_the_summary(page, screenshot):
    practice = PracticePageFactory(
        title="Sosyal Market",
        slug="sosyal-market",
        budget_band="medium",
        staff_needed="2 sosyal hizmet uzmanı",
        legal_basis="5393 sayılı Belediye Kanunu, madde 14",
    )
    ReplicationStepFactory(page=practice, title="Bütçe kalemini açın", readiness_dimension="budget")
    ReplicationStepFactory(page=practice, title="Meclis kararı alın", readiness_dimension="legal")
    PracticePartnerFactory(page=practice, name="Gıda Bankası")

    page.goto(practice.url)
    page.locator(f"a[href='{practice.url}hazirlik/']").click()
    expect(page.locator("h1")).to_contain_text("Sosyal Market")

    page.locator("#id_population_2").check()
    page.locator("#id_budget_1").check()  # under 1 million: short of the practice's band
    page.locator("#id_staff_2").check()
    page.locator("#id_legal_1").check()  # being prepared
    page.locator("#id_partners_2").check()
    submit = page.get_by_role("button", name="Hazırlığımızı göster")  # the Turkish page's own wording
    submit.click()  # backing left unanswered
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#id_budget_1")).to_be_checked()

    page.locator("#id_backing_1").check()
    submit.click()
    gaps = page.locator(".readiness__list--gaps")
    expect(gaps).to_contain_text("Bütçe kalemini açın")
    expect(gaps).to_contain_text("Meclis kararı alın")
    expect(page.locator(".readiness__list--have")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "readiness-result")

    with page.expect_download() as pdf_download:
        page.locator("a[href*='hazirlik/pdf/']").click()
    assert pdf_download.value.suggested_filename == "sosyal-market-readiness.pdf"
    text = "".join(p.extract_text() for p in PdfReader(pdf_download.value.path()).pages)
    assert "Bütçe kalemini açın" in text

    (cell,) = ReadinessCheckCount.objects.all()
    assert (cell.band, cell.count) == ("partly", 1)
