"""A mentor answers a new public request from the dashboard, then records an adopter's results and publishes
the adaptation."""

import datetime

from django.core import mail
from django.utils import timezone

from playwright.sync_api import expect

from mentorship.factories import AdoptionFactory, MunicipalityFactory, VisitRequestFactory
from mentorship.models import AdoptionMetric, AdoptionStage, VisitStatus
from practices.factories import PracticeMetricFactory, PracticePageFactory

from .conftest import log_in, submit_admin_form


def test_mentor_schedules_a_request_and_records_an_adopters_results(page, mentor, screenshot):
    practice = PracticePageFactory(title="Sosyal Market")
    origin = PracticeMetricFactory(page=practice, label="Yararlanan hane", value=1200, unit="hane", year=2024)
    request = VisitRequestFactory(
        municipality=MunicipalityFactory(name="Yazılanköy", province=33, confirmed=False),
        practices=[practice],
        preferred_dates="2027-02-01, 2027-02-08",
        delegation_size=9,
    )
    adoption = AdoptionFactory(
        municipality=MunicipalityFactory(name="Tepebaşı", province=26),
        practice=practice,
        stage=AdoptionStage.ADOPTED,
    )
    day = timezone.localdate() + datetime.timedelta(days=14)

    log_in(page, mentor.username)
    save = page.locator("main form[method=post] button[type=submit]").last

    # The dashboard shows the request with what triage needs, and the way to answer it.
    page.goto("/admin/")
    panel = page.locator("#mentorship-new-requests-section")
    for text in ("Yazılanköy", "Sosyal Market", "2027-02-01, 2027-02-08", "9"):
        expect(panel).to_contain_text(text)
    screenshot(page, "mentor-new-requests")
    panel.locator(f"a[href='/admin/mentorship/visits/schedule/{request.pk}/']").click()
    page.fill("#id_date", day.isoformat())
    page.keyboard.press("Escape")  # closes the date picker
    page.check(f"input[name=mentors][value='{mentor.pk}']")
    submit_admin_form(page, save)
    expect(page.locator(".messages")).to_contain_text("Yazılanköy")
    request.refresh_from_db()
    assert (request.status, request.date) == (VisitStatus.SCHEDULED, day)
    assert [message.to for message in mail.outbox] == [[request.contact.email]]

    # The adopter's figure beside the origin's, the adaptation, and the choice to publish it.
    page.goto(f"/admin/mentorship/adoptions/results/{adoption.pk}/")
    page.fill(f"#id_value_{origin.pk}", "310")
    page.fill(f"#id_year_{origin.pk}", "2025")
    page.fill("#id_changed", "Kart yerine kupon; ilçede kart okuyucu yoktu.")
    page.check("#id_show_publicly")
    screenshot(page, "mentor-adoption-results")
    submit_admin_form(page, save)
    metric = AdoptionMetric.objects.get(adoption=adoption)
    assert (metric.value, metric.year, metric.unit) == (310, 2025, "hane")

    page.goto(practice.url)
    expect(page.locator(".adopted-by")).to_contain_text("Kart yerine kupon")
