"""Every public page type at phone and desktop width: nothing scrolls sideways, in Turkish or English, and
the library's and search's first result is on the first phone screen.

The demo content is loaded here (not factories) on purpose: its long Turkish words, tables of figures and
real case studies are what overflowed on phones, and the issue asks for every demo practice page.
"""

import re

from django.core.management import call_command

import pytest
from playwright.sync_api import Page, expect

from practices.models import PracticePage

from .conftest import VIEWPORTS, open_details

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def demo(settings):
    settings.SEARCH_BACKEND = "database"
    call_command("load_demo", verbosity=0)


def overflow(page: Page) -> int:
    """How many pixels the document is wider than the viewport (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def public_urls() -> list[str]:
    practices = list(PracticePage.objects.live().public().order_by("path"))
    tag = practices[0].tags.first()
    urls = [
        "/",
        "/uygulamalar/",
        "/uygulamalar/?theme=saglik&theme=egitim&sort=title",
        "/uygulamalar/?theme=yok&year_from=abc",  # the error state
        practices[0].get_parent().url + f"etiket/{tag.slug}/",
        "/ara/?q=%C3%A7ocuk",
        "/ara/?q=zzzzqqq",
        "/etki/",
        "/ziyaret-talebi/",
        "/kisisel-veriler/",
        "/bu-sayfa-yok/",  # 404
    ]
    for practice in practices:
        urls += [practice.url, practice.url + "kit/"]
    return urls


@pytest.mark.parametrize("language", ["tr", "en"])
def test_no_public_page_scrolls_sideways(page: Page, viewport, language, live_server):
    if language == "en":
        page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    too_wide = {}
    for url in public_urls():
        page.goto(url)
        if overflow(page) > 0:
            too_wide[url] = overflow(page)
    # The visit request with its errors shown.
    page.goto("/ziyaret-talebi/")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    if overflow(page) > 0:
        too_wide["/ziyaret-talebi/ (errors)"] = overflow(page)
    width = VIEWPORTS[viewport]["width"]
    assert not too_wide, f"pages wider than {width} px (by how many px): {too_wide}"


@pytest.mark.parametrize("url", ["/uygulamalar/", "/uygulamalar/?theme=egitim", "/ara/?q=cocuk"])
def test_first_result_is_on_the_first_phone_screen(page: Page, viewport, url):
    page.goto(url)
    first = page.locator(".results .card, .results .search-result").first
    expect(first).to_be_visible()
    top = first.bounding_box()["y"]
    assert top < VIEWPORTS[viewport]["height"] - 100, f"first result starts at {top:.0f} px on {url}"
    header = page.locator(".site-header").bounding_box()["height"]
    if viewport == "phone":
        assert header <= 120, f"the header takes {header:.0f} px of a phone screen"


def test_filters_open_apply_and_come_off_as_chips(page: Page):
    page.goto("/uygulamalar/")
    count = page.locator("#results-heading")
    before = int(re.search(r"\d+", count.inner_text()).group(0))
    open_details(page, "#filters")
    # Every option is visible in the open panel: no inner scroll box hides the last ones.
    assert page.evaluate(
        """() => [...document.querySelectorAll('#filters ul.options')]
            .every(list => list.scrollHeight <= list.clientHeight + 1)"""
    )
    page.locator("#filters input[name=theme]").first.check()
    page.locator("#filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"theme="))
    after = int(re.search(r"\d+", count.inner_text()).group(0))
    assert 0 < after < before
    expect(page.locator("#filters > summary")).to_contain_text("(1)")
    page.locator(".chip--removable").first.click()
    page.wait_for_url(lambda url: "theme=" not in url)
    assert int(re.search(r"\d+", count.inner_text()).group(0)) == before
