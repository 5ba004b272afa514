"""The header at the widths people use (issue 17): on a laptop (1280 px) the name, the five links, the search
and the languages fit on one line, each link on one line ("Çalışma ziyareti talep edin" too); at 1024 px the
menu sits on one line under the name; nothing is wider than the screen. Turkish and English. The links go to
the sections of the address's language (practices.sections)."""

import pytest
from playwright.sync_api import Page

from practices.factories import PracticePageFactory

WIDTHS = {"laptop": (1280, 800), "tablet": (1024, 768)}

LAYOUT = """() => {
    const links = [...document.querySelectorAll('.site-nav a')].map((a) => a.getBoundingClientRect());
    const lineHeight = parseFloat(getComputedStyle(document.querySelector('.site-nav a')).lineHeight) || 24;
    const header = document.querySelector('.site-header__inner');
    const parts = ['.site-header__brand', '.site-nav', '.site-search', '.language-switcher']
        .map((selector) => document.querySelector(selector).getBoundingClientRect());
    return {
        tallest: Math.max(...links.map((r) => r.height)),
        lineHeight,
        tops: links.map((r) => Math.round(r.top)),
        partTops: parts.map((r) => Math.round(r.top + r.height / 2)),
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        headerRight: Math.round(header.getBoundingClientRect().right),
        rights: parts.map((r) => Math.round(r.right)),
    };
}"""


@pytest.mark.parametrize("address", ["/", "/en/"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_header_fits_the_screen(browser, live_server, address, width, screenshot_dir):
    PracticePageFactory()
    w, h = WIDTHS[width]
    context = browser.new_context(base_url=live_server.url, viewport={"width": w, "height": h})
    page: Page = context.new_page()
    page.goto(address)
    layout = page.evaluate(LAYOUT)
    language = "tr" if address == "/" else "en"
    page.screenshot(path=str(screenshot_dir / f"header-{width}-{language}.png"))
    context.close()
    assert layout["overflow"] <= 0, f"the page is {layout['overflow']} px wider than the screen"
    assert layout["tallest"] < 1.5 * layout["lineHeight"] + 16, "a header link wraps onto two lines"
    assert len(set(layout["tops"])) == 1, "the header links are not on one line"
    assert max(layout["rights"]) <= layout["headerRight"] + 1
    if width == "laptop":
        assert max(layout["partTops"]) - min(layout["partTops"]) <= 12, "the header is not one line"


@pytest.fixture
def screenshot_dir():
    from tests.e2e.conftest import SCREENSHOT_DIR

    SCREENSHOT_DIR.mkdir(exist_ok=True)
    return SCREENSHOT_DIR
