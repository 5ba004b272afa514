"""An English-speaking partner walks library -> practice -> kit by English addresses (issue 15), at 390 and
1280 px: English texts, English taxonomy names, a Turkish-only practice marked as such, the kit in English;
and opens a Turkish-only training from the English list without leaving the English site."""

from django.conf import settings

from playwright.sync_api import expect
from pypdf import PdfReader

from practices.demo.loader import DemoResult
from practices.demo.translations import english_locale, load_english_home_and_library
from practices.factories import (
    EventPageFactory,
    PracticePageFactory,
    ReplicationStepFactory,
    TargetGroupFactory,
    ThemeFactory,
)


def english_practice():
    theme = ThemeFactory(name="Sağlık", name_en="Health", slug="saglik")
    group = TargetGroupFactory(name="Yaşlılar", name_en="Older people", slug="yaslilar")
    original = PracticePageFactory(
        title="Yaşlılara Mobil Sağlık Taraması",
        slug="yaslilara-mobil-saglik-taramasi",
        theme=theme,
        target_groups=[group],
    )
    ReplicationStepFactory(page=original, title="Yaşlı nüfus haritasını çıkarın")
    original.save_revision().publish()
    translated = original.copy_for_translation(english_locale())
    translated.title = translated.draft_title = "Mobile Health Screening for Older People"
    translated.slug = "mobile-health-screening"
    translated.summary = "A vehicle tours the neighbourhoods to screen residents over 65."
    steps = list(translated.replication_steps.all())
    steps[0].title, steps[0].description = "Map the older population", "Find where older people live alone."
    translated.replication_steps = steps
    translated.save_revision().publish()
    PracticePageFactory(title="Sosyal Market", slug="sosyal-market", theme=theme)
    return translated


def test_partner_reads_a_practice_and_takes_the_kit_in_english(page, screenshot):
    load_english_home_and_library(DemoResult(), lambda message: None)
    english_practice()

    page.goto("/en/practices/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    turkish_only = page.locator(".card", has_text="Sosyal Market")
    expect(turkish_only.locator(".card__language")).to_have_text("In Turkish")
    card = page.locator(".card", has_text="Mobile Health Screening")
    expect(card.locator(".card__theme")).to_have_text("Health")
    expect(card.locator(".card__language")).to_have_count(0)
    screenshot(page, "english-library")

    card.get_by_role("link", name="Mobile Health Screening for Older People").click()
    page.wait_for_url("**/en/practices/mobile-health-screening/")
    expect(page.locator("h1")).to_have_text("Mobile Health Screening for Older People")
    turkish = page.locator("link[rel=alternate][hreflang=tr]").get_attribute("href")
    # Absolute links name the one configured public address, not the host the request came to.
    assert turkish == f"{settings.SITE_BASE_URL}/uygulamalar/yaslilara-mobil-saglik-taramasi/"
    expect(page.get_by_text("Older people").first).to_be_visible()
    screenshot(page, "english-practice")

    page.get_by_role("link", name="Replication kit (printable)").click()
    page.wait_for_url("**/en/practices/mobile-health-screening/kit/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot(page, "english-kit")
    with page.expect_download() as pdf_download:
        page.locator("a[href='/en/practices/mobile-health-screening/kit.pdf']").click()
    pages = PdfReader(pdf_download.value.path()).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())  # lines wrap in the PDF
    assert "Mobile Health Screening" in text and "Map the older population" in text, text
    assert "Yaşlı nüfus" not in text


def test_partner_opens_a_turkish_only_training_from_the_english_list(page, screenshot):
    """The English list links a training with no English translation to /en/trainings/<slug>/: the page
    stays in English around the Turkish text, says so, and registration is offered there."""
    load_english_home_and_library(DemoResult(), lambda message: None)
    EventPageFactory(
        title="Sosyal market kurulum eğitimi",
        slug="sosyal-market-kurulum-egitimi",
        summary="Sosyal marketin kurulması ve işletilmesi üzerine bir günlük eğitim.",
        body="<p>Sabah: ihtiyaç analizi. Öğleden sonra: bağışçılarla çalışma.</p>",
    )

    page.goto("/en/trainings/")
    card = page.locator(".card", has_text="Sosyal market kurulum eğitimi")
    expect(card.locator(".card__language")).to_have_text("In Turkish")
    card.get_by_role("link", name="Sosyal market kurulum eğitimi").click()
    page.wait_for_url("**/en/trainings/sosyal-market-kurulum-egitimi/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("note")).to_have_text(
        "This page has not been translated yet: its text is shown in Turkish."
    )
    expect(page.locator("h1")).to_have_attribute("lang", "tr")
    expect(page.get_by_role("heading", name="Registration")).to_be_visible()
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == f"{settings.SITE_BASE_URL}/egitimler/sosyal-market-kurulum-egitimi/"
    screenshot(page, "english-turkish-only-training")
