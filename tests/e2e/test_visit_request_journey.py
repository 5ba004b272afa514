"""An official asks for a study visit from a practice page: chooses practices, makes mistakes, is led to them
by the error summary, corrects them and gets a confirmation (and a copy by e-mail)."""

import datetime
import re

from django.core import mail
from django.core.cache import cache
from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from mentorship.factories import MunicipalityFactory
from mentorship.models import Visit, VisitFormat, VisitPurpose, VisitStatus
from practices.factories import PracticePageFactory, ThemeFactory

from .conftest import assert_accessible

SEND = "form[method=post] button.visit-request__send"


@pytest.fixture(autouse=True)
def _fresh_rate_limit(settings):
    # Every test posts from 127.0.0.1; the per-address limit must not carry over between tests.
    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    settings.OFFICE_EMAIL = "ofis@example.test"
    cache.clear()


def assert_no_horizontal_overflow(page: Page, name: str) -> None:
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{name} is {width[0]} px wide in a {width[1]} px window"


def active_id(page: Page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def test_official_chooses_practices_corrects_mistakes_and_requests_a_study_visit(page, screenshot):
    municipality = MunicipalityFactory(name="Tepebaşı", province=26)
    social = ThemeFactory(name="Sosyal Hizmetler", sort_order=1)
    practice = PracticePageFactory(title="Sosyal Market", theme=social)
    garden = PracticePageFactory(title="Kent Bostanları", theme=ThemeFactory(name="Tarım", sort_order=2))
    PracticePageFactory(title="Taslak Uygulama", theme=social, live=False)
    visit_day = timezone.localdate() + datetime.timedelta(days=30)

    page.goto(practice.url)
    page.locator(f"a[href='/ziyaret-talebi/?practice={practice.pk}']").click()
    page.wait_for_url(re.compile(r"/ziyaret-talebi/"))
    boxes = page.locator("input[name=practices]")
    # The practice from the link comes first and ticked; the others are listed by theme, drafts never.
    expect(boxes).to_have_count(2)
    expect(boxes.first).to_have_value(str(practice.pk))
    expect(boxes.first).to_be_checked()
    expect(page.locator("fieldset.practice-group legend", has_text="Tarım")).to_be_visible()
    assert_no_horizontal_overflow(page, "the empty form")
    screenshot(page, "visit-request-form")

    page.get_by_label("Kent Bostanları").check()  # a click anywhere on the line ticks it
    page.locator("label[for=id_purpose_0]").click()
    page.locator("label[for=id_preferred_format_1]").click()  # online
    page.fill("#id_delegation_size", "500")  # the first mistake: more than 200
    page.fill("#id_preferred_date_1", visit_day.isoformat())
    page.fill("#id_message", "Depo ve dağıtım düzenini görmek istiyoruz.")
    page.select_option("#id_municipality", str(municipality.pk))
    page.fill("#id_contact_name", "Ayşe Yılmaz")
    page.fill("#id_role", "Sosyal Hizmetler Müdürü")
    page.fill("#id_email", "ayse.yilmaz@")  # the second mistake
    consent = page.locator("label.consent-option")
    target = consent.bounding_box()
    assert target["width"] >= 44 and target["height"] >= 44, target
    consent.click()
    expect(page.locator("#id_consent")).to_be_checked()
    page.locator(SEND).click()
    page.wait_for_load_state()

    # The error summary has the focus, lists both mistakes as links, and the page title says so.
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'error-summary'")
    expect(summary.locator("a")).to_have_count(2)
    assert re.match(r"(Hata|Error)", page.title())
    # Each error also sits next to its field, tied to it for screen readers; nothing typed is lost.
    expect(page.locator("#id_email_error")).to_be_visible()
    expect(page.locator("#id_email")).to_have_attribute("aria-describedby", re.compile(r"\bid_email_error\b"))
    expect(page.locator("#id_delegation_size_error")).to_be_visible()
    expect(page.locator("#id_delegation_size")).to_have_value("500")
    expect(page.locator("#id_contact_name")).to_have_value("Ayşe Yılmaz")
    expect(page.locator("#id_email")).to_have_value("ayse.yilmaz@")
    expect(page.locator("#id_municipality")).to_have_value(str(municipality.pk))
    expect(page.locator("#id_preferred_date_1")).to_have_value(visit_day.isoformat())
    expect(page.locator("#id_message")).to_have_value("Depo ve dağıtım düzenini görmek istiyoruz.")
    expect(page.locator("#id_purpose_0")).to_be_checked()
    expect(page.locator("#id_preferred_format_1")).to_be_checked()
    expect(page.locator(f"input[name=practices][value='{practice.pk}']")).to_be_checked()
    expect(page.locator(f"input[name=practices][value='{garden.pk}']")).to_be_checked()
    assert not Visit.objects.exists()
    assert_no_horizontal_overflow(page, "the form with errors")
    assert_accessible(page, "the visit request form showing errors")
    screenshot(page, "visit-request-errors")

    # A link in the summary takes the focus to its field.
    summary.locator("a[href='#id_delegation_size']").click()
    assert active_id(page) == "id_delegation_size"
    page.fill("#id_delegation_size", "12")
    page.fill("#id_email", "ayse.yilmaz@tepebasi.bel.tr")
    if not page.locator("#id_consent").is_checked():
        page.check("#id_consent")
    page.locator(SEND).click()
    page.wait_for_url(re.compile(r"/ziyaret-talebi/alindi/"))
    expect(page.locator("h1")).to_be_visible()
    assert_no_horizontal_overflow(page, "the confirmation")
    screenshot(page, "visit-request")

    visit = Visit.objects.get()
    assert (visit.municipality, visit.status) == (municipality, VisitStatus.REQUESTED)
    assert set(visit.practices.all()) == {practice, garden}
    assert visit.delegation_size == 12
    assert (visit.format, visit.purpose) == (VisitFormat.ONLINE, VisitPurpose.ADOPT)
    copy = [message for message in mail.outbox if message.to == ["ayse.yilmaz@tepebasi.bel.tr"]]
    assert len(copy) == 1 and "Sosyal Market" in copy[0].body


def test_practices_are_filtered_as_one_types_and_searched_without_losing_the_form(desktop_page):
    page = desktop_page
    children = ThemeFactory(name="Çocuk ve Aile", sort_order=1)
    PracticePageFactory(title="Oyun Evleri", theme=children)
    PracticePageFactory(title="Kent Bostanları", theme=ThemeFactory(name="Tarım", sort_order=2))
    chosen = PracticePageFactory(title="Sosyal Market", theme=ThemeFactory(name="Sosyal", sort_order=3))
    page.goto(f"/ziyaret-talebi/?practice={chosen.pk}")
    page.fill("#id_contact_name", "Ayşe Yılmaz")

    # Typing filters the listed practices at once (title or theme, with or without Turkish letters).
    page.fill("#id_practice_query", "cocuk")
    expect(page.get_by_label("Oyun Evleri")).to_be_visible()
    expect(page.get_by_label("Kent Bostanları")).to_be_hidden()
    expect(page.get_by_label("Sosyal Market")).to_be_visible()  # the choice always stays in view

    # Enter searches the library on the server without leaving the page: nothing typed is lost.
    page.fill("#id_practice_query", "bostan")
    page.get_by_label("Kent Bostanları").wait_for(state="visible")
    page.locator("#id_practice_query").press("Enter")
    expect(page.locator("input[name=practices]")).to_have_count(2)
    expect(page.get_by_label("Oyun Evleri")).to_have_count(0)
    expect(page.get_by_label("Sosyal Market")).to_be_checked()
    expect(page.locator("#id_contact_name")).to_have_value("Ayşe Yılmaz")
    assert "/ziyaret-talebi/" in page.url and "q=" not in page.url
    assert not Visit.objects.exists()


def test_without_javascript_the_search_is_a_plain_get_and_the_summary_is_first(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="tr-TR")
    try:
        page = context.new_page()
        chosen = PracticePageFactory(title="Sosyal Market")
        PracticePageFactory(title="Kent Bostanları")
        page.goto(f"/ziyaret-talebi/?practice={chosen.pk}")
        page.fill("#id_practice_query", "bostan")
        page.locator("#id_practice_query").press("Enter")
        page.wait_for_url(re.compile(r"q=bostan"))
        expect(page.get_by_label("Sosyal Market")).to_be_checked()
        expect(page.get_by_label("Kent Bostanları")).not_to_be_checked()
        page.locator(SEND).click()
        page.wait_for_load_state()
        # No script: the summary is the first thing in the main content (the skip link leads to it).
        first = page.evaluate("() => document.querySelector('main .container').firstElementChild.id")
        assert first == "error-summary"
        expect(page.get_by_label("Sosyal Market")).to_be_checked()
    finally:
        context.close()
