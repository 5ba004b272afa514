"""An official searches for a training: the upcoming one shows in its own section with date and place, at a
phone and a desktop width, without overflowing the page."""

import datetime

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from practices.factories import EventPageFactory, PracticePageFactory


@pytest.fixture(autouse=True)
def _database_search(settings):
    settings.SEARCH_BACKEND = "database"


def test_a_search_shows_the_upcoming_training_with_its_date_and_place(page, screenshot):
    PracticePageFactory(title="Sosyal Market", summary="Mahalle sosyal marketi kurulumu.")
    start = timezone.now().replace(microsecond=0, minute=0) + datetime.timedelta(days=12)
    event = EventPageFactory(
        title="Sosyal market kurulum eğitimi", place="Mersin Büyükşehir Belediyesi meclis salonu", start=start
    )
    EventPageFactory(title="Geçen yılki sosyal market eğitimi", start=start - datetime.timedelta(days=400))

    page.goto("/ara/?q=sosyal+market")
    section = page.locator(".search-events")
    expect(section).to_be_visible()
    expect(section.get_by_role("link", name=event.title)).to_be_visible()
    expect(section).to_contain_text("Mersin Büyükşehir Belediyesi meclis salonu")
    expect(section).not_to_contain_text("Geçen yılki")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    section.scroll_into_view_if_needed()
    screenshot(page, "search-events")
