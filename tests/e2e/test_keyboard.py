"""Keyboard only: the skip link comes first, and the search box and library filters work without a mouse."""

import re

import pytest
from playwright.sync_api import Page, expect

from practices.factories import PracticePageFactory, ThemeFactory

MAX_TABS = 80

FOCUS_STYLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return {outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow};
}"""


@pytest.fixture(autouse=True)
def _database_search(settings):
    settings.SEARCH_BACKEND = "database"


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("(selector) => document.activeElement.matches(selector)", selector)


def tab_to(page: Page, selector: str) -> None:
    """Presses Tab until the element matching the selector has the focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    pytest.fail(f"{selector} never received focus after {MAX_TABS} Tab presses")


def assert_focus_visible(page: Page) -> None:
    style = page.evaluate(FOCUS_STYLE)
    has_outline = style["outline"] != "none" and style["width"] != "0px"
    assert has_outline or style["shadow"] != "none", f"focused element has no visible focus style: {style}"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(desktop_page):
    page = desktop_page
    page.goto("/")
    page.keyboard.press("Tab")
    assert focused(page, "a.skip-link[href='#main']")
    expect(page.locator("a.skip-link")).to_be_visible()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert focused(page, "main#main")
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_header_search_works_with_the_keyboard_alone(desktop_page):
    PracticePageFactory(title="Çocuk Oyun Evleri")
    page = desktop_page
    page.goto("/")
    tab_to(page, "header input[name=q]")
    assert_focus_visible(page)
    page.keyboard.type("cocuk")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ara/\?q=cocuk"))
    expect(page.locator("section.results").get_by_role("link", name="Çocuk Oyun Evleri")).to_be_visible()


def test_library_filters_work_with_the_keyboard_alone(desktop_page):
    health = ThemeFactory(name="Sağlık", slug="saglik")
    PracticePageFactory(title="Mobil Sağlık Taraması", theme=health)
    PracticePageFactory(title="Kent Bostanları", theme=ThemeFactory(name="Tarım", slug="tarim"))
    page = desktop_page
    page.goto("/uygulamalar/")
    checkbox = "form.filters input[type=checkbox][name=theme][value=saglik]"
    tab_to(page, checkbox)
    assert_focus_visible(page)
    page.keyboard.press("Space")
    expect(page.locator(checkbox)).to_be_checked()
    tab_to(page, "form.filters button[type=submit]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"theme=saglik"))
    results = page.locator("section.results")
    expect(results.get_by_role("link", name="Mobil Sağlık Taraması")).to_be_visible()
    expect(results.get_by_role("link", name="Kent Bostanları")).to_have_count(0)
