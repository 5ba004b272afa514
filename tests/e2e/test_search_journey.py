"""An official searches from the header box: with or without Turkish letters, the same practice comes up."""

import re

import pytest
from playwright.sync_api import expect

from practices.factories import PracticePageFactory, TargetGroupFactory, ThemeFactory

from .conftest import open_details


@pytest.fixture(autouse=True)
def _database_search(settings):
    settings.SEARCH_BACKEND = "database"


def test_searching_with_and_without_turkish_letters_finds_the_same_practice(page, screenshot):
    children = TargetGroupFactory(name="Çocuklar", slug="cocuklar")
    PracticePageFactory(
        title="Çocuk Oyun Evleri", summary="Mahallelerde güvenli oyun alanı.", target_groups=[children]
    )
    PracticePageFactory(title="Kent Bostanları", summary="Tarım ve gıda.", theme=ThemeFactory(name="Tarım"))

    page.goto("/")
    for spelling in ("çocuk", "cocuk"):
        open_details(page, "#site-menu")  # the header search sits in the menu on a phone
        search_box = page.locator("header form[role=search] input[name=q]")
        search_box.fill(spelling)
        search_box.press("Enter")
        page.wait_for_url(re.compile(r"/ara/\?q="))
        results = page.locator("section.results")
        expect(results.get_by_role("link", name="Çocuk Oyun Evleri")).to_be_visible()
        expect(results.get_by_role("link", name="Kent Bostanları")).to_have_count(0)
        expect(results.locator(".search-result")).to_have_count(1)
        # What was typed stays in the page's own search field, so it can be corrected.
        expect(page.locator("main input[name=q]")).to_have_value(spelling)

    results.get_by_role("link", name="Çocuk Oyun Evleri").click()
    expect(page.locator("h1")).to_have_text("Çocuk Oyun Evleri")
    screenshot(page, "search-turkish-letters")


def test_a_search_without_results_says_so_and_offers_the_library(page, screenshot):
    PracticePageFactory(title="Kent Bostanları")
    page.goto("/ara/?q=zzqxw")
    results = page.locator("section.results")
    expect(results.locator(".search-result")).to_have_count(0)
    expect(results.locator(".empty-state a[href='/uygulamalar/']")).to_be_visible()
    expect(page.locator("main input[name=q]")).to_have_value("zzqxw")
    screenshot(page, "search-no-results")
