"""A visiting official starts on the home page (search box, theme shortcuts, figures), opens a practice and
copies its link to send on; the favicon loads; no page scrolls sideways at either width."""

import re

from django.utils import timezone

from playwright.sync_api import expect

from mentorship.factories import AdoptionFactory, MunicipalityFactory, VisitFactory
from mentorship.models import AdoptionStage, VisitStatus
from practices.factories import ImageFactory, PracticePageFactory, ReplicationStepFactory, ThemeFactory


def assert_no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


def test_official_finds_a_practice_from_the_home_page_and_shares_it(page, screenshot, live_server):
    social = ThemeFactory(name="Sosyal Hizmetler", slug="sosyal-hizmetler")
    market = PracticePageFactory(
        title="Sosyal Market",
        theme=social,
        featured=True,
        hero_image=ImageFactory(file__width=1600, file__height=900),
        beneficiaries_count=9300,
    )
    ReplicationStepFactory(page=market, title="Bağış kabul sistemini kurun")
    PracticePageFactory.create_batch(2)
    municipality = MunicipalityFactory(name="Samandağ", province=31, website="https://samandag.example.org/")
    VisitFactory(municipality=municipality, status=VisitStatus.COMPLETED, date=timezone.localdate())
    AdoptionFactory(
        municipality=municipality,
        practice=market,
        stage=AdoptionStage.ADOPTED,
        kept="Puanla alışveriş korundu.",
        show_publicly=True,
    )

    page.goto("/")
    assert_no_sideways_scroll(page)
    figures = page.locator(".figures")
    expect(figures.locator('[data-figure="practices"] .figures__value')).to_have_text("3")
    expect(figures.locator('[data-figure="hosted"] .figures__value')).to_have_text("1")
    expect(figures.locator('[data-figure="provinces_reached"] .figures__value')).to_have_text("1")
    expect(page.locator(".card-grid--three > li")).to_have_count(3)
    screenshot(page, "home")

    # The search box in the body of the page.
    page.locator("#home-search-q").fill("market")
    page.locator("form.home-search button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ara/\?q=market"))
    expect(page.get_by_role("link", name="Sosyal Market").first).to_be_visible()

    # A theme shortcut leads to the library filtered by that theme.
    page.goto("/")
    page.locator(".theme-list__link", has_text="Sosyal Hizmetler").click()
    page.wait_for_url(re.compile(r"/uygulamalar/\?theme=sosyal-hizmetler"))
    page.locator("section.results").get_by_role("link", name="Sosyal Market").click()
    page.wait_for_url(f"**{market.url}")
    assert_no_sideways_scroll(page)

    # The adopter a mentor made public, linked to its own site.
    expect(page.locator(".adopter__name a")).to_have_attribute("href", "https://samandag.example.org/")
    # The share box: the address is there without JavaScript; share.js reveals "copy" and it reports back.
    share = page.locator("section.share")
    address = share.locator("input.share__url")
    expect(address).to_have_value(re.compile(rf"^https?://[^/]+{re.escape(market.url)}$"))
    copy = share.locator("[data-share-copy]")
    expect(copy).to_be_visible()
    copy.click()
    expect(share.locator("[data-share-status]")).not_to_be_empty()
    # The card a messaging app would show.
    assert page.locator('meta[property="og:image"]').get_attribute("content").startswith("http")
    assert page.locator('script[type="application/ld+json"]').count() == 1
    share.scroll_into_view_if_needed()
    screenshot(page, "practice-share")

    favicon = page.request.get(live_server.url + "/favicon.ico")
    assert favicon.status == 200 and favicon.headers["content-type"].startswith("image/svg+xml")
