"""An official finds a training in the events list, makes mistakes registering, is led to them by the error
summary, registers, gets the calendar file, and the last seat is then shown as taken (at 390 and 1280 px)."""

import datetime
import re

from django.core import mail
from django.core.cache import cache
from django.utils import timezone

import pytest
from playwright.sync_api import Page, expect

from mentorship.factories import EventRegistrationFactory
from mentorship.models import EventRegistration
from practices.factories import EventPageFactory, PracticePageFactory

from .conftest import assert_accessible

REGISTER = "#event-registration-form button[type=submit]"


@pytest.fixture(autouse=True)
def _fresh_rate_limit(settings):
    # Every test posts from 127.0.0.1; the per-address limit must not carry over between tests.
    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    cache.clear()


def assert_no_horizontal_overflow(page: Page, name: str) -> None:
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{name} is {width[0]} px wide in a {width[1]} px window"


def test_official_registers_for_a_training_and_the_last_seat_goes(page, screenshot):
    practice = PracticePageFactory(title="Evde Bakım Hizmeti")
    start = (timezone.now() + datetime.timedelta(days=9)).replace(hour=7, minute=0, second=0, microsecond=0)
    event = EventPageFactory(
        title="Evde bakım kurulum eğitimi", start=start, capacity=2, practices=[practice]
    )
    EventRegistrationFactory(event=event)
    past_start = timezone.now() - datetime.timedelta(days=30)
    EventPageFactory(
        title="Geçen ayki paylaşım toplantısı", start=past_start, end=past_start + datetime.timedelta(hours=2)
    )

    # From the header's navigation to the events list: upcoming first, then past.
    page.goto("/")
    menu = page.locator("summary.site-menu__toggle")
    if menu.is_visible():
        menu.click()
    page.locator(".site-nav a[href='/egitimler/']").click()
    page.wait_for_url(re.compile(r"/egitimler/$"))
    upcoming = page.locator("#upcoming-heading ~ ul a", has_text="Evde bakım kurulum eğitimi")
    expect(upcoming).to_be_visible()
    expect(page.locator("#past-heading ~ ul a", has_text="Geçen ayki")).to_be_visible()
    assert_no_horizontal_overflow(page, "the events list")
    screenshot(page, "events-list")
    upcoming.click()
    page.wait_for_url(re.compile(re.escape(event.url) + "$"))
    expect(page.locator("[data-event-state=open]")).to_be_visible()

    # Two mistakes: no consent, a broken e-mail address.
    page.fill("#id_name", "Ayşe Yılmaz")
    page.fill("#id_organisation", "Tepebaşı Belediyesi")
    page.fill("#id_email", "ayse.yilmaz@")
    page.locator(REGISTER).click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'error-summary'")
    expect(summary.locator("a")).to_have_count(2)
    expect(page.locator("#id_organisation")).to_have_value("Tepebaşı Belediyesi")
    expect(page.locator("#id_email")).to_have_attribute("aria-describedby", re.compile(r"\bid_email_error\b"))
    assert not EventRegistration.objects.filter(email__startswith="ayse").exists()
    assert_no_horizontal_overflow(page, "the event page with errors")
    assert_accessible(page, "the event page showing registration errors")
    screenshot(page, "event-registration-errors")

    summary.locator("a[href='#id_email']").click()
    page.fill("#id_email", "ayse.yilmaz@tepebasi.bel.tr")
    consent = page.locator("label.consent-option")
    box = consent.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    consent.click()
    page.locator(REGISTER).click()
    page.wait_for_url(re.compile(r"/etkinlik-kaydi/\d+/alindi/"))
    expect(page.locator("h1")).to_be_visible()
    calendar_link = page.locator("a[href$='/takvim/']")
    expect(calendar_link).to_be_visible()
    with page.expect_download() as download:
        calendar_link.click()
    ics = download.value.path().read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in ics and "Evde bakım kurulum eğitimi" in ics
    assert_no_horizontal_overflow(page, "the confirmation")
    screenshot(page, "event-registration")

    registration = EventRegistration.objects.get(email="ayse.yilmaz@tepebasi.bel.tr")
    assert registration.organisation == "Tepebaşı Belediyesi" and registration.consent_given_at
    assert [m for m in mail.outbox if m.to == ["ayse.yilmaz@tepebasi.bel.tr"]]

    # That was the last seat: the page now says the event is full and offers no form.
    page.goto(event.url)
    expect(page.locator("[data-event-state=full]")).to_be_visible()
    expect(page.locator("#event-registration-form")).to_have_count(0)
    screenshot(page, "event-full")


def test_official_filters_publications_and_finds_one_in_search(page, screenshot):
    from practices.factories import PublicationPageFactory, ThemeFactory, publication_index_page
    from practices.models import PublicationKind

    housing = ThemeFactory(name="Sosyal Hizmetler")
    PublicationPageFactory(
        title="Gıda desteği politika notu", kind=PublicationKind.POLICY_NOTE, themes=[housing]
    )
    PublicationPageFactory(title="Yalnız yaşlılar saha çalışması", kind=PublicationKind.FIELD_STUDY)

    page.goto(publication_index_page().url)
    page.select_option("#publication-kind", "field_study")
    page.locator(".publication-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"kind=field_study"))
    expect(page.locator(".card__title a")).to_have_text(["Yalnız yaşlılar saha çalışması"])
    expect(page.locator("#publication-kind")).to_have_value("field_study")
    assert_no_horizontal_overflow(page, "the publications list")
    screenshot(page, "publications-list")

    page.goto("/ara/?q=gıda")
    expect(page.locator(".search-publications a", has_text="Gıda desteği politika notu")).to_be_visible()
    assert_no_horizontal_overflow(page, "search with publications")
    screenshot(page, "search-publications")
