"""The portal's own periodic tasks: Wagtail's scheduled publishing, and pruning the scheduler's and the task
queue's old rows. Other apps declare theirs in their own tasks.py (see portal/background.py)."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from django_tasks import task

from .background import periodic, prune_scheduled_runs, retried

# Failed runs stay longer than successful ones, so someone can look at them in Reports -> Background tasks.
KEEP_SUCCESSFUL_DAYS = 14
KEEP_FAILED_DAYS = 90


@periodic(every=datetime.timedelta(minutes=5))
@task()
@retried(attempts=3)
def publish_scheduled_pages() -> str:
    """Publish pages and snippets whose "go live" time has come and unpublish expired ones: Wagtail's own
    `publish_scheduled` command, so the logic stays Wagtail's."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()[-2000:]


@periodic(every=datetime.timedelta(days=1), at=datetime.time(4, 30))
@task()
def prune_background_records() -> dict[str, int]:
    """Delete scheduler claims older than 30 days and finished task results past their keeping time."""
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    successful, _details = (
        DBTaskResult.objects.successful()
        .filter(finished_at__lt=now - datetime.timedelta(days=KEEP_SUCCESSFUL_DAYS))
        .delete()
    )
    failed, _details = (
        DBTaskResult.objects.failed()
        .filter(finished_at__lt=now - datetime.timedelta(days=KEEP_FAILED_DAYS))
        .delete()
    )
    return {
        "scheduled_runs": prune_scheduled_runs(now=now),
        "successful_results": successful,
        "failed_results": failed,
    }
