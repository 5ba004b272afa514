"""Keyboard only: the skip link comes first, and the search box and library filters work without a mouse."""

import datetime
import re

from django.core.cache import cache
from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from mentorship.factories import MunicipalityFactory
from mentorship.models import Visit
from practices.factories import PracticePageFactory, ThemeFactory

MAX_TABS = 80

FOCUS_STYLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return {outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow};
}"""


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.SEARCH_BACKEND = "database"
    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    cache.clear()


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("(selector) => document.activeElement.matches(selector)", selector)


def tab_to(page: Page, selector: str, *, never: str | None = None) -> None:
    """Presses Tab until the element matching the selector has the focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if never is not None:
            assert not focused(page, never), f"{never} took the keyboard focus"
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
    checkbox = "#filter-form input[type=checkbox][name=theme][value=saglik]"
    tab_to(page, checkbox)
    assert_focus_visible(page)
    page.keyboard.press("Space")
    expect(page.locator(checkbox)).to_be_checked()
    tab_to(page, "#filter-form button[type=submit]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"theme=saglik"))
    results = page.locator("section.results")
    expect(results.get_by_role("link", name="Mobil Sağlık Taraması")).to_be_visible()
    expect(results.get_by_role("link", name="Kent Bostanları")).to_have_count(0)


def test_visit_request_form_works_with_the_keyboard_alone(desktop_page):
    municipality = MunicipalityFactory(name="Tepebaşı", province=26)
    visit_day = timezone.localdate() + datetime.timedelta(days=30)
    page = desktop_page
    page.goto("/ziyaret-talebi/")

    # In the order of the page: the purpose, the format, the number of people, the date, who asks, consent.
    tab_to(page, "#id_purpose_0")
    assert_focus_visible(page)
    page.keyboard.press("Space")
    expect(page.locator("#id_purpose_0")).to_be_checked()
    tab_to(page, "#id_preferred_format_0")  # a radio group is one Tab stop: its ticked radio
    page.keyboard.press("ArrowDown")
    expect(page.locator("#id_preferred_format_1")).to_be_checked()
    tab_to(page, "#id_delegation_size")
    page.keyboard.type("8")
    tab_to(page, "#id_preferred_date_1")
    assert_focus_visible(page)
    # Headless Chromium lays the date field out as mm/dd/yyyy whatever the page's locale; a person types
    # the digits in the order shown, and each segment moves on by itself.
    page.keyboard.type(visit_day.strftime("%m%d%Y"))
    expect(page.locator("#id_preferred_date_1")).to_have_value(visit_day.isoformat())
    tab_to(page, "#id_municipality")
    assert_focus_visible(page)
    page.keyboard.type("Tepe")  # a closed select picks the option whose label starts with what is typed
    expect(page.locator("#id_municipality")).to_have_value(str(municipality.pk))
    tab_to(page, "#id_contact_name")
    assert_focus_visible(page)
    page.keyboard.type("Ayşe Yılmaz")
    tab_to(page, "#id_email")
    page.keyboard.type("ayse.yilmaz@tepebasi.bel.tr")
    tab_to(page, "#id_consent")
    assert_focus_visible(page)
    page.keyboard.press("Space")
    expect(page.locator("#id_consent")).to_be_checked()
    # The honeypot field (hidden from people) stays out of the tab order on the way to the button.
    tab_to(page, "form[method=post] button.visit-request__send", never="input[name=website]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ziyaret-talebi/alindi/"))
    assert Visit.objects.get().municipality == municipality
