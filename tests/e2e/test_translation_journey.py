"""An editor translates a practice into English with wagtail-localize's editor (issue 15): "Translate this
page", the title, the address and a replication step translated segment by segment; the editor submits it for
review; a publisher approves it from the dashboard's "Awaiting your review", which publishes it in English; a
reader finds it under /en/ with the English step, and the Turkish page is unchanged.

The admin journey runs at the desktop width only (the admin is a desktop tool); the reader's page at both."""

import re

import pytest
from playwright.sync_api import Page, expect

from practices.demo.loader import DemoResult
from practices.demo.translations import english_locale, load_english_home_and_library
from practices.factories import PracticePageFactory, ReplicationStepFactory
from practices.models import PracticePage

from .conftest import VIEWPORTS, log_in, submit_admin_form

TITLE = "Yaşlılara Mobil Sağlık Taraması"
SLUG = "yaslilara-mobil-saglik-taramasi"
STEP = "Yaşlı nüfus haritasını çıkarın"
ENGLISH_TITLE = "Mobile Health Screening for Older People"
ENGLISH_SLUG = "mobile-health-screening"
ENGLISH_STEP = "Map where older people live"


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.SEARCH_BACKEND = "database"
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def admin_in_english(page: Page, base_url: str) -> None:
    """The admin's language follows the django_language cookie (the header's switch sets it)."""
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": base_url}])


def translate_segment(page: Page, source: str, translation: str) -> None:
    """In wagtail-localize's editor: the segment showing ``source``, "Translate", type, "Save"."""
    segment = page.locator(f'li:has(> p:text-is("{source}"))')
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(segment.locator("textarea")).to_have_count(0)
    expect(segment.get_by_text("Saving")).to_have_count(0)
    expect(segment).to_contain_text(translation)


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_editor_translates_a_practice_and_a_publisher_publishes_it_in_english(
    new_page, editor, publisher, browser, live_server, screenshot
):
    load_english_home_and_library(DemoResult(), lambda message: None)
    original = PracticePageFactory(title=TITLE, slug=SLUG)
    ReplicationStepFactory(
        page=original, title=STEP, description="Yaşlıların yaşadığı sokakları işaretleyin."
    )
    original.save_revision().publish()

    # The editor opens the practice, chooses "Translate this page" in its actions menu and picks English.
    editor_page = new_page()
    admin_in_english(editor_page, live_server.url)
    log_in(editor_page, editor.username)
    editor_page.goto(f"/admin/pages/{original.pk}/edit/")
    actions = editor_page.get_by_role("navigation", name="Actions", exact=True)
    actions.get_by_role("button", name="Actions").click()
    actions.get_by_role("link", name="Translate this page").click()
    editor_page.wait_for_url(f"**/admin/localize/submit/page/{original.pk}/")
    editor_page.get_by_label("English").check()
    editor_page.get_by_role("button", name="Submit").click()
    editor_page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(editor_page.get_by_role("heading", name="Türkçe to English translation").first).to_be_visible()

    # Segment by segment: the title, the replication step's title and the address.
    translate_segment(editor_page, TITLE, ENGLISH_TITLE)
    translate_segment(editor_page, STEP, ENGLISH_STEP)
    editor_page.get_by_role("tab", name="Promote").click()  # the address is on the "Promote" tab
    translate_segment(editor_page, SLUG, ENGLISH_SLUG)
    # An editor cannot publish: they submit the translation for review (the bar above the editor).
    expect(editor_page.get_by_role("button", name="Publish in English")).to_have_count(0)
    screenshot(editor_page, "translation-before-review")
    submit_admin_form(editor_page, editor_page.get_by_role("button", name="Submit to İncele ve yayımla"))
    expect(editor_page.get_by_text("has been submitted for review")).to_be_visible()
    expect(editor_page.get_by_text("Awaiting review (Yayıncı onayı)")).to_be_visible()
    expect(editor_page.get_by_role("button", name="Submit to İncele ve yayımla")).to_have_count(0)
    screenshot(editor_page, "translation-in-review")
    english = PracticePage.objects.get(locale=english_locale(), translation_key=original.translation_key)
    assert not english.live

    # The publisher finds it on the dashboard, awaiting review, with the translated title, and approves it.
    publisher_page = new_page()
    admin_in_english(publisher_page, live_server.url)
    log_in(publisher_page, publisher.username)
    # In the translation editor a publisher also finds Approve / Request changes.
    publisher_page.goto(f"/admin/pages/{english.pk}/edit/")
    expect(publisher_page.get_by_role("button", name="Request changes")).to_be_visible()
    screenshot(publisher_page, "translation-review-publisher")
    publisher_page.goto("/admin/")
    awaiting = publisher_page.get_by_role("region", name="Awaiting your review")
    row = awaiting.get_by_role("row").filter(has_text=ENGLISH_TITLE)
    expect(row).to_contain_text("editor")
    row.get_by_role("button", name="Actions").click()
    with publisher_page.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    expect(awaiting.get_by_role("row").filter(has_text=ENGLISH_TITLE)).to_have_count(0)

    english = PracticePage.objects.get(locale=english_locale(), translation_key=original.translation_key)
    assert english.live
    assert english.replication_steps.get().title == ENGLISH_STEP

    # A reader finds it under /en/, at a phone's width and a desktop's.
    for viewport in VIEWPORTS:
        context = browser.new_context(base_url=live_server.url, viewport=VIEWPORTS[viewport], locale="en-GB")
        reader = context.new_page()
        reader.goto(f"/en/practices/{ENGLISH_SLUG}/")
        expect(reader.locator("html")).to_have_attribute("lang", "en")
        expect(reader.locator("h1")).to_have_text(ENGLISH_TITLE)
        expect(reader.get_by_text(ENGLISH_STEP)).to_be_visible()
        expect(reader.get_by_text(STEP)).to_have_count(0)
        if viewport == "desktop":
            screenshot(reader, "translated-practice")
        # The Turkish original is unchanged.
        reader.goto(f"/uygulamalar/{SLUG}/")
        expect(reader.locator("h1")).to_have_text(TITLE)
        expect(reader.get_by_text(STEP)).to_be_visible()
        expect(reader.get_by_text(ENGLISH_STEP)).to_have_count(0)
        context.close()
