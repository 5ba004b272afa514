"""Background work on django-tasks: retries with back-off for any task, and the periodic scheduler.

django-tasks has no cron. Each app declares its periodic tasks in its own `tasks.py` with `@periodic(...)`;
`manage.py run_schedule` (started by `make run` and deploy/systemd/atlas-scheduler.service) enqueues each
one once per period. A `ScheduledRun` row per (job, period start), claimed under a unique constraint, makes
that idempotent: two schedulers, a restart or a second `--once` in the same period enqueue nothing more.
The worker (`manage.py db_worker`) runs what was enqueued; failed runs are listed in Reports → Background
tasks, and tasks wrapped in `@retried` are enqueued again with a growing delay.
"""

import datetime
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules, import_string

from django_tasks.base import Task

logger = logging.getLogger(__name__)

DEFAULT_ATTEMPTS = 5
DEFAULT_FIRST_DELAY = datetime.timedelta(minutes=1)


# ---- retries ---------------------------------------------------------------------------------------------


def retried(*, attempts: int = DEFAULT_ATTEMPTS, first_delay: datetime.timedelta = DEFAULT_FIRST_DELAY):
    """Put under `@task()`: a failed run is recorded as failed and the task is enqueued again after
    `first_delay`, doubling each time, until `attempts` runs have failed.

    The task gains a keyword argument `attempt` (1 for the first run). With the inline backend (tests,
    development) nothing is deferred, so the failure is only logged.
    """

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def run(*args, attempt: int = 1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as error:
                _retry_later(run, args, kwargs, attempt=attempt, attempts=attempts, first_delay=first_delay)
                logger.warning(
                    "Task %s failed (attempt %s of %s): %s", func.__qualname__, attempt, attempts, error
                )
                raise

        return run

    return decorate


def _retry_later(func: Callable, args, kwargs, *, attempt: int, attempts: int, first_delay) -> None:
    task_object = import_string(f"{func.__module__}.{func.__qualname__}")
    if not isinstance(task_object, Task):
        return
    if attempt >= attempts:
        logger.error("Task %s gave up after %s attempts", task_object.name, attempts)
        return
    if not task_object.get_backend().supports_defer:
        return
    delay = first_delay * 2 ** (attempt - 1)
    try:
        task_object.using(run_after=timezone.now() + delay).enqueue(*args, attempt=attempt + 1, **kwargs)
    except Exception:  # the retry is a bonus; the failure itself is recorded whatever happens here
        logger.exception("Could not enqueue a retry of %s", task_object.name)


# ---- periodic tasks --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Every `every` (minutes, hours, a day or a week), starting at `at` local time (Europe/Istanbul) and,
    for weekly periods, on `weekday` (0 = Monday)."""

    every: datetime.timedelta
    at: datetime.time = datetime.time(0, 0)
    weekday: int = 0

    def start(self, now: datetime.datetime) -> datetime.datetime:
        """The start of the period `now` falls in (an aware datetime)."""
        local = timezone.localtime(now)
        day_start = local.replace(hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0)
        if self.every >= datetime.timedelta(days=7):
            start = day_start - datetime.timedelta(days=(local.weekday() - self.weekday) % 7)
            return start if start <= local else start - datetime.timedelta(days=7)
        if self.every >= datetime.timedelta(days=1):
            return day_start if day_start <= local else day_start - datetime.timedelta(days=1)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        step = self.every.total_seconds()
        elapsed = (local - midnight).total_seconds()
        return midnight + datetime.timedelta(seconds=step * int(elapsed // step))


@dataclass(frozen=True)
class PeriodicJob:
    task: Task
    period: Period

    @property
    def name(self) -> str:
        return self.task.module_path


_REGISTRY: dict[str, PeriodicJob] = {}


def periodic(*, every: datetime.timedelta, at: datetime.time = datetime.time(0, 0), weekday: int = 0):
    """Register a task (put above `@task()`) to be enqueued once per period by `run_schedule`."""

    def register(task_object: Task) -> Task:
        job = PeriodicJob(task=task_object, period=Period(every=every, at=at, weekday=weekday))
        _REGISTRY[job.name] = job
        return task_object

    return register


def periodic_jobs() -> list[PeriodicJob]:
    """Every app's periodic tasks: each app's `tasks` module is imported (as the admin autodiscovers)."""
    autodiscover_modules("tasks")
    return sorted(_REGISTRY.values(), key=lambda job: job.name)


@dataclass(frozen=True)
class Enqueued:
    job: str
    period_start: datetime.datetime
    result_id: str


def run_due(*, now: datetime.datetime | None = None) -> list[Enqueued]:
    """Enqueue every periodic task whose current period has not been claimed yet; returns what it enqueued.

    The claim and the enqueue share a transaction: a failed enqueue releases the claim for the next run.
    """
    from portal.models import ScheduledRun

    now = now or timezone.now()
    done = []
    for job in periodic_jobs():
        start = job.period.start(now)
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, period_start=start)
                result = job.task.enqueue()
                run.task_result_id = str(result.id)
                run.save(update_fields=["task_result_id"])
        except IntegrityError:
            continue  # this period was claimed already (by us earlier, or another scheduler)
        except Exception:
            logger.exception("Could not enqueue periodic task %s", job.name)
            continue
        done.append(Enqueued(job=job.name, period_start=start, result_id=str(result.id)))
    return done


def prune_scheduled_runs(*, now: datetime.datetime | None = None, keep_days: int = 30) -> int:
    from portal.models import ScheduledRun

    now = now or timezone.now()
    deleted, _details = ScheduledRun.objects.filter(
        period_start__lt=now - datetime.timedelta(days=keep_days)
    ).delete()
    return deleted


__all__ = [
    "Enqueued",
    "Period",
    "PeriodicJob",
    "periodic",
    "periodic_jobs",
    "prune_scheduled_runs",
    "retried",
    "run_due",
]
