"""An official asks for a study visit from a practice page: a mistake shown by its field, then success."""

import datetime
import re

from django.core.cache import cache
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from mentorship.factories import MunicipalityFactory
from mentorship.models import Visit, VisitStatus
from practices.factories import PracticePageFactory

from .conftest import assert_accessible


@pytest.fixture(autouse=True)
def _fresh_rate_limit(settings):
    # Every test posts from 127.0.0.1; the per-address limit must not carry over between tests.
    settings.VISIT_REQUEST_RATE_LIMIT = "100/h"
    cache.clear()


def test_official_corrects_a_mistake_and_requests_a_study_visit(page, screenshot):
    municipality = MunicipalityFactory(name="Tepebaşı", province=26)
    practice = PracticePageFactory(title="Sosyal Market")
    visit_day = timezone.localdate() + datetime.timedelta(days=30)

    page.goto(practice.url)
    page.locator(f"a[href='/ziyaret-talebi/?practice={practice.pk}']").click()
    page.wait_for_url(re.compile(r"/ziyaret-talebi/"))
    practice_box = page.locator(f"input[name=practices][value='{practice.pk}']")
    expect(practice_box).to_be_checked()

    page.select_option("#id_municipality", str(municipality.pk))
    page.fill("#id_contact_name", "Ayşe Yılmaz")
    page.fill("#id_role", "Sosyal Hizmetler Müdürü")
    page.fill("#id_email", "ayse.yilmaz@")  # the mistake
    page.fill("#id_preferred_date_1", visit_day.isoformat())
    page.fill("#id_message", "Depo ve dağıtım düzenini görmek istiyoruz.")
    page.check("#id_consent")
    page.locator("form[method=post] button[type=submit]").click()

    # The error sits next to the e-mail field, is tied to it for screen readers, and nothing typed is lost.
    error = page.locator("#id_email_error")
    expect(error).to_be_visible()
    expect(page.locator("#id_email")).to_have_attribute("aria-describedby", re.compile(r"\bid_email_error\b"))
    expect(page.locator(".error-summary a[href='#id_email']")).to_be_visible()
    expect(page.locator("#id_contact_name")).to_have_value("Ayşe Yılmaz")
    expect(page.locator("#id_email")).to_have_value("ayse.yilmaz@")
    expect(page.locator("#id_municipality")).to_have_value(str(municipality.pk))
    expect(page.locator("#id_preferred_date_1")).to_have_value(visit_day.isoformat())
    expect(page.locator("#id_message")).to_have_value("Depo ve dağıtım düzenini görmek istiyoruz.")
    expect(practice_box).to_be_checked()
    assert not Visit.objects.exists()
    assert_accessible(page, "the visit request form showing an error")

    page.fill("#id_email", "ayse.yilmaz@tepebasi.bel.tr")
    if not page.locator("#id_consent").is_checked():
        page.check("#id_consent")
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ziyaret-talebi/alindi/"))
    expect(page.locator("h1")).to_be_visible()
    visit = Visit.objects.get()
    assert (visit.municipality, visit.status) == (municipality, VisitStatus.REQUESTED)
    assert list(visit.practices.all()) == [practice]
    screenshot(page, "visit-request")
