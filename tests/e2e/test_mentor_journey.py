"""A mentor logs a visit, moves an adoption to the next stage with a note, and sees both on the dashboard."""

import datetime

from django.utils import timezone

from playwright.sync_api import expect

from mentorship.factories import AdoptionFactory, FollowUpFactory, MunicipalityFactory
from mentorship.models import AdoptionStage, Visit, VisitStatus
from practices.factories import PracticePageFactory

from .conftest import log_in, submit_admin_form

NOTE = "Belediye meclisi bütçeyi onayladı; pilot mahalle seçildi."


def test_mentor_logs_a_visit_moves_a_stage_and_sees_the_follow_up_on_the_dashboard(page, mentor, screenshot):
    today = timezone.localdate()
    municipality = MunicipalityFactory(name="Tepebaşı", province=26)
    practice = PracticePageFactory(title="Sosyal Market")
    adoption = AdoptionFactory(municipality=municipality, practice=practice, stage=AdoptionStage.VISITED)
    FollowUpFactory(
        action="Bütçe şablonunu gönder",
        assignee=mentor,
        due_date=today - datetime.timedelta(days=3),
        visit=None,
        adoption=adoption,
    )
    visit_date = today + datetime.timedelta(days=10)

    log_in(page, mentor.username)
    save = page.locator("main form[method=post] button[type=submit]").last

    # Log a hosted study visit with the mentor and the practice discussed.
    page.goto("/admin/mentorship/visits/new/")
    page.select_option("#id_municipality", str(municipality.pk))
    page.select_option("#id_status", VisitStatus.SCHEDULED)
    page.fill("#id_date", visit_date.isoformat())
    page.keyboard.press("Escape")  # closes the date picker
    page.select_option("#id_format", "hosted")
    page.check(f"input[name=mentors][value='{mentor.pk}']")
    # The practice comes from Wagtail's chooser (the library is too large for a list on the form).
    page.click("#id_practice_links-OPEN_MODAL")
    page.check(f"#chooser-modal-select-{practice.pk}")
    page.click("[data-multiple-choice-submit]")
    expect(page.locator("#id_practice_links-0-practice")).to_have_value(str(practice.pk))
    page.fill("#id_participants", "6")
    page.fill("#id_notes", "Sosyal market deposu gezilecek.")
    submit_admin_form(page, save)
    expect(page.locator(".messages")).to_contain_text("Tepebaşı")
    visit = Visit.objects.get(municipality=municipality)
    assert (visit.status, visit.date) == (VisitStatus.SCHEDULED, visit_date)
    assert list(visit.mentors.all()) == [mentor]
    assert list(visit.practices.all()) == [practice]

    # Move the adoption from "visited" to "planning" with a note; the history shows it.
    page.goto(f"/admin/mentorship/adoptions/stage/{adoption.pk}/")
    page.select_option("#id_to_stage", AdoptionStage.PLANNING)
    page.fill("#id_note", NOTE)
    submit_admin_form(page, save)
    expect(page.locator("section[aria-labelledby=adoption-history]")).to_contain_text(NOTE)
    adoption.refresh_from_db()
    assert adoption.stage == AdoptionStage.PLANNING
    assert adoption.events.get(to_stage=AdoptionStage.PLANNING).note == NOTE

    # The dashboard lists the upcoming visit and the overdue follow-up.
    page.goto("/admin/")
    expect(page.locator("#mentorship-upcoming-visits-section")).to_contain_text("Tepebaşı")
    expect(page.locator("#mentorship-overdue-follow-ups-section")).to_contain_text("Bütçe şablonunu gönder")
    screenshot(page, "mentor-dashboard")
