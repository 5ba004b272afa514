"""The nightly rebuild of the practice digests is scheduled by `run_schedule` (portal/background.py)."""

import datetime

from django.utils import timezone

import pytest

from portal.background import periodic_jobs, run_due
from portal.models import ScheduledRun
from practices import digest
from practices.factories import PracticePageFactory, ThemeFactory
from practices.models import PracticeDigest

pytestmark = pytest.mark.django_db

JOB = "practices.tasks.rebuild_practice_digests"


def test_the_rebuild_is_registered_once_a_day_at_night():
    job = {job.name: job for job in periodic_jobs()}[JOB]
    assert job.period.every == datetime.timedelta(days=1)
    assert job.period.at.hour < 6  # while nobody is editing


def test_the_scheduled_run_refreshes_a_stale_digest_and_runs_once_per_day():
    theme = ThemeFactory()
    food = PracticePageFactory(title="Sosyal market", summary="Gıda yardımı market kartı.", theme=theme)
    PracticePageFactory(title="Gıda kartı", summary="Gıda yardımı dijital kart.", theme=theme)
    PracticeDigest.objects.filter(page_id=food.pk).update(related=[])  # a list left behind by a bulk import
    assert digest.digest_differences() != []

    now = timezone.localtime().replace(hour=12, minute=0)  # an hour later is still the same day's period
    assert JOB in {run.job for run in run_due(now=now)}  # the test backend runs the task inline

    assert digest.digest_differences() == []
    assert PracticeDigest.objects.get(page_id=food.pk).related != []
    assert JOB not in {run.job for run in run_due(now=now + datetime.timedelta(hours=1))}
    assert ScheduledRun.objects.filter(job=JOB).count() == 1
