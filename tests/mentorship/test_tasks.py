"""Mentorship's scheduled work: the worker runs the reminder and retention jobs the scheduler enqueued;
follow-ups are also reminded N days ahead; stalled adoptions come in a weekly digest, not every day."""

import datetime

from django.core import mail
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from mentorship import reminders
from mentorship.factories import AdoptionFactory, FollowUpFactory, UserFactory, VisitRequestFactory
from mentorship.models import AdoptionStage, ContactPerson, ReminderLog
from portal.background import run_due
from tests.task_worker import run_worker

pytestmark = pytest.mark.django_db


def stalled_adoption(mentor, days: int = 120):
    return AdoptionFactory(
        mentor=mentor,
        stage=AdoptionStage.PLANNING,
        stage_changed_at=timezone.now() - datetime.timedelta(days=days),
    )


def test_the_worker_runs_the_reminder_and_retention_jobs_the_scheduler_enqueued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CONTACT_RETENTION_DAYS = 30
    follow_up = FollowUpFactory(due_date=timezone.localdate() - datetime.timedelta(days=1))
    old = timezone.now() - datetime.timedelta(days=40)
    expired = VisitRequestFactory(created_at=old, contact__created_at=old).contact

    enqueued = {e.job for e in run_due()}
    assert {
        "mentorship.tasks.send_follow_up_reminders",
        "mentorship.tasks.erase_expired_contacts",
    } <= enqueued
    assert mail.outbox == [] and not ContactPerson.objects.get(pk=expired.pk).is_anonymised  # queued only

    run_worker()

    assert not DBTaskResult.objects.failed().exists()
    assert [m.to for m in mail.outbox if follow_up.action in m.body] == [[follow_up.assignee.email]]
    assert ContactPerson.objects.get(pk=expired.pk).is_anonymised
    reminder = DBTaskResult.objects.get(task_path="mentorship.tasks.send_follow_up_reminders")
    assert reminder.return_value == 1


class TestFollowUpReminders:
    def test_a_follow_up_is_also_reminded_the_set_number_of_days_before(self, settings):
        settings.FOLLOW_UP_REMINDER_DAYS_BEFORE = 3
        today = timezone.localdate()
        ahead = FollowUpFactory(due_date=today + datetime.timedelta(days=3), action="Üç gün sonra")
        FollowUpFactory(due_date=today + datetime.timedelta(days=2), action="İki gün sonra")
        reminders.followup_reminders_send(today=today)
        assert len(mail.outbox) == 1 and "Üç gün sonra" in mail.outbox[0].body
        assert "İki gün sonra" not in mail.outbox[0].body
        assert ReminderLog.objects.get().follow_up == ahead

    def test_zero_days_before_turns_the_advance_reminder_off(self, settings):
        settings.FOLLOW_UP_REMINDER_DAYS_BEFORE = 0
        FollowUpFactory(due_date=timezone.localdate() + datetime.timedelta(days=3))
        assert reminders.followup_reminders_send() == []

    def test_the_daily_reminder_no_longer_lists_stalled_adoptions(self):
        mentor = UserFactory()
        stalled_adoption(mentor)
        assert reminders.followup_reminders_send() == []
        assert mail.outbox == []


class TestStalledDigest:
    def test_each_stalled_adoption_once_a_week_however_often_it_runs(self):
        mentor = UserFactory()
        adoption = stalled_adoption(mentor)
        AdoptionFactory(
            mentor=mentor, stage=AdoptionStage.ADOPTED, stage_changed_at=adoption.stage_changed_at
        )
        monday = datetime.date(2026, 3, 2)
        for offset in range(7):  # every day of the week
            reminders.stalled_digest_send(today=monday + datetime.timedelta(days=offset))
        assert len(mail.outbox) == 1
        assert str(adoption) in mail.outbox[0].body
        reminders.stalled_digest_send(today=monday + datetime.timedelta(days=7))
        assert len(mail.outbox) == 2  # the next week, still stalled

    def test_only_the_mentor_s_own_adoptions_and_a_dry_run_sends_nothing(self):
        first, second = UserFactory(), UserFactory()
        stalled_adoption(first)
        stalled_adoption(second)
        stalled_adoption(second, days=30)  # not stalled yet
        digests = reminders.stalled_digest_send(dry_run=True)
        assert sorted(len(d.stalled_adoptions) for d in digests) == [1, 1]
        assert mail.outbox == [] and not ReminderLog.objects.exists()
        reminders.stalled_digest_send()
        assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])

    def test_archived_adoptions_are_left_out(self):
        from mentorship import services

        adoption = stalled_adoption(UserFactory())
        services.adoption_archive(adoption=adoption)
        assert reminders.stalled_digest_send() == []
