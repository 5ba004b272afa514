"""Scheduled work that runs by itself: the periodic scheduler's entry points, retries with back-off on the
database queue, and failed tasks in Reports -> Background tasks (superusers only)."""

import datetime
import io
import zoneinfo

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.background import Period, periodic_jobs, retried, run_due
from portal.models import ScheduledRun
from tests.task_worker import run_worker

pytestmark = pytest.mark.django_db

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CALLS: list[int] = []


@task()
@retried(attempts=3, first_delay=datetime.timedelta(minutes=1))
def always_fails(number: int) -> None:
    CALLS.append(number)
    raise RuntimeError(f"boom {number}")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=ISTANBUL)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    CALLS.clear()


class TestPeriods:
    def test_daily_period_starts_at_its_time_of_day(self):
        daily = Period(every=datetime.timedelta(days=1), at=datetime.time(8, 0))
        assert daily.start(at(2026, 3, 4, 9, 30)) == at(2026, 3, 4, 8, 0)
        assert daily.start(at(2026, 3, 4, 7, 59)) == at(2026, 3, 3, 8, 0)

    def test_weekly_period_starts_on_its_weekday(self):
        monday = Period(every=datetime.timedelta(days=7), at=datetime.time(8, 30), weekday=0)
        assert monday.start(at(2026, 3, 4, 12, 0)) == at(2026, 3, 2, 8, 30)  # a Wednesday
        assert monday.start(at(2026, 3, 2, 8, 0)) == at(2026, 2, 23, 8, 30)  # Monday, before 08:30

    def test_minute_periods_are_aligned(self):
        five = Period(every=datetime.timedelta(minutes=5))
        assert five.start(at(2026, 3, 4, 10, 7, 12)) == at(2026, 3, 4, 10, 5)


class TestScheduler:
    def test_every_app_declares_its_periodic_tasks_in_its_own_tasks_module(self):
        names = {job.name for job in periodic_jobs()}
        assert {
            "mentorship.tasks.send_follow_up_reminders",
            "mentorship.tasks.send_stalled_adoptions_digest",
            "mentorship.tasks.erase_expired_contacts",
            "portal.tasks.publish_scheduled_pages",
            "search.tasks.repair_search_index",
        } <= names

    def test_each_task_is_enqueued_once_per_period(self, database_queue):
        now = at(2026, 3, 4, 9, 2)
        first = run_due(now=now)
        assert {e.job for e in first} == {job.name for job in periodic_jobs()}
        assert run_due(now=now + datetime.timedelta(seconds=30)) == []  # a second scheduler, or a restart
        assert DBTaskResult.objects.count() == len(first)
        later = run_due(now=now + datetime.timedelta(minutes=5))
        assert [e.job for e in later] == ["portal.tasks.publish_scheduled_pages"]
        assert ScheduledRun.objects.count() == len(first) + 1

    def test_the_command_runs_once_and_says_what_it_enqueued(self, database_queue):
        out = io.StringIO()
        call_command("run_schedule", "--once", stdout=out)
        assert "Enqueued mentorship.tasks.erase_expired_contacts" in out.getvalue()
        out = io.StringIO()
        call_command("run_schedule", "--once", stdout=out)
        assert out.getvalue() == ""

    def test_inline_backend_runs_the_tasks_at_once(self):
        enqueued = run_due(now=timezone.now())
        assert enqueued and not DBTaskResult.objects.exists()

    def test_scheduled_publishing_runs_wagtail_s_logic(self, database_queue, admin_user):
        from practices.factories import PracticePageFactory

        page = PracticePageFactory()
        page.unpublish()
        page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save_revision(user=admin_user, approved_go_live_at=page.go_live_at)
        run_due(now=timezone.now())
        run_worker()
        page.refresh_from_db()
        assert page.live
        assert not DBTaskResult.objects.failed().exists()


class TestRetries:
    def test_a_failed_task_is_recorded_and_enqueued_again_with_a_growing_delay(self, database_queue):
        always_fails.enqueue(7)
        run_worker()
        failed = DBTaskResult.objects.failed().get()
        assert "RuntimeError" in failed.exception_class_path and "boom 7" in failed.traceback
        retry = DBTaskResult.objects.ready().exclude(pk=failed.pk)
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).get()
        assert not retry.exists()  # not due yet
        assert waiting.args_kwargs == {"args": [7], "kwargs": {"attempt": 2}}
        assert (
            datetime.timedelta(seconds=50)
            < waiting.run_after - timezone.now()
            <= datetime.timedelta(minutes=1)
        )

        DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
        run_worker()
        third = DBTaskResult.objects.filter(status=TaskResultStatus.READY).get()
        assert third.args_kwargs["kwargs"] == {"attempt": 3}
        assert third.run_after - timezone.now() > datetime.timedelta(seconds=110)  # doubled

        DBTaskResult.objects.filter(pk=third.pk).update(run_after=timezone.now())
        run_worker()
        assert DBTaskResult.objects.failed().count() == 3
        assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()  # gave up
        assert CALLS == [7, 7, 7]

    def test_the_inline_backend_does_not_retry(self):
        CALLS.clear()
        result = always_fails.enqueue(1)
        assert result.status == TaskResultStatus.FAILED
        assert CALLS == [1] and not DBTaskResult.objects.exists()


class TestReport:
    def failed_result(self, settings) -> DBTaskResult:
        settings.TASKS = DATABASE_QUEUE
        CALLS.clear()
        always_fails.using(run_after=None).enqueue(3, attempt=3)  # the last attempt: no retry queued
        run_worker()
        return DBTaskResult.objects.failed().get()

    def test_a_superuser_sees_failed_tasks_and_runs_one_again(self, client, admin_user, settings):
        result = self.failed_result(settings)
        client.force_login(admin_user)
        listing = client.get(
            reverse("portal_background_tasks"), {"status": "FAILED"}, HTTP_ACCEPT_LANGUAGE="en"
        )
        assert listing.status_code == 200 and "always_fails" in listing.content.decode()
        detail = client.get(reverse("portal_background_task", args=(result.pk,)), HTTP_ACCEPT_LANGUAGE="en")
        assert "boom 3" in detail.content.decode() and "Run again" in detail.content.decode()

        response = client.post(reverse("portal_background_task", args=(result.pk,)))
        assert response.status_code == 302
        again = DBTaskResult.objects.exclude(pk=result.pk).get()
        assert again.status == TaskResultStatus.READY and again.args_kwargs == result.args_kwargs
        run_worker()
        assert DBTaskResult.objects.failed().count() == 2

    @pytest.mark.parametrize("role", ["mentor", "editor", "publisher"])
    def test_other_roles_see_no_tasks(self, request, client, role, settings):
        result = self.failed_result(settings)
        client.force_login(request.getfixturevalue(role))
        for url in (reverse("portal_background_tasks"), reverse("portal_background_task", args=(result.pk,))):
            assert client.get(url).status_code in (302, 403)
        assert client.post(reverse("portal_background_task", args=(result.pk,))).status_code in (302, 403)
        assert DBTaskResult.objects.count() == 1
